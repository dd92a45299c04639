import { readFileSync } from 'node:fs';
import type { core } from 'zod';
import { configSchema, type VidmeshConfig } from './schema';

/** A config file that cannot be used; `problems` name the offending paths (`accounts[2].secretKey: required`). */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid config ${source}:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** `accounts[2].secretKey` from a path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** Replaces `${ENV_NAME}` in every string value; a missing variable is a problem naming it and the path. */
export function interpolateEnv(value: unknown, env: NodeJS.ProcessEnv, problems: string[], path: PropertyKey[] = []): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const found = env[name];
      if (found === undefined) {
        problems.push(`${formatPath(path) || '(root)'}: environment variable ${name} is not set`);
        return '';
      }
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolateEnv(item, env, problems, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, interpolateEnv(item, env, problems, [...path, key])]));
  }
  return value;
}

function issueMessage(issue: core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_union' && issue.note === 'No matching discriminator') {
    return 'provider must be one of dailymotion, panda, telestream, ziggeo';
  }
  return undefined;
}

/** Validates parsed JSON as a config (after `${ENV}` interpolation). Never echoes values: they may be secrets. */
export function parseConfig(raw: unknown, source: string, env: NodeJS.ProcessEnv = process.env): VidmeshConfig {
  const problems: string[] = [];
  const interpolated = interpolateEnv(raw, env, problems);
  if (problems.length > 0) throw new ConfigError(source, problems);
  const result = configSchema.safeParse(interpolated, { error: issueMessage, reportInput: false });
  if (!result.success) {
    throw new ConfigError(
      source,
      result.error.issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): VidmeshConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [`cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [`not valid JSON: ${(error as Error).message}`]);
  }
  return parseConfig(raw, path, env);
}
