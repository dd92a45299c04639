import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isInterfaceType, isObjectType, type GraphQLResolveInfo } from 'graphql';
import { vidmeshSchema } from '../../src/graph/build';

/** type-graphql's own wrappers build a `resolverData` object per call: what direct-resolvers.ts replaces. */
const wrapped = (resolve: unknown): boolean => typeof resolve === 'function' && resolve.toString().includes('resolverData');

describe('plain resolvers on the built schema (direct-resolvers.ts)', () => {
  it('record fields, Video.account, Video.encodings and Encoding.profile skip type-graphql’s wrapper', async () => {
    const schema = await vidmeshSchema();
    for (const name of ['DailymotionMedia', 'ZiggeoVideo', 'PandaVideo', 'DailymotionAsset', 'PandaEncoding', 'TelestreamVideo']) {
      const type = schema.getType(name);
      assert.ok(isObjectType(type), name);
      for (const field of ['id', 'title', 'status', 'account', 'encodings', 'profile']) {
        const resolve: unknown = type.getFields()[field]?.resolve;
        if (resolve !== undefined) assert.equal(wrapped(resolve), false, `${name}.${field}`);
      }
    }
  });

  it('a plain field reads the record’s property, as type-graphql’s did', async () => {
    const type = (await vidmeshSchema()).getType('DailymotionMedia');
    assert.ok(isObjectType(type));
    const resolve = type.getFields()['title']!.resolve!;
    assert.equal(resolve({ title: 'x' }, {}, {}, {} as GraphQLResolveInfo), 'x');
  });

  it('interfaces resolve their type synchronously (no promise per list item)', async () => {
    const schema = await vidmeshSchema();
    for (const name of ['Node', 'Video', 'Encoding', 'Profile']) {
      const type = schema.getType(name);
      assert.ok(isInterfaceType(type), name);
      assert.equal(type.resolveType!({ kind: 'ZiggeoVideo' }, {}, {} as GraphQLResolveInfo, type), 'ZiggeoVideo');
    }
  });
});
