import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/** One GraphiQL tab (its `defaultTabs` shape): GraphiQL titles it by the document's first operation name. */
export interface IdeTab {
  readonly query: string;
}

/** The repository's `schema/operations`, found upwards from this file (from `src/` or compiled `dist/src/`). */
function operationsDir(): string | null {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'schema', 'operations');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/**
 * The example operations (`schema/operations/**\/*.graphql`, the ones codegen types), one tab per
 * file in path order, each headed by its path. None when the folder is not there (an install without it).
 */
export function exampleTabs(dir: string | null = operationsDir()): IdeTab[] {
  if (dir === null) return [];
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.graphql')).sort();
  return files.map((file) => {
    const path = ['schema', 'operations', ...relative(dir, join(dir, file)).split(sep)].join('/');
    return { query: `# ${path}\n${readFileSync(join(dir, file), 'utf8').trimEnd()}\n` };
  });
}
