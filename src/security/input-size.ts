import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import type { QueryLimits } from '../config/schema';
import { VidmeshError } from '../errors';

/** JSON objects only: multipart maps files into the variables as Upload instances, which are not walked. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The first string longer than `max` in a variables object, as a path (`$input.sourceUrl`). */
function longVariable(value: unknown, max: number, path: string): { path: string; length: number } | null {
  if (typeof value === 'string') return value.length > max ? { path, length: value.length } : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = longVariable(value[i], max, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = longVariable(item, max, path ? `${path}.${key}` : `$${key}`);
      if (found) return found;
    }
  }
  return null;
}

function longLiteral(document: DocumentNode, max: number): number | null {
  let found: number | null = null;
  visit(document, {
    StringValue(node) {
      if (node.value.length > max) {
        found = node.value.length;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * No string argument longer than `maxStringLength`, in variables or literals: ids, URLs, names and
 * policies are short, and a huge one would only travel upstream to be refused there (DESIGN §8).
 */
export function inputSizePlugin<T extends object>(limits: QueryLimits): ApolloServerPlugin<T> {
  const max = limits.maxStringLength;
  const refuse = (length: number, where: string) =>
    new VidmeshError('BAD_USER_INPUT', `a string of ${length} characters${where}: at most ${max} (server.limits.maxStringLength)`, {
      httpStatus: 400,
      extra: { limit: 'maxStringLength', max },
    });
  // Apollo keeps one DocumentNode per distinct query: its literals are checked once
  const literals = new WeakMap<DocumentNode, number | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const variable = longVariable(request.variables ?? {}, max, '');
          if (variable) throw refuse(variable.length, ` in ${variable.path}`);
          let literal = literals.get(document);
          if (literal === undefined) literals.set(document, (literal = longLiteral(document, max)));
          if (literal !== null) throw refuse(literal, ' in the query');
        },
      };
    },
  };
}
