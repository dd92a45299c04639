import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kind, OperationTypeNode, parse, print, type OperationDefinitionNode, type TypeNode } from 'graphql';

/** One canonical dashboard operation, sent as its whole file with its name (fragments included). */
export interface DashboardOperation {
  readonly name: string;
  readonly file: string;
  readonly query: string;
  readonly definition: OperationDefinitionNode;
}

/** What variables are made of: the account under test and some of its objects. */
export interface OperationSamples {
  readonly accountId: string;
  /** Global ids of the account's newest videos. */
  readonly videoIds: readonly string[];
}

export type VariablesBuilder = (samples: OperationSamples) => Record<string, unknown>;

/** Operations whose variables are not what `defaultVariables` would derive. */
export const VARIABLES: Readonly<Partial<Record<string, VariablesBuilder>>> = {
  DashboardVideoList: (s) => ({ accounts: [s.accountId], first: 20 }),
};

/** The repository root: the nearest folder above with a package.json (works from `dist/bench/...`). */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** Every query in `schema/operations/dashboard/*.graphql`, files in name order. */
export function loadDashboardOperations(dir = join(repoRoot(), 'schema', 'operations', 'dashboard')): DashboardOperation[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  return files.flatMap((file) => {
    const query = readFileSync(join(dir, file), 'utf8');
    return parse(query).definitions.flatMap((d) =>
      d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.QUERY && d.name ? [{ name: d.name.value, file, query, definition: d }] : [],
    );
  });
}

const unwrap = (type: TypeNode): { list: boolean; named: string; nonNull: boolean } => {
  const nonNull = type.kind === Kind.NON_NULL_TYPE;
  const inner = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  if (inner.kind === Kind.LIST_TYPE) return { list: true, named: unwrap(inner.type).named, nonNull };
  return { list: false, named: inner.kind === Kind.NAMED_TYPE ? inner.name.value : '', nonNull };
};

/**
 * Variables by name and type, for operations with no entry in VARIABLES: accounts → the account
 * under test, `first` → 20, ids → sample video ids; optional ones are left out. A required variable
 * it cannot derive is an error naming it, so a new operation asks for its builder instead of being
 * measured with wrong input.
 */
export function defaultVariables(definition: OperationDefinitionNode, samples: OperationSamples): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const operation = definition.name?.value ?? '(anonymous)';
  for (const variable of definition.variableDefinitions ?? []) {
    const name = variable.variable.name.value;
    const type = unwrap(variable.type);
    const lower = name.toLowerCase();
    let value: unknown;
    if (/^accounts?(ids?)?$/.test(lower)) value = type.list ? [samples.accountId] : samples.accountId;
    else if (type.named === 'Int' && /^(first|last|limit|count)$/.test(lower)) value = 20;
    else if (type.named === 'ID' && /^(videoids?|ids?|nodeids?)$/.test(lower)) {
      if (samples.videoIds.length === 0) throw new Error(`${operation}: $${name} needs a video id and the account has none`);
      value = type.list ? samples.videoIds.slice(0, 10) : samples.videoIds[0];
    }
    if (value !== undefined) out[name] = value;
    else if (type.nonNull && variable.defaultValue === undefined) {
      throw new Error(`${operation}: cannot derive $${name}: ${print(variable.type)}; add a builder to VARIABLES in bench/support/operations.ts`);
    }
  }
  return out;
}

export function variablesFor(operation: DashboardOperation, samples: OperationSamples): Record<string, unknown> {
  return (VARIABLES[operation.name] ?? ((s) => defaultVariables(operation.definition, s)))(samples);
}
