import { Kind, type ASTVisitor, type OperationDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimits } from '../config/schema';
import { badUserInput, VidmeshError } from '../errors';

/** A limit broken: QUERY_TOO_COMPLEX (DESIGN §6), HTTP 400, naming the limit, its value and the config key. */
export function tooComplex(limit: keyof QueryLimits, max: number, message: string): VidmeshError {
  return new VidmeshError('QUERY_TOO_COMPLEX', `${message} (limit ${max}, server.limits.${limit})`, {
    httpStatus: 400,
    extra: { limit, max },
  });
}

/** Answers false to stop the walk. */
type FieldVisitor = (field: { readonly aliased: boolean; readonly depth: number }) => boolean;
type WalkEnd = 'done' | 'stopped' | 'too-large';

/**
 * Calls `onField` for every field an operation selects, through fragments, with its depth (root
 * fields: 1). Every fragment spread is walked again, so the walk gives up after `budget` selections:
 * fragments spread twice in fragments spread twice grow exponentially.
 */
function walkOperation(context: ValidationContext, root: SelectionSetNode, onField: FieldVisitor, budget: number): WalkEnd {
  let left = budget;
  const active = new Set<string>();
  const visit = (set: SelectionSetNode, depth: number): WalkEnd => {
    for (const selection of set.selections) {
      if (--left < 0) return 'too-large';
      let end: WalkEnd = 'done';
      if (selection.kind === Kind.FIELD) {
        if (!onField({ aliased: selection.alias !== undefined, depth })) return 'stopped';
        if (selection.selectionSet) end = visit(selection.selectionSet, depth + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        end = visit(selection.selectionSet, depth);
      } else {
        const name = selection.name.value;
        const fragment = context.getFragment(name);
        // unknown and cyclic fragments are reported by the specified rules
        if (!fragment || active.has(name)) continue;
        active.add(name);
        end = visit(fragment.selectionSet, depth);
        active.delete(name);
      }
      if (end !== 'done') return end;
    }
    return 'done';
  };
  return visit(root, 1);
}

/**
 * Depth, aliases and root fields of each operation, in one walk: the limits that need only the
 * document. Apollo runs it with the specified rules, before any resolver. An expansion past
 * `maxComplexity` fields is reported too, since every field costs at least 1 (complexity.ts).
 */
export function queryShapeRule(limits: QueryLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      let aliases = 0;
      let roots = 0;
      let broken: VidmeshError | null = null;
      const end = walkOperation(
        context,
        operation.selectionSet,
        ({ aliased, depth }) => {
          if (depth > limits.maxDepth) broken = tooComplex('maxDepth', limits.maxDepth, `query nested deeper than ${limits.maxDepth} levels`);
          else if (aliased && ++aliases > limits.maxAliases) broken = tooComplex('maxAliases', limits.maxAliases, `query uses more than ${limits.maxAliases} aliases`);
          else if (depth === 1 && ++roots > limits.maxRootFields)
            broken = tooComplex('maxRootFields', limits.maxRootFields, `operation selects more than ${limits.maxRootFields} root fields`);
          return broken === null;
        },
        limits.maxComplexity,
      );
      if (broken !== null) context.reportError(broken);
      else if (end === 'too-large') context.reportError(tooComplex('maxComplexity', limits.maxComplexity, `query expands to more than ${limits.maxComplexity} fields`));
      return false;
    },
  });
}

/** `server.introspection: false`: `__schema` and `__type` are refused (`__typename` stays, clients need it). */
export function noIntrospectionRule(context: ValidationContext): ASTVisitor {
  let reported = false;
  return {
    Field(field) {
      if (reported || (field.name.value !== '__schema' && field.name.value !== '__type')) return;
      reported = true;
      context.reportError(badUserInput('introspection is disabled on this server (server.introspection)', { field: field.name.value }));
    },
  };
}
