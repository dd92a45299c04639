import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, type OperationDefinitionNode } from 'graphql';
import { defaultVariables, loadDashboardOperations, variablesFor } from '../../bench/support/operations';
import { MINIMUMS } from '../../bench/support/minimums';

const definition = (text: string) => parse(text).definitions[0] as OperationDefinitionNode;
const samples = { accountId: 'panda-bench', videoIds: ['v1', 'v2', 'v3'] };

describe('bench operations', () => {
  it('finds every dashboard query, DashboardVideoList among them, with its whole file as text', () => {
    const operations = loadDashboardOperations();
    const list = operations.find((o) => o.name === 'DashboardVideoList');
    assert.ok(list);
    assert.equal(list.file, 'video-list.graphql');
    assert.match(list.query, /query DashboardVideoList/);
    assert.deepEqual(variablesFor(list, samples), { accounts: ['panda-bench'], first: 20 });
  });

  it('derives accounts, page sizes and ids by name and type; leaves optional ones out', () => {
    const op = definition('query Q($accounts: [ID!], $id: ID!, $ids: [ID!]!, $first: Int!, $after: String, $status: VideoStatus) { __typename }');
    assert.deepEqual(defaultVariables(op, samples), { accounts: ['panda-bench'], id: 'v1', ids: ['v1', 'v2', 'v3'], first: 20 });
    assert.deepEqual(defaultVariables(definition('query Q($accountId: ID!, $videoId: ID!) { __typename }'), samples), { accountId: 'panda-bench', videoId: 'v1' });
  });

  it('names a required variable it cannot derive, and the file to add a builder to', () => {
    const op = definition('query StatusCounts($since: DateTime!) { __typename }');
    assert.throws(() => defaultVariables(op, samples), /StatusCounts: cannot derive \$since: DateTime!; add a builder to VARIABLES in bench\/support\/operations\.ts/);
    assert.deepEqual(defaultVariables(definition('query Q($since: DateTime! = "2020-01-01T00:00:00Z") { __typename }'), samples), {});
  });

  it('DashboardVideoList minimum follows each provider’s documented economy', () => {
    const rule = MINIMUMS.DashboardVideoList!;
    const video = (account: string, profileNames: (string | null)[]) => ({
      node: { account: { id: account }, encodings: { nodes: profileNames.map((profileName) => ({ profileName })) } },
    });
    const data = { videos: { edges: [video('a', ['h264']), video('a', []), video('a', [null])] } };
    const variables = { accounts: ['a'], first: 3 };
    assert.equal(rule({ provider: 'panda', variables, data }), 1 + 3 + 1);
    assert.equal(rule({ provider: 'telestream', variables, data }), 1 + 3 + 1);
    assert.equal(rule({ provider: 'dailymotion', variables, data }), 1 + 1);
    assert.equal(rule({ provider: 'ziggeo', variables, data }), 1);
    const noProfiles = { videos: { edges: [video('a', [null])] } };
    assert.equal(rule({ provider: 'panda', variables, data: noProfiles }), 1 + 1);
    assert.equal(rule({ provider: 'ziggeo', variables: { accounts: ['a'], first: 100 }, data }), 2, 'first + 1 over one page of 100');
  });

  it('detail, status overview and nodes minimums per provider', () => {
    const detail = (profiles: (object | null)[]) => ({ node: { encodings: { nodes: profiles.map((profile) => ({ profile })) } } });
    const rule = MINIMUMS.DashboardVideoDetail!;
    assert.equal(rule({ provider: 'panda', variables: {}, data: detail([{ name: 'h264' }]) }), 4);
    assert.equal(rule({ provider: 'panda', variables: {}, data: detail([]) }), 3);
    assert.equal(rule({ provider: 'telestream', variables: {}, data: detail([null, { name: 'h264' }]) }), 3);
    assert.equal(rule({ provider: 'dailymotion', variables: {}, data: detail([{ name: 'mp4_h264_aac' }]) }), 2);
    assert.equal(rule({ provider: 'ziggeo', variables: {}, data: detail([null]) }), 1);
    const overview = MINIMUMS.DashboardStatusOverview!;
    const stats = (total: number) => ({ videoStats: [{ total }] });
    assert.equal(overview({ provider: 'panda', variables: {}, data: stats(30) }), 1);
    assert.equal(overview({ provider: 'panda', variables: {}, data: stats(100) }), 2, 'a full page asks whether another follows');
    assert.equal(overview({ provider: 'dailymotion', variables: {}, data: stats(100) }), 1);
    assert.equal(overview({ provider: 'dailymotion', variables: {}, data: stats(0) }), 1);
    assert.equal(overview({ provider: 'ziggeo', variables: {}, data: stats(25) }), 6);
    const nodes = MINIMUMS.DashboardNodes!;
    assert.equal(nodes({ provider: 'panda', variables: { ids: ['a', 'b', 'c'] }, data: null }), 3);
    assert.equal(nodes({ provider: 'ziggeo', variables: { ids: ['a', 'b', 'c'] }, data: null }), 1);
  });
});
