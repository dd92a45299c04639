import { badUserInput } from '../errors';

/** What a Relay global id encodes: the GraphQL type, the vidmesh account and the provider's own id. */
export interface GlobalIdParts {
  readonly type: string;
  readonly account: string;
  readonly nativeId: string;
}

const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
export const ACCOUNT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Opaque, URL-safe: base64url of `Type:account:nativeId` (the native id may itself hold colons). */
export function toGlobalId(type: string, account: string, nativeId: string): string {
  return Buffer.from(`${type}:${account}:${nativeId}`, 'utf8').toString('base64url');
}

/** Decodes a global id; `expected` restricts the types accepted. Malformed ids are BAD_USER_INPUT. */
export function fromGlobalId(id: string, expected?: readonly string[]): GlobalIdParts {
  const parts = /^[A-Za-z0-9_-]{1,1400}$/.test(id) ? decode(id) : null;
  if (parts === null) throw badUserInput(`"${preview(id)}" is not a vidmesh id`, { field: 'id' });
  if (expected && !expected.includes(parts.type)) {
    throw badUserInput(`id "${preview(id)}" is a ${parts.type}, expected ${expected.join(' or ')}`, { field: 'id' });
  }
  return parts;
}

function decode(id: string): GlobalIdParts | null {
  const text = Buffer.from(id, 'base64url').toString('utf8');
  if (Buffer.from(text, 'utf8').toString('base64url') !== id) return null;
  const first = text.indexOf(':');
  const second = text.indexOf(':', first + 1);
  if (first < 0 || second < 0) return null;
  const type = text.slice(0, first);
  const account = text.slice(first + 1, second);
  const nativeId = text.slice(second + 1);
  if (!TYPE_NAME.test(type) || !ACCOUNT_ID.test(account) || nativeId.length === 0) return null;
  return { type, account, nativeId };
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
