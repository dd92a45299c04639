import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isNonNullType } from 'graphql';
import { vidmeshSchema } from '../../src/graph/build';
import { vidmeshSubgraphSchema } from '../../src/graph/federation/schema';

describe('mutation results are nullable (a failed sibling never hides an applied mutation)', () => {
  for (const [name, build] of [['standalone', vidmeshSchema], ['subgraph', vidmeshSubgraphSchema]] as const) {
    it(`every Mutation field of the ${name} schema`, async () => {
      const fields = Object.values((await build()).getMutationType()!.getFields());
      assert.ok(fields.length > 30);
      assert.deepEqual(fields.filter((f) => isNonNullType(f.type)).map((f) => f.name), []);
    });
  }
});
