import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../../src/domain/ids';
import { PARTNER_KEY, Supergraph } from './supergraph';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Video { id title }
    ... on Encoding { id status }
    ... on Profile { id name }
    ... on Account { id provider }
  }
}`;

/**
 * `_entities` as a router calls it, sent straight to vidmesh: every representation resolves or fails
 * on its own (BAD_USER_INPUT for a malformed id or an id of another type, NOT_FOUND for an unknown
 * object or one of an account the key cannot see), the others resolve beside it.
 */
describe('vidmesh _entities', () => {
  let sg: Supergraph;
  let video: { id: string; title: string };
  let encoding: string;
  let profile: string;
  before(async () => {
    sg = await Supergraph.start(2);
    const found = await sg.subgraph(`{
      videos(first: 1, accounts: ["zg"]) { nodes { id title ... on ZiggeoVideo { encodings { nodes { id } } } } }
      account(id: "dm") { profiles { nodes { id } } }
    }`);
    assert.equal(found.errors, undefined, JSON.stringify(found.errors));
    const data = found.data as { videos: { nodes: { id: string; title: string; encodings: { nodes: { id: string }[] } }[] }; account: { profiles: { nodes: { id: string }[] } } };
    const first = data.videos.nodes[0]!;
    video = { id: first.id, title: first.title };
    encoding = first.encodings.nodes[0]!.id;
    profile = data.account.profiles.nodes[0]!.id;
  });
  after(() => sg?.close());

  it('resolves each representation or fails it alone, with a DESIGN §6 code', async () => {
    const representations = [
      { __typename: 'Video', id: video.id },
      { __typename: 'ZiggeoVideo', id: video.id },
      { __typename: 'Video', id: 'not an id!' },
      { __typename: 'Video', id: toGlobalId('PandaVideo', 'pa', '0123456789abcdef0123456789abcdef') },
      { __typename: 'Video', id: encoding },
      { __typename: 'Encoding', id: encoding },
      { __typename: 'Profile', id: profile },
      { __typename: 'Account', id: 'ts' },
      { __typename: 'Account', id: 'nope' },
      { __typename: 'Playlist', id: video.id },
      'just a string',
      { __typename: 'Video' },
    ];
    const result = await sg.subgraph(ENTITIES, { representations });
    const entities = (result.data as { _entities: (Record<string, unknown> | null)[] })._entities;
    assert.deepEqual(entities.slice(0, 2), [
      { __typename: 'ZiggeoVideo', id: video.id, title: video.title },
      { __typename: 'ZiggeoVideo', id: video.id, title: video.title },
    ]);
    assert.deepEqual(entities[5], { __typename: 'ZiggeoStream', id: encoding, status: entities[5]?.status });
    assert.deepEqual(entities[6], { __typename: 'DailymotionPreset', id: profile, name: entities[6]?.name });
    assert.deepEqual(entities[7], { __typename: 'Account', id: 'ts', provider: 'TELESTREAM' });
    const failed = [2, 3, 4, 8, 9, 10, 11];
    for (const i of failed) assert.equal(entities[i], null, `representation ${i}`);
    assert.deepEqual(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort(), [
      ['_entities.10', 'BAD_USER_INPUT'],
      ['_entities.11', 'BAD_USER_INPUT'],
      ['_entities.2', 'BAD_USER_INPUT'],
      ['_entities.3', 'NOT_FOUND'],
      ['_entities.4', 'BAD_USER_INPUT'],
      ['_entities.8', 'NOT_FOUND'],
      ['_entities.9', 'BAD_USER_INPUT'],
    ]);
    const messages = result.errors?.map((e) => e.message).join('\n') ?? '';
    assert.match(messages, /is not a vidmesh id/);
    assert.match(messages, /is a ZiggeoStream, expected .*ZiggeoVideo/);
    assert.match(messages, /"Playlist" is not an entity of vidmesh/);
    assert.match(messages, /needs a string "id"/);
    assert.doesNotMatch(JSON.stringify(result.errors), /stack|at [A-Za-z.]+ \(/);
  });

  it('scopes entities to the API key’s accounts, as node does', async () => {
    const representations = [
      { __typename: 'Video', id: video.id },
      { __typename: 'Account', id: 'zg' },
      { __typename: 'Account', id: 'pa' },
    ];
    const result = await sg.subgraph(ENTITIES, { representations }, PARTNER_KEY);
    assert.deepEqual((result.data as { _entities: unknown[] })._entities, [null, null, { __typename: 'Account', id: 'pa', provider: 'PANDA' }]);
    assert.deepEqual(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort(), [
      ['_entities.0', 'NOT_FOUND'],
      ['_entities.1', 'NOT_FOUND'],
    ]);
    const direct = await sg.subgraph('query ($id: ID!) { node(id: $id) { id } }', { id: video.id }, PARTNER_KEY);
    assert.equal(direct.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const entityError = result.errors?.find((e) => e.path?.join('.') === '_entities.0');
    assert.equal(direct.errors?.[0]?.message, entityError?.message, 'the same answer as node(id:)');
  });
});
