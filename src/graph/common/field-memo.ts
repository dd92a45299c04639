import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, defaultFieldResolver, getNamedType, isLeafType, isObjectType, OperationTypeNode, visit, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * Aliases of one field with the same arguments on the same object (`a: video(id: 1) b: video(id: 1)`,
 * `a: videos(first: 50) b: videos(first: 50)`) are resolved once per request: the first resolution's
 * result (or failure) serves the others. Keyed by the parent object, the field and its coerced
 * argument values, so variables with equal values count as the same; each alias still gets its own
 * response and error path. On only for queries whose document has an alias (without one no field can
 * repeat): every other request pays one property read per field.
 */
const MEMO = Symbol('vidmesh.fieldMemo');

interface Memo {
  /** Root fields: the root value is the same (or absent) for every one. */
  readonly root: Map<string, unknown>;
  readonly byParent: WeakMap<object, Map<string, unknown>>;
}

type Memoizable = { [MEMO]?: Memo };

const aliased = new WeakMap<DocumentNode, boolean>();

/** Whether any field of the document, in any operation or fragment, has an alias. */
export function hasAliases(document: DocumentNode): boolean {
  let known = aliased.get(document);
  if (known === undefined) {
    known = false;
    visit(document, {
      Field(node) {
        if (node.alias === undefined) return undefined;
        known = true;
        return BREAK;
      },
    });
    aliased.set(document, known);
  }
  return known;
}

/** Turns the memo on for one request (its context; enumerable under a symbol, so Apollo's copies keep it). */
export function startFieldMemo(context: object): void {
  if ((context as Memoizable)[MEMO]) return;
  const memo: Memo = { root: new Map(), byParent: new WeakMap() };
  Object.defineProperty(context, MEMO, { value: memo, enumerable: true });
}

const wrapped = new WeakSet<GraphQLSchema>();

/**
 * Wraps the fields that may cost something — those that take arguments or return objects — of
 * every type but the mutation and subscription roots (two equal mutations are two mutations).
 */
export function withFieldMemo(schema: GraphQLSchema): GraphQLSchema {
  if (wrapped.has(schema)) return schema;
  wrapped.add(schema);
  const skipped = new Set([schema.getMutationType(), schema.getSubscriptionType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || skipped.has(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0 && isLeafType(getNamedType(field.type))) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const root = type === schema.getQueryType();
      field.resolve = (source: unknown, args, context: Memoizable | null | undefined, info) => {
        const memo = context?.[MEMO];
        if (memo === undefined) return resolve(source, args, context, info);
        let results: Map<string, unknown> | undefined;
        if (root) results = memo.root;
        else if (typeof source === 'object' && source !== null) {
          results = memo.byParent.get(source);
          if (results === undefined) memo.byParent.set(source, (results = new Map<string, unknown>()));
        } else return resolve(source, args, context, info);
        const key = `${type.name}.${field.name}(${JSON.stringify(args)})`;
        if (results.has(key)) return results.get(key);
        let result: unknown;
        try {
          result = resolve(source, args, context, info);
        } catch (error) {
          result = Promise.reject(error as Error);
        }
        results.set(key, result);
        return result;
      };
    }
  }
  return schema;
}

/** Starts the memo for queries with aliases, once their operation is known and before they execute. */
export function fieldMemoPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, contextValue }) {
          if (operation?.operation === OperationTypeNode.QUERY && hasAliases(document)) startFieldMemo(contextValue);
        },
      };
    },
  };
}
