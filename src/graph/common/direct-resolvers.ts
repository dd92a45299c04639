import {
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLAbstractType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql';
import { getMetadataStorage, type ClassType } from 'type-graphql';

/**
 * type-graphql wraps every field in a generic resolver: per call it builds a resolver-data object,
 * copies the parent record into a new instance of the type's class (`convertToType`), sorts the
 * parameter list, runs each `@Arg` through an always-async validation (a Promise.all per field), and
 * its resolveType is async (a promise per item of an interface list). After the schema is built, this
 * installs plain functions with the same results wherever no middleware, auth role, validation or
 * argument conversion applies; other fields keep type-graphql's resolver.
 */

/** The parts of type-graphql's metadata read here (its storage types are not all exported). */
interface ParamMeta {
  readonly kind: string;
  readonly index: number;
  readonly propertyName?: string;
  readonly getType?: () => unknown;
  readonly name?: string;
  readonly validateSettings?: unknown;
  readonly validateFn?: unknown;
}
interface HandlerMeta {
  readonly target: ClassType;
  readonly methodName: string;
  readonly schemaName: string;
  readonly kind?: 'internal' | 'external';
  readonly params?: readonly ParamMeta[];
  readonly middlewares?: readonly unknown[];
  readonly roles?: readonly unknown[];
  readonly getObjectType?: () => unknown;
}
interface FieldMeta {
  readonly target: ClassType;
  readonly name: string;
  readonly schemaName: string;
  readonly middlewares: readonly unknown[];
  readonly roles?: readonly unknown[];
  readonly simple?: boolean;
}
interface TypeMeta {
  readonly target: ClassType;
  readonly name: string;
  readonly fields?: readonly FieldMeta[];
  readonly interfaceClasses?: readonly ClassType[];
  readonly simpleResolvers?: boolean;
  readonly resolveType?: (...args: unknown[]) => unknown;
}
interface Storage {
  readonly objectTypes: readonly TypeMeta[];
  readonly interfaceTypes: readonly TypeMeta[];
  readonly unions: readonly TypeMeta[];
  readonly inputTypes: readonly { readonly target: unknown }[];
  readonly fieldResolvers: readonly HandlerMeta[];
}

type Resolver = GraphQLFieldResolver<unknown, unknown, Record<string, unknown>>;
type ParamGetter = (root: unknown, args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

/** One instance per resolver class, as type-graphql's default container keeps (the classes are stateless). */
const instances = new Map<ClassType, Record<string, unknown>>();
function instanceOf(target: ClassType): Record<string, unknown> {
  let instance = instances.get(target);
  if (!instance) instances.set(target, (instance = new target() as Record<string, unknown>));
  return instance;
}

/** A getter for one parameter, or null where type-graphql would convert or validate it. */
function paramGetter(param: ParamMeta, inputClasses: ReadonlySet<unknown>): ParamGetter | null {
  switch (param.kind) {
    case 'root':
      return param.propertyName === undefined && param.getType === undefined ? (root) => root : null;
    case 'context': {
      const property = param.propertyName;
      return property === undefined ? (_r, _a, context) => context : (_r, _a, context) => (context as Record<string, unknown>)[property];
    }
    case 'info':
      return (_r, _a, _c, info) => info;
    case 'arg': {
      const name = param.name;
      // scalars, enums and lists of them come through as they are; input classes are converted to instances
      if (name === undefined || param.validateFn !== undefined || (param.validateSettings !== undefined && param.validateSettings !== false)) return null;
      const type = param.getType?.();
      if (inputClasses.has(Array.isArray(type) ? (type as unknown[])[0] : type)) return null;
      return (_r, args) => args[name];
    }
    default:
      return null;
  }
}

/** A plain resolver calling the handler method, or null where type-graphql's must stay. */
function directHandler(handler: HandlerMeta, inputClasses: ReadonlySet<unknown>): Resolver | null {
  if (handler.kind !== 'external' || (handler.middlewares?.length ?? 0) > 0 || handler.roles !== undefined) return null;
  const getters: ParamGetter[] = [];
  for (const param of [...(handler.params ?? [])].sort((a, b) => a.index - b.index)) {
    const getter = paramGetter(param, inputClasses);
    if (getter === null) return null;
    getters.push(getter);
  }
  const target = handler.target;
  const method = handler.methodName;
  const call = (instance: Record<string, unknown>, params: unknown[]): unknown => (instance[method] as (...a: unknown[]) => unknown).apply(instance, params);
  switch (getters.length) {
    case 1: {
      const [a] = getters as [ParamGetter];
      return (root, args, context, info) => call(instanceOf(target), [a(root, args, context, info)]);
    }
    case 2: {
      const [a, b] = getters as [ParamGetter, ParamGetter];
      return (root, args, context, info) => call(instanceOf(target), [a(root, args, context, info), b(root, args, context, info)]);
    }
    default:
      return (root, args, context, info) =>
        call(
          instanceOf(target),
          getters.map((get) => get(root, args, context, info)),
        );
  }
}

/** type-graphql's resolveType, without the async wrapper: a class answer is mapped to its type's name. */
function syncResolveType(
  resolveType: (...args: unknown[]) => unknown,
  abstract: GraphQLAbstractType,
  schema: GraphQLSchema,
  storage: Storage,
): GraphQLTypeResolver<unknown, unknown> {
  const possible = new Set(schema.getPossibleTypes(abstract).map((t) => t.name));
  const names = new Map(storage.objectTypes.filter((t) => possible.has(t.name)).map((t) => [t.target as unknown, t.name]));
  const named = (resolved: unknown): string | undefined =>
    !resolved || typeof resolved === 'string' ? ((resolved as string | null | undefined) ?? undefined) : names.get(resolved);
  return (value, context, info, type) => {
    const resolved = resolveType(value, context, info, type);
    return resolved instanceof Promise ? resolved.then(named) : named(resolved);
  };
}

/**
 * The field metadata type-graphql used for an object type, by field name: a superclass's fields
 * first, then the interfaces', then the class's own (later ones win, as in its schema generator).
 */
function fieldMetadata(meta: TypeMeta, storage: Storage): Map<string, FieldMeta> {
  const byName = new Map<string, FieldMeta>();
  const parent = storage.objectTypes.find((t) => t.target === Object.getPrototypeOf(meta.target));
  if (parent) for (const [name, field] of fieldMetadata(parent, storage)) byName.set(name, field);
  const interfaces = storage.interfaceTypes.filter((i) => meta.interfaceClasses?.includes(i.target));
  for (const field of [...interfaces.flatMap((i) => i.fields ?? []), ...(meta.fields ?? [])]) byName.set(field.schemaName, field);
  return byName;
}

/** Installs the plain resolvers on a schema just built by type-graphql from `resolvers`. */
export function withDirectResolvers(schema: GraphQLSchema, resolvers: readonly ClassType[]): GraphQLSchema {
  const storage = getMetadataStorage() as unknown as Storage;
  const inputClasses = new Set(storage.inputTypes.map((t) => t.target));
  const used = new Set<unknown>(resolvers);
  const fieldResolvers = storage.fieldResolvers.filter((r) => r.kind === 'internal' || used.has(r.target));
  const direct = new Map<HandlerMeta, Resolver | null>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInterfaceType(type) || isUnionType(type)) {
      const meta = (isUnionType(type) ? storage.unions : storage.interfaceTypes).find((t) => t.name === type.name);
      if (meta?.resolveType && type.resolveType) type.resolveType = syncResolveType(meta.resolveType, type, schema, storage);
      continue;
    }
    if (!isObjectType(type)) continue;
    const meta = storage.objectTypes.find((t) => t.name === type.name);
    if (!meta) continue;
    const byName = fieldMetadata(meta, storage);
    for (const field of Object.values(type.getFields())) {
      const fieldMeta = byName.get(field.name);
      if (!fieldMeta || field.resolve === undefined) continue;
      const handler = fieldResolvers.find((r) => r.getObjectType?.() === fieldMeta.target && r.methodName === fieldMeta.name);
      if (handler) {
        if (!direct.has(handler)) direct.set(handler, directHandler(handler, inputClasses));
        const resolve = direct.get(handler);
        if (resolve) field.resolve = resolve;
      } else if (fieldMeta.middlewares.length === 0 && fieldMeta.roles === undefined) {
        const property = fieldMeta.name;
        field.resolve = (root) => (root as Record<string, unknown>)[property];
      }
    }
  }
  return schema;
}
