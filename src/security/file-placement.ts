import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, isInputObjectType, isListType, isNonNullType, typeFromAST, type GraphQLInputType, type GraphQLSchema, type VariableDefinitionNode } from 'graphql';
import { Upload } from 'graphql-upload-minimal';
import { VidmeshError } from '../errors';

/** Where a file sits in the variables although the type there is not `Upload`, as `$input.title`; null when every file is in its place. */
export function misplacedFile(type: GraphQLInputType, value: unknown, path: string): { path: string; type: string } | null {
  if (value instanceof Upload) return getNamedType(type).name === 'Upload' ? null : { path, type: String(type) };
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner) && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = misplacedFile(inner.ofType, value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (isInputObjectType(inner) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const fields = inner.getFields();
    for (const [key, item] of Object.entries(value)) {
      const field = fields[key];
      const found = field ? misplacedFile(field.type, item, `${path}.${key}`) : null;
      if (found) return found;
    }
  }
  return null;
}

function misplacedIn(schema: GraphQLSchema, definitions: readonly VariableDefinitionNode[], variables: Record<string, unknown>) {
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    const found = type && name in variables ? misplacedFile(type as GraphQLInputType, variables[name], `$${name}`) : null;
    if (found) return found;
  }
  return null;
}

/**
 * A multipart request's `map` may put a file anywhere in the variables. Where the type is not
 * `Upload` (a String, an input field), GraphQL's own coercion error would print the file object
 * the multipart reader made — its internals; this says what is wrong instead (BAD_USER_INPUT, 400).
 */
export function filePlacementPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, request }) {
          if (!request.variables || !operation?.variableDefinitions?.length) return;
          const found = misplacedIn(schema, operation.variableDefinitions, request.variables);
          if (!found) return;
          throw new VidmeshError('BAD_USER_INPUT', `a file is mapped to ${found.path}, which takes ${found.type}: map files only to variables (or input fields) of type Upload`, {
            httpStatus: 400,
            extra: { field: found.path },
          });
        },
      };
    },
  };
}
