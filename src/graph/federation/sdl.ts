import {
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type GraphQLSchema,
  type TypeNode,
} from 'graphql';

/** The Federation 2 version and the directives vidmesh's subgraph uses (entity interfaces need v2.3). */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.3';
const IMPORTS = ['@key', '@shareable', '@tag', '@inaccessible'];

/** Multipart requests do not cross a router: what needs an `Upload` is hidden from the supergraph. */
const ROUTER_UNREACHABLE_SCALAR = 'Upload';

const INACCESSIBLE: ConstDirectiveNode = { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: 'inaccessible' } };

const named = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : named(type.type));
const has = (directives: readonly ConstDirectiveNode[] | undefined, name: string) => (directives ?? []).some((d) => d.name.value === name);
const withDirectives = (existing: readonly ConstDirectiveNode[] | undefined, added: readonly ConstDirectiveNode[]) => [
  ...(existing ?? []),
  ...added.filter((d) => !has(existing, d.name.value)),
];

/**
 * The subgraph's type definitions: the standalone schema printed sorted (graphql-js leaves directives
 * out), with the `@Directive`s type-graphql keeps on the AST nodes of object, interface and input types,
 * their fields and arguments put back in
 * (type-graphql's Federation recipe prints them with `printSchemaWithDirectives`, not a dependency here),
 * then the two rules derived instead of written on every provider class:
 * - an object implementing an entity interface carries the interface's `@key` (a Federation requirement);
 * - `@inaccessible` on `Upload` and on what cannot be used without it.
 */
export function subgraphTypeDefs(schema: GraphQLSchema): DocumentNode {
  const sorted = lexicographicSortSchema(schema);
  const printed = parse(printSchema(sorted));
  const definitions = printed.definitions.map((definition) => {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION && definition.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      return definition;
    }
    const type = sorted.getType(definition.name.value);
    if (!(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) return definition;
    const fields: Record<string, FieldLike> = type.getFields();
    return {
      ...copy(definition, type.astNode),
      fields: definition.fields?.map((f: FieldDefinitionNode | InputValueDefinitionNode) => {
        const field = fields[f.name.value];
        const withOwn = copy(f, field?.astNode);
        if (withOwn.kind !== Kind.FIELD_DEFINITION) return withOwn;
        return { ...withOwn, arguments: withOwn.arguments?.map((a) => copy(a, field?.args?.find((arg) => arg.name === a.name.value)?.astNode)) };
      }),
    } as typeof definition;
  });
  return hideUploads(keyImplementations({ ...printed, definitions }));
}

interface WithDirectives {
  readonly directives?: readonly ConstDirectiveNode[] | undefined;
}
interface FieldLike {
  readonly astNode?: WithDirectives | null | undefined;
  readonly args?: readonly { readonly name: string; readonly astNode?: WithDirectives | null | undefined }[];
}

/** A printed node with the directives type-graphql kept on the schema element's own AST node. */
function copy<T extends WithDirectives>(node: T, own: WithDirectives | null | undefined): T {
  const added = own?.directives ?? [];
  return added.length ? { ...node, directives: withDirectives(node.directives, added) } : node;
}

/** Every object type implementing an interface with `@key` gets the same `@key`. */
function keyImplementations(document: DocumentNode): DocumentNode {
  const keys = new Map<string, ConstDirectiveNode[]>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      const found = (definition.directives ?? []).filter((d) => d.name.value === 'key');
      if (found.length) keys.set(definition.name.value, found);
    }
  }
  return visit(document, {
    ObjectTypeDefinition(node) {
      const inherited = (node.interfaces ?? []).flatMap((i) => keys.get(i.name.value) ?? []);
      return inherited.length && !has(node.directives, 'key') ? { ...node, directives: [...(node.directives ?? []), ...dedupe(inherited)] } : undefined;
    },
  });
}

function dedupe(directives: ConstDirectiveNode[]): ConstDirectiveNode[] {
  const seen = new Set<string>();
  return directives.filter((d) => {
    const text = JSON.stringify(d.arguments?.map((a) => a.value));
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/**
 * Marks `Upload` `@inaccessible`, then, until nothing changes: an argument or input field of a hidden
 * type is hidden; a required hidden input field hides its input type; a required hidden argument hides
 * its field (composition refuses a required element that is hidden while its owner is not).
 */
function hideUploads(document: DocumentNode): DocumentNode {
  const hiddenTypes = new Set([ROUTER_UNREACHABLE_SCALAR]);
  const hiddenFields = new Set<string>(); // `Type.field`
  const hiddenArgs = new Set<string>(); // `Type.field(arg)` and `Input.field`
  for (let changed = true; changed;) {
    changed = false;
    const hide = (set: Set<string>, key: string) => {
      if (set.has(key)) return;
      set.add(key);
      changed = true;
    };
    for (const definition of document.definitions) {
      if (definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
        for (const field of definition.fields ?? []) {
          if (!hiddenTypes.has(named(field.type))) continue;
          hide(hiddenArgs, `${definition.name.value}.${field.name.value}`);
          if (field.type.kind === Kind.NON_NULL_TYPE && !field.defaultValue) hide(hiddenTypes, definition.name.value);
        }
      }
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
        for (const field of definition.fields ?? []) {
          const at = `${definition.name.value}.${field.name.value}`;
          if (hiddenTypes.has(named(field.type))) hide(hiddenFields, at);
          for (const arg of field.arguments ?? []) {
            if (!hiddenTypes.has(named(arg.type))) continue;
            hide(hiddenArgs, `${at}(${arg.name.value})`);
            if (arg.type.kind === Kind.NON_NULL_TYPE && !arg.defaultValue) hide(hiddenFields, at);
          }
        }
      }
    }
  }
  const mark = <T extends { directives?: readonly ConstDirectiveNode[] }>(node: T): T => ({ ...node, directives: withDirectives(node.directives, [INACCESSIBLE]) });
  return {
    ...document,
    definitions: document.definitions.map((definition) => {
      if (!('name' in definition) || !definition.name) return definition;
      const type = definition.name.value;
      if (definition.kind === Kind.SCALAR_TYPE_DEFINITION || definition.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
        const self = hiddenTypes.has(type) ? mark(definition) : definition;
        if (self.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) return self;
        return { ...self, fields: self.fields?.map((f) => (hiddenArgs.has(`${type}.${f.name.value}`) ? mark(f) : f)) };
      }
      if (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.INTERFACE_TYPE_DEFINITION) {
        return {
          ...definition,
          fields: definition.fields?.map((f) => {
            const at = `${type}.${f.name.value}`;
            const field = hiddenFields.has(at) ? mark(f) : f;
            return { ...field, arguments: field.arguments?.map((a) => (hiddenArgs.has(`${at}(${a.name.value})`) ? mark(a) : a)) };
          }),
        };
      }
      return definition;
    }),
  };
}

/** The `@link` that opts the subgraph into Federation 2, prepended to the type definitions. */
export function federationLink(): DocumentNode {
  return parse(`extend schema @link(url: "${FEDERATION_LINK}", import: [${IMPORTS.map((i) => `"${i}"`).join(', ')}])`);
}
