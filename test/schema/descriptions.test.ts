import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, type GraphQLField, type GraphQLInputField } from 'graphql';
import { vidmeshSchema } from '../../src/graph/build';

describe('schema', () => {
  it('describes every type, field, argument and enum value (the schema is read by people and tools)', async () => {
    const schema = await vidmeshSchema();
    const missing: string[] = [];
    const builtIn = new Set(['Query', 'Mutation', 'String', 'Int', 'Float', 'Boolean', 'ID']);
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || builtIn.has(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values<GraphQLField<unknown, unknown> | GraphQLInputField>(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      if (isUnionType(type)) assert.ok(type.getTypes().length > 0);
    }
    for (const root of [schema.getQueryType()!, schema.getMutationType()!]) {
      for (const field of Object.values(root.getFields())) {
        if (!field.description) missing.push(`${root.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${root.name}.${field.name}(${arg.name})`);
      }
    }
    assert.deepEqual(missing, []);
  });
});
