import { readFileSync } from 'node:fs';

/**
 * `npm run emulators -- --accounts FILE`: the `accounts` of a vidmesh config file, read by the
 * emulators themselves (they are their own package and know nothing of the gateway's config code).
 * Only what an emulator needs is read and checked: ids, providers and credentials. `${ENV}` is
 * interpolated inside `accounts` as the gateway does (DESIGN §4); values are never echoed.
 */

export type EmulatorAccountSpec =
  | { readonly id: string; readonly provider: 'panda'; readonly cloudId: string; readonly accessKey: string; readonly secretKey: string }
  | { readonly id: string; readonly provider: 'telestream'; readonly factoryId: string; readonly accessKey: string; readonly secretKey: string }
  | { readonly id: string; readonly provider: 'dailymotion'; readonly userId: string; readonly apiKey: string }
  | { readonly id: string; readonly provider: 'ziggeo'; readonly token: string; readonly privateKey: string; readonly encryptionKey?: string };

export type EmulatorProvider = EmulatorAccountSpec['provider'];

/** A file that cannot be used: the message names the file and each offending path. */
export class AccountsFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid accounts file ${file}:\n  ${problems.join('\n  ')}`);
    this.name = 'AccountsFileError';
  }
}

/** Credential fields per provider; `?` marks an optional one. */
const FIELDS: Readonly<Record<EmulatorProvider, readonly string[]>> = {
  panda: ['cloudId', 'accessKey', 'secretKey'],
  telestream: ['factoryId', 'accessKey', 'secretKey'],
  dailymotion: ['userId', 'apiKey'],
  ziggeo: ['token', 'privateKey', 'encryptionKey?'],
};

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `${NAME}` replaced from env in every string below `value`; a missing variable is a problem at its path. */
function interpolate(value: unknown, env: NodeJS.ProcessEnv, path: string, problems: string[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
      const found = env[name];
      if (found !== undefined) return found;
      problems.push(`${path}: environment variable ${name} is not set`);
      return '';
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => interpolate(item, env, `${path}[${i}]`, problems));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, env, `${path}.${k}`, problems)]));
  return value;
}

function readAccount(raw: unknown, path: string, problems: string[]): EmulatorAccountSpec | null {
  if (!isRecord(raw)) {
    problems.push(`${path}: an object`);
    return null;
  }
  const before = problems.length;
  const text = (key: string, optional = false): string | undefined => {
    const v = raw[key];
    if (v === undefined && optional) return undefined;
    if (v === undefined) problems.push(`${path}.${key}: required`);
    else if (typeof v !== 'string' || v === '') problems.push(`${path}.${key}: a non-empty string`);
    return typeof v === 'string' ? v : undefined;
  };
  const id = text('id');
  const provider = raw.provider;
  if (typeof provider !== 'string' || !Object.prototype.hasOwnProperty.call(FIELDS, provider)) {
    problems.push(`${path}.provider: must be one of dailymotion, panda, telestream, ziggeo`);
    return null;
  }
  const out: Record<string, string> = { id: id ?? '', provider };
  for (const field of FIELDS[provider as EmulatorProvider]) {
    const optional = field.endsWith('?');
    const key = optional ? field.slice(0, -1) : field;
    const value = text(key, optional);
    if (value !== undefined) out[key] = value;
  }
  return problems.length === before ? (out as unknown as EmulatorAccountSpec) : null;
}

/** Parsed JSON of a config → its accounts, or every problem at once. */
export function accountsOf(config: unknown, file: string, env: NodeJS.ProcessEnv = process.env): EmulatorAccountSpec[] {
  if (!isRecord(config) || !Array.isArray(config.accounts)) throw new AccountsFileError(file, ['accounts: required, a list']);
  const problems: string[] = [];
  const interpolated = interpolate(config.accounts, env, 'accounts', problems) as unknown[];
  if (problems.length > 0) throw new AccountsFileError(file, problems);
  const accounts = interpolated.map((raw, i) => readAccount(raw, `accounts[${i}]`, problems));
  if (problems.length > 0) throw new AccountsFileError(file, problems);
  return accounts as EmulatorAccountSpec[];
}

export function readAccountsFile(file: string, env: NodeJS.ProcessEnv = process.env): EmulatorAccountSpec[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AccountsFileError(file, [`cannot read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the text around the error, which may be a secret: only the position is kept
    const at = /position (\d+)/.exec((error as Error).message);
    throw new AccountsFileError(file, [`not valid JSON${at ? ` (at character ${at[1]})` : ''}`]);
  }
  return accountsOf(parsed, file, env);
}
