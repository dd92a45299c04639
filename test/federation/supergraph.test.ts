import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { keyHeaders, PARTNER_KEY, ROUTER_KEY, Supergraph } from './supergraph';

type Video = { id: string; featuredRank: number | null; title: string | null; status: string; provider: string };
const PROVIDERS = ['DAILYMOTION', 'PANDA', 'TELESTREAM', 'ZIGGEO'];
const SCOPED = new Set(['PANDA', 'DAILYMOTION']); // the partner key's accounts: pa, dm

/**
 * vidmesh (`server.federation: true`) and a sample catalog subgraph composed with `composeServices`
 * and served by `@apollo/gateway` on loopback: queries that cross both, one `_entities` request to
 * vidmesh per query, API-key scoping through the router.
 */
describe('vidmesh in a supergraph', () => {
  let sg: Supergraph;
  let videos: Video[];
  before(async () => {
    // composition errors fail here, with the composer's messages
    sg = await Supergraph.start(4);
    const page = await sg.subgraph('{ videos(first: 16) { nodes { id title status provider } } }');
    assert.equal(page.errors, undefined, JSON.stringify(page.errors));
    videos = (page.data as { videos: { nodes: Video[] } }).videos.nodes;
    assert.deepEqual([...new Set(videos.map((v) => v.provider))].sort(), PROVIDERS);
    sg.catalog.featured.push(...videos.map((v) => v.id));
    sg.catalog.accounts.push('pa', 'zg');
  });
  after(() => sg?.close());

  it('announces the committed subgraph SDL, and the standalone gateway announces none', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', '..', 'schema', 'subgraph.graphql'), 'utf8');
    assert.equal(committed.replace(/^#.*\n\n/, ''), `${sg.vidmeshSdl}\n`);
    assert.match(
      sg.supergraphSdl,
      /interface Video implements Node\s+@join__implements\(graph: VIDMESH, interface: "Node"\)\s+@join__type\(graph: CATALOG, key: "id", isInterfaceObject: true\)\s+@join__type\(graph: VIDMESH, key: "id"\)/,
    );
    const standalone = await sg.providers.gql.raw(JSON.stringify({ query: '{ _service { sdl } }' }));
    assert.match(standalone.errors?.[0]?.message ?? '', /Cannot query field "_service" on type "Query"/);
  });

  it('resolves the catalog’s featured videos of all four providers with one _entities request to vidmesh', async () => {
    sg.providers.resetLogs();
    await sg.subgraph('query ($ids: [ID!]!) { nodes(ids: $ids) { __typename ... on Video { title status } } }', { ids: videos.map((v) => v.id) });
    const viaNodes = Object.fromEntries((['pa', 'ts', 'dm', 'zg'] as const).map((a) => [a, sg.providers.calls(a)]));
    sg.providers.resetLogs();
    sg.calls.length = 0;
    const result = await sg.query('{ featuredVideos { id featuredRank title status ... on PandaVideo { nativeId } } }');
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const featured = (result.data as { featuredVideos: (Video & { nativeId?: string })[] }).featuredVideos;
    assert.deepEqual(
      featured.map((v) => [v.id, v.featuredRank, v.title, v.status]),
      videos.map((v, i) => [v.id, i + 1, v.title, v.status]),
    );
    assert.ok(featured.filter((v) => v.nativeId).length >= 1, 'a provider type’s own field crosses too');
    assert.deepEqual(
      sg.calls.map((c) => [c.query.includes('_entities'), c.representations]),
      [[true, videos.length]],
      'one request to vidmesh: every representation in one _entities call',
    );
    const viaEntities = Object.fromEntries((['pa', 'ts', 'dm', 'zg'] as const).map((a) => [a, sg.providers.calls(a)]));
    assert.deepEqual(viaEntities, viaNodes, 'the same upstream calls as nodes(ids): the per-request loaders, one batch per account');
  });

  it('prints the query plan: catalog first, then one vidmesh fetch of the Video entities', async () => {
    const result = await sg.query('{ featuredVideos { featuredRank title status } }', { ...keyHeaders(ROUTER_KEY), 'apollo-query-plan-experimental': 'true' });
    const plan = String(result.extensions?.__queryPlanExperimental);
    assert.match(
      plan,
      /Fetch\(service: "catalog"\)[\s\S]*Flatten\(path: "featuredVideos\.@"\) \{\s*Fetch\(service: "vidmesh"\) \{\s*\{\s*\.\.\. on Video \{\s*__typename\s*id\s*\}\s*\} =>/,
    );
    if (process.env.PRINT_QUERY_PLAN) console.log(plan);
  });

  it('resolves Account entities', async () => {
    const result = await sg.query('{ featuredAccounts { id provider capabilities } }');
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    const accounts = (result.data as { featuredAccounts: { id: string; provider: string; capabilities: string[] }[] }).featuredAccounts;
    assert.deepEqual(
      accounts.map((a) => [a.id, a.provider]),
      [
        ['pa', 'PANDA'],
        ['zg', 'ZIGGEO'],
      ],
    );
    assert.ok(accounts.every((a) => a.capabilities.length > 0));
  });

  it('keeps API-key scoping through the router: another account’s video is null with NOT_FOUND', async () => {
    const result = await sg.query('{ featuredVideos { id featuredRank title status } }', keyHeaders(PARTNER_KEY));
    const featured = (result.data as { featuredVideos: (Video | null)[] }).featuredVideos;
    videos.forEach((video, i) => {
      const expected = SCOPED.has(video.provider) ? { id: video.id, featuredRank: i + 1, title: video.title, status: video.status } : null;
      assert.deepEqual(featured[i], expected, `${video.provider} video`);
    });
    const hidden = videos.flatMap((v, i) => (SCOPED.has(v.provider) ? [] : [i]));
    assert.deepEqual(
      result.errors?.map((e) => [e.extensions?.code, e.path?.join('.')]),
      hidden.map((i) => ['NOT_FOUND', `featuredVideos.${i}`]),
    );
    // no key: the catalog answers, vidmesh refuses (401), so no vidmesh field is filled
    const anonymous = await sg.query('{ featuredVideos { featuredRank title } }', {});
    assert.deepEqual(
      (anonymous.data as { featuredVideos: unknown[] }).featuredVideos,
      videos.map((_, i) => ({ featuredRank: i + 1, title: null })),
    );
    assert.deepEqual(
      anonymous.errors?.map((e) => e.extensions?.code),
      ['UNAUTHENTICATED'],
    );
  });

  it('hides what needs a multipart request from the supergraph (@inaccessible), keeps browser uploads', async () => {
    const result = await sg.query('{ __type(name: "Mutation") { fields { name } } upload: __type(name: "Upload") { name } }');
    const names = (result.data as { __type: { fields: { name: string }[] } }).__type.fields.map((f) => f.name);
    assert.ok(names.includes('createUploadTicket') && names.includes('completeUpload'));
    assert.ok(!names.includes('uploadVideo') && !names.includes('attachZiggeoVideo'));
    assert.equal((result.data as { upload: unknown }).upload, null);
  });
});
