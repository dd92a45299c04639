import { invalidParam } from './fault';
import { isObject, type Json } from './jsonlex';

/** `media.list`/`media.info` selection: dotted `fields`, Mongo-like `filter`, `sort` (dailymotion spec §5.1). */

export type Doc = { [key: string]: Json };

function at(doc: Json, path: readonly string[]): Json | undefined {
  let node: Json | undefined = doc;
  for (const key of path) {
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Only the asked paths, nested: `["meta.title"]` gives `{"meta": {"title": …}}`; absent paths are left out. */
export function project(doc: Doc, fields: readonly string[]): Doc {
  const out: Doc = {};
  for (const field of fields) {
    const path = field.split('.');
    const value = at(doc, path);
    if (value === undefined) continue;
    let node = out;
    for (const key of path.slice(0, -1)) {
      if (!isObject(node[key])) node[key] = {};
      node = node[key] as Doc;
    }
    node[path[path.length - 1]!] = value;
  }
  return out;
}

/** `fields` must be a list of strings: a string gives 630 (spec §5.1). */
export function readFields(value: Json | undefined): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((f) => typeof f === 'string' && /^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/.test(f) && !f.split('.').includes('__proto__'))) {
    throw invalidParam('fields', 'must be a list of dotted field names');
  }
  return value as string[];
}

const OPERATORS = new Set(['$in', '$nin', '$ne', '$gt', '$gte', '$lt', '$lte', '$exists']);

/** A filter is an object of dotted path → value or operator object; strings and `$where` give 630 (spec §5.1). */
export function readFilter(value: Json | undefined): Doc | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw invalidParam('filter', 'must be an object');
  for (const [path, condition] of Object.entries(value)) {
    if (path.startsWith('$')) throw invalidParam('filter', `operator ${path} is not allowed`);
    if (isObject(condition)) {
      for (const op of Object.keys(condition)) if (!OPERATORS.has(op)) throw invalidParam('filter', `operator ${op} is not allowed`);
    }
  }
  return value;
}

/** Scalars as themselves, lists and objects as their JSON (not all alike as `[object Object]`). */
const text = (v: Json): string => (typeof v === 'object' ? JSON.stringify(v) : String(v));

function compare(a: Json | undefined, b: Json | undefined): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0;
}

const same = (a: Json | undefined, b: Json | undefined): boolean => JSON.stringify(a) === JSON.stringify(b);

export function matches(doc: Doc, filter: Doc | null): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([path, condition]) => {
    const value = at(doc, path.split('.'));
    if (!isObject(condition)) return same(value, condition);
    return Object.entries(condition).every(([op, arg]) => {
      switch (op) {
        case '$in':
          return Array.isArray(arg) && arg.some((x) => same(value, x));
        case '$nin':
          return Array.isArray(arg) && !arg.some((x) => same(value, x));
        case '$ne':
          return !same(value, arg);
        case '$exists':
          return (value !== undefined) === Boolean(arg);
        case '$gt':
          return value !== undefined && compare(value, arg) > 0;
        case '$gte':
          return value !== undefined && compare(value, arg) >= 0;
        case '$lt':
          return value !== undefined && compare(value, arg) < 0;
        default:
          return value !== undefined && compare(value, arg) <= 0;
      }
    });
  });
}

export type Sort = [string, 1 | -1][];

/** `[[field, 1|-1], …]`; anything else gives 630. Newest first when absent (unconfirmed default). */
export function readSort(value: Json | undefined): Sort {
  if (value === undefined || value === null) return [['created', -1]];
  const ok = Array.isArray(value) && value.every((s) => Array.isArray(s) && s.length === 2 && typeof s[0] === 'string' && (s[1] === 1 || s[1] === -1));
  if (!ok) throw invalidParam('sort', 'must be a list of [field, 1|-1]');
  return value as Sort;
}

/** Sorted by the keys, then by id ascending so pages are stable. */
export function sortDocs(docs: Doc[], sort: Sort): Doc[] {
  return docs.sort((a, b) => {
    for (const [field, direction] of sort) {
      const c = compare(at(a, field.split('.')), at(b, field.split('.')));
      if (c !== 0) return c * direction;
    }
    return compare(a.id, b.id);
  });
}
