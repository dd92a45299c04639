import {
  defaultFieldResolver,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isObjectType,
  isUnionType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { FieldSelection } from '../../domain/selection';

/**
 * The fields an operation selects on objects of one type, anywhere in the operation (root fields,
 * nested `video` of encodings, named and inline fragments on the type, its interfaces and unions).
 * Directives are ignored, so the set is never smaller than what execution reads.
 */
export function fieldsOnType(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  typeName: string,
): Set<string> {
  const out = new Set<string>();
  const target = schema.getType(typeName);
  const root = schema.getRootType(operation.operation);
  if (!isObjectType(target) || !root) return out;
  const mayBe = (type: GraphQLNamedType | undefined | null): boolean => type === target || (type != null && isAbstractType(type) && schema.isSubType(type, target));
  const walked = new Set<string>();
  const walk = (set: SelectionSetNode, parent: GraphQLCompositeType, possible: boolean): void => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (possible && !name.startsWith('__')) out.add(name);
        if (!selection.selectionSet || isUnionType(parent)) continue;
        const type = parent.getFields()[name] ? getNamedType(parent.getFields()[name]!.type) : undefined;
        if (type && isCompositeType(type)) walk(selection.selectionSet, type, mayBe(type));
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? fragments[selection.name.value] : selection;
      if (!fragment) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        // a named fragment adds the same fields every time it is spread under the same condition
        const key = `${selection.name.value}:${possible}`;
        if (walked.has(key)) continue;
        walked.add(key);
      }
      const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
      if (condition && isCompositeType(condition)) walk(fragment.selectionSet, condition, possible && mayBe(condition));
    }
  };
  walk(operation.selectionSet, root as GraphQLObjectType, mayBe(root));
  return out;
}

/** One operation's selections, computed once per type and per parsed document (Apollo caches documents). */
class OperationSelection implements FieldSelection {
  private readonly byType = new Map<string, ReadonlySet<string>>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly operation: OperationDefinitionNode,
    private readonly fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  ) {}

  fieldsOn(typeName: string): ReadonlySet<string> {
    let fields = this.byType.get(typeName);
    if (!fields) {
      fields = fieldsOnType(this.schema, this.operation, this.fragments, typeName);
      this.byType.set(typeName, fields);
    }
    return fields;
  }
}

const selections = new WeakMap<OperationDefinitionNode, OperationSelection>();

export function operationSelection(info: GraphQLResolveInfo): FieldSelection {
  let selection = selections.get(info.operation);
  if (!selection) {
    selection = new OperationSelection(info.schema, info.operation, info.fragments);
    selections.set(info.operation, selection);
  }
  return selection;
}

/** What the root-field wrapper writes the selection to: the request context. */
export interface SelectionHolder {
  selection: FieldSelection | null;
}

/**
 * Every root field first notes the operation's selection on the request context, so loaders and
 * listings of that request fetch only the selected fields (one check per root field, none deeper).
 */
export function withOperationSelection(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: SelectionHolder | null | undefined, info) => {
        if (context && context.selection === null) context.selection = operationSelection(info);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
