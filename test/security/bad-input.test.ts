import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, request } from 'undici';
import { toGlobalId } from '../../src/domain/ids';
import { encodeCursor } from '../../src/domain/cursor';
import { CreateEncodingDocument, CreateVideoDocument, DeleteVideoDocument, SignStreamUrlDocument, VideoDetailDocument, VideosDocument } from '../generated/graphql';
import { startSecurityStack, type HttpAnswer, type SecurityStack } from './stack';

/** The multipart parser's messages (graphql-multipart-request-spec). */
const MULTIPART_PROBLEM = /multipart|content-type|operations|map|boundary/i;

const UPLOAD_OPERATION = JSON.stringify({
  query: 'mutation($f: Upload!) { uploadVideo(input: { account: "panda-a", file: $f }) { video { id } } }',
  variables: { f: null },
});

const CURSOR_PROBLEM = /`after` (is not a cursor of this list|was made for other arguments)/;

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

interface BadInput {
  readonly name: string;
  readonly send: () => Promise<HttpAnswer>;
  readonly code: string;
  /** The message must say what was wrong. */
  readonly message: RegExp;
  readonly status?: number;
  /** Most bad input is refused before any upstream call; a few need one read to know (an unknown native id). */
  readonly readsAllowed?: boolean;
  /** Only the provider knows a native id: the write is sent, and must be refused (>= 400). */
  readonly refusedWriteAllowed?: boolean;
}

/**
 * DESIGN §8: every bad input gets a clear error and changes nothing. Each case asserts the code, a
 * message naming the problem, no stack trace, and no upstream write (emulators' request logs).
 */
describe('bad-input corpus', () => {
  let stack: SecurityStack;
  let pandaVideo: string;
  let pandaEncoding: string;
  let dmMedia: string;
  let listCursor: string;

  before(async () => {
    stack = await startSecurityStack();
    const page = await stack.exec(VideosDocument, { accounts: ['panda-a'], first: 1 });
    pandaVideo = page.data!.videos.edges[0]!.node.id;
    listCursor = page.data!.videos.edges[0]!.cursor;
    const detail = await stack.exec(VideoDetailDocument, { id: pandaVideo });
    pandaEncoding = (detail.data!.node as { encodings: { nodes: { id: string }[] } }).encodings.nodes[0]!.id;
    dmMedia = (await stack.exec(VideosDocument, { accounts: ['dm'], first: 1 })).data!.videos.edges[0]!.node.id;
  });
  after(() => stack.close());

  const node = (id: unknown) => () => stack.query('query($id: ID!) { node(id: $id) { id } }', { id });
  const del = (id: string) => () => stack.exec(DeleteVideoDocument, { id });
  const videos = (variables: Record<string, unknown>) => () =>
    stack.query('query($a: [ID!], $f: Int!, $after: String, $s: VideoStatus) { videos(accounts: $a, first: $f, after: $after, filter: { status: $s }) { edges { cursor } } }', {
      f: 5,
      ...variables,
    });
  const sign = (policy: Record<string, unknown>) => () => stack.exec(SignStreamUrlDocument, { input: { media: dmMedia, policy } as never });
  const future = () => new Date(Date.now() + 3600_000).toISOString();

  const cases = (): BadInput[] => [
    // malformed and foreign global ids
    { name: 'id: not base64url', send: node('not an id!'), code: 'BAD_USER_INPUT', message: /is not a vidmesh id/ },
    { name: 'id: empty', send: node(''), code: 'BAD_USER_INPUT', message: /is not a vidmesh id/ },
    { name: 'id: 5000 characters', send: node('A'.repeat(5000)), code: 'BAD_USER_INPUT', message: /is not a vidmesh id/ },
    { name: 'id: base64 of garbage bytes', send: node(Buffer.from([0xff, 0xfe, 0x00, 0x3a]).toString('base64url')), code: 'BAD_USER_INPUT', message: /is not a vidmesh id/ },
    { name: 'id: another system’s Relay id (User:1)', send: node(b64('User:1')), code: 'BAD_USER_INPUT', message: /is not a vidmesh id/ },
    { name: 'id: empty account part', send: node(b64('PandaVideo::abc')), code: 'BAD_USER_INPUT', message: /is not a vidmesh id/ },
    { name: 'id: padded base64', send: node(Buffer.from('PandaVideo:panda-a:x12').toString('base64')), code: 'BAD_USER_INPUT', message: /is not a vidmesh id/ },
    { name: 'id: unknown type', send: node(toGlobalId('VimeoVideo', 'panda-a', 'x')), code: 'NOT_FOUND', message: /no object with id/ },
    { name: 'id: type of another provider than the account’s', send: node(toGlobalId('ZiggeoVideo', 'panda-a', 'x')), code: 'NOT_FOUND', message: /no object with id/ },
    { name: 'id: an encoding where a video is expected', send: () => del(pandaEncoding)(), code: 'BAD_USER_INPUT', message: /is a PandaEncoding, expected/ },
    {
      name: 'id: a video where a Dailymotion media is expected',
      send: () => stack.exec(SignStreamUrlDocument, { input: { media: pandaVideo } }),
      code: 'BAD_USER_INPUT',
      message: /expected DailymotionMedia/,
    },
    {
      name: 'id: a well-formed video id of no video (createEncoding)',
      send: () => stack.exec(CreateEncodingDocument, { input: { video: toGlobalId('PandaVideo', 'panda-a', 'ffffffffffffffffffffffffffffffff'), profileName: 'h264' } }),
      code: 'NOT_FOUND',
      message: /./,
      refusedWriteAllowed: true,
    },
    // unknown accounts
    { name: 'account: unknown, in an id', send: del(toGlobalId('PandaVideo', 'ghost', 'x')), code: 'NOT_FOUND', message: /no account "ghost"/ },
    {
      name: 'account: unknown, in createVideo',
      send: () => stack.exec(CreateVideoDocument, { input: { account: 'ghost', sourceUrl: 'https://media.example.com/a.mp4' } }),
      code: 'NOT_FOUND',
      message: /no account "ghost"/,
    },
    { name: 'account: unknown, in videos', send: videos({ a: ['panda-a', 'ghost'] }), code: 'NOT_FOUND', message: /no account "ghost"/ },
    { name: 'account: path-like id', send: videos({ a: ['../../etc/passwd'] }), code: 'NOT_FOUND', message: /no account/ },
    // wrong variable types
    { name: 'variable: first as a string', send: videos({ f: 'ten' }), code: 'BAD_USER_INPUT', message: /\$f.*Int/, status: 400 },
    { name: 'variable: first as a float', send: videos({ f: 1.5 }), code: 'BAD_USER_INPUT', message: /Int/, status: 400 },
    { name: 'variable: first over 32 bits', send: videos({ f: 2 ** 31 }), code: 'BAD_USER_INPUT', message: /32-bit/, status: 400 },
    { name: 'variable: id as an object', send: node({ nested: true }), code: 'BAD_USER_INPUT', message: /\$id.*ID/, status: 400 },
    {
      name: 'variable: required input missing',
      send: () => stack.query('mutation($i: CreateVideoInput!) { createVideo(input: $i) { video { id } } }', {}),
      code: 'BAD_USER_INPUT',
      message: /\$i.*was not provided/,
      status: 400,
    },
    {
      name: 'variable: input with an unknown field',
      send: () =>
        stack.query('mutation($i: CreateVideoInput!) { createVideo(input: $i) { video { id } } }', {
          i: { account: 'panda-a', sourceUrl: 'https://a.example/x.mp4', admin: true },
        }),
      code: 'BAD_USER_INPUT',
      message: /admin/,
      status: 400,
    },
    { name: 'literal: string where an Int goes', send: () => stack.query('{ videos(first: "5") { edges { cursor } } }'), code: 'BAD_USER_INPUT', message: /Int/, status: 400 },
    // huge strings
    {
      name: 'huge string: a 900 KB source URL',
      send: () => stack.exec(CreateVideoDocument, { input: { account: 'panda-a', sourceUrl: `https://media.example.com/${'a'.repeat(900_000)}.mp4` } }),
      code: 'BAD_USER_INPUT',
      message: /server\.limits\.maxStringLength/,
    },
    {
      name: 'huge string: a 900 KB literal',
      send: () => stack.query(`{ node(id: "${'A'.repeat(900_000)}") { id } }`),
      code: 'BAD_USER_INPUT',
      message: /server\.limits\.maxStringLength/,
    },
    {
      name: 'huge string: a 900 KB payload',
      send: () => stack.exec(CreateVideoDocument, { input: { account: 'panda-a', sourceUrl: 'https://media.example.com/a.mp4', payload: 'p'.repeat(900_000) } }),
      code: 'BAD_USER_INPUT',
      message: /server\.limits\.maxStringLength/,
    },
    {
      name: 'huge body: over 1 MiB',
      send: () => stack.post(JSON.stringify({ query: '{ accounts { id } }', variables: { pad: 'x'.repeat(1_100_000) } })),
      code: 'BAD_USER_INPUT',
      message: /request body over/,
      status: 413,
    },
    // negative / huge first
    { name: 'first: negative', send: videos({ f: -1 }), code: 'BAD_USER_INPUT', message: /first: from 0 to 100/ },
    { name: 'first: over the page size', send: videos({ f: 101 }), code: 'BAD_USER_INPUT', message: /first: from 0 to 100/ },
    { name: 'first: huge', send: videos({ f: 2 ** 31 - 1 }), code: 'QUERY_TOO_COMPLEX', message: /server\.limits\.maxComplexity/, status: 400 },
    {
      name: 'first: negative on a nested list',
      send: () => stack.query(`{ node(id: "${pandaVideo}") { ... on Video { encodings(first: -3) { nodes { id } } } } }`),
      code: 'BAD_USER_INPUT',
      message: /first: from 0 to 100/,
      readsAllowed: true,
    },
    // invalid cursors
    { name: 'cursor: not base64url', send: videos({ after: 'not a cursor!' }), code: 'BAD_USER_INPUT', message: CURSOR_PROBLEM },
    { name: 'cursor: base64 of non-JSON', send: videos({ after: b64('hello') }), code: 'BAD_USER_INPUT', message: CURSOR_PROBLEM },
    { name: 'cursor: unknown version', send: videos({ after: b64('{"v":2,"o":{},"f":""}') }), code: 'BAD_USER_INPUT', message: CURSOR_PROBLEM },
    {
      name: 'cursor: negative offset',
      send: videos({ a: ['panda-a'], after: encodeCursor({ offsets: { 'panda-a': -5 }, filter: 'x' }) }),
      code: 'BAD_USER_INPUT',
      message: CURSOR_PROBLEM,
    },
    { name: 'cursor: of other arguments', send: videos({ a: ['panda-a'], s: 'READY', after: listCursor }), code: 'BAD_USER_INPUT', message: CURSOR_PROBLEM },
    {
      name: 'cursor: of another list (profiles)',
      send: videos({ after: encodeCursor({ offsets: { _: 3 }, filter: 'profiles' }) }),
      code: 'BAD_USER_INPUT',
      message: CURSOR_PROBLEM,
    },
    // invalid enum values
    { name: 'enum: unknown status in a variable', send: videos({ s: 'DONE' }), code: 'BAD_USER_INPUT', message: /VideoStatus/, status: 400 },
    {
      name: 'enum: a string literal where an enum goes',
      send: () => stack.query('{ videos(filter: { status: "READY" }) { edges { cursor } } }'),
      code: 'BAD_USER_INPUT',
      message: /VideoStatus/,
      status: 400,
    },
    { name: 'enum: unknown security level', send: sign({ levels: ['NOPE'] }), code: 'BAD_USER_INPUT', message: /SecurityLevel/, status: 400 },
    // invalid signed-URL policies
    { name: 'policy: IP level without an ip', send: sign({ levels: ['IP'] }), code: 'BAD_USER_INPUT', message: /ip/i },
    { name: 'policy: an ip that is not an address', send: sign({ levels: ['IP'], ip: '999.1.1.1' }), code: 'BAD_USER_INPUT', message: /ip/ },
    { name: 'policy: a country that is not a 2-letter code', send: sign({ levels: ['COUNTRY'], countries: ['FRANCE'] }), code: 'BAD_USER_INPUT', message: /COUNTRY/ },
    { name: 'policy: COUNTRY without countries', send: sign({ levels: ['COUNTRY'] }), code: 'BAD_USER_INPUT', message: /countr/i },
    { name: 'policy: a referer that is not a URL', send: sign({ levels: ['REFERER'], referers: ['not a url'] }), code: 'BAD_USER_INPUT', message: /referer/ },
    { name: 'policy: ASNUM without an AS number', send: sign({ levels: ['ASNUM'] }), code: 'BAD_USER_INPUT', message: /AS number/ },
    { name: 'policy: expiry in the past', send: sign({ expiresAt: '2001-01-01T00:00:00Z' }), code: 'BAD_USER_INPUT', message: /expiresAt/ },
    { name: 'policy: expiry not a date', send: sign({ expiresAt: 'tomorrow' }), code: 'BAD_USER_INPUT', message: /DateTime/, status: 400 },
    {
      name: 'policy: a 100 KB user agent',
      send: sign({ levels: ['USERAGENT'], userAgent: 'u'.repeat(100_000), expiresAt: future() }),
      code: 'BAD_USER_INPUT',
      message: /server\.limits\.maxStringLength/,
    },
    // malformed requests
    { name: 'body: invalid JSON', send: () => stack.post('{"query": '), code: 'BAD_USER_INPUT', message: /not valid JSON/, status: 400 },
    { name: 'body: JSON that is not an object', send: () => stack.post('42'), code: 'BAD_USER_INPUT', message: /./, status: 400 },
    { name: 'body: no query', send: () => stack.post('{"variables": {}}'), code: 'BAD_USER_INPUT', message: /query/, status: 400 },
    { name: 'body: query not a string', send: () => stack.post('{"query": {"a": 1}}'), code: 'BAD_USER_INPUT', message: /quer/i, status: 400 },
    {
      name: 'body: variables not an object',
      send: () => stack.post('{"query": "{ accounts { id } }", "variables": [1]}'),
      code: 'BAD_USER_INPUT',
      message: /variables/,
      status: 400,
    },
    { name: 'body: syntax error', send: () => stack.query('{ accounts { id }'), code: 'BAD_USER_INPUT', message: /Syntax Error/, status: 400 },
    {
      name: 'body: unknown operation name',
      send: () => stack.post(JSON.stringify({ query: 'query A { accounts { id } }', operationName: 'B' })),
      code: 'BAD_USER_INPUT',
      message: /Unknown operation named "B"/,
      status: 400,
    },
    {
      name: 'GET: a mutation',
      send: async () => {
        const response = await request(`${stack.gateway.url}?query=${encodeURIComponent(`mutation { deleteVideo(id: "${pandaVideo}") { deletedId } }`)}`, {
          headers: { 'apollo-require-preflight': '1' },
        });
        const text = await response.body.text();
        return { status: response.statusCode, headers: response.headers, text, ...(JSON.parse(text) as object) };
      },
      code: 'BAD_USER_INPUT',
      message: /GET requests only support query operations/,
      status: 405,
    },
    {
      name: 'request target: one the URL parser refuses (GET //)',
      send: async () => {
        const client = new Client(new URL(stack.gateway.url).origin);
        const response = await client.request({ method: 'GET', path: '//' });
        const text = await response.body.text();
        await client.close();
        return { status: response.statusCode, headers: response.headers, text, ...(JSON.parse(text) as object) };
      },
      code: 'BAD_USER_INPUT',
      message: /malformed request target/,
      status: 400,
    },
    // malformed multipart bodies (no multipart upload route yet: refused clearly, never half-read)
    {
      name: 'multipart: a body without the operations part',
      send: () =>
        multipart([
          ['map', '{}'],
          ['0', 'file bytes'],
        ]),
      code: 'BAD_USER_INPUT',
      message: MULTIPART_PROBLEM,
      status: 400,
    },
    {
      name: 'multipart: operations that are not JSON',
      send: () =>
        multipart([
          ['operations', '{not json'],
          ['map', '{}'],
        ]),
      code: 'BAD_USER_INPUT',
      message: MULTIPART_PROBLEM,
      status: 400,
    },
    {
      name: 'multipart: the map names a file the body never sends',
      send: () =>
        multipart([
          ['operations', UPLOAD_OPERATION],
          ['map', '{"0": ["variables.f"]}'],
        ]),
      code: 'BAD_USER_INPUT',
      message: /^file: /,
    },
    {
      name: 'multipart: more files than allowed',
      send: () =>
        multipart([
          ['operations', UPLOAD_OPERATION],
          ['map', '{"0": ["variables.f"], "1": ["variables.g"]}'],
          ['0', 'abc'],
          ['1', 'def'],
        ]),
      code: 'BAD_USER_INPUT',
      message: /at most 1 file/,
      status: 413,
    },
    {
      name: 'multipart: the map points outside the variables',
      send: () =>
        multipart([
          ['operations', UPLOAD_OPERATION],
          ['map', '{"0": ["variables.nope.deep"]}'],
          ['0', 'abc'],
        ]),
      code: 'BAD_USER_INPUT',
      message: /Invalid object path/,
      status: 400,
    },
    {
      name: 'multipart: without a CSRF preflight header',
      send: () =>
        stack.post(`--B0undary\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${UPLOAD_OPERATION}\r\n--B0undary--\r\n`, {
          'content-type': 'multipart/form-data; boundary=B0undary',
        }),
      code: 'BAD_USER_INPUT',
      message: /CSRF/,
      status: 400,
    },
    {
      name: 'multipart: a boundary that never closes',
      send: () => stack.post('--XyZ\r\ncontent-disposition: form-data; name="operations"\r\n\r\n{"query"', { 'content-type': 'multipart/form-data; boundary=XyZ' }),
      code: 'BAD_USER_INPUT',
      message: MULTIPART_PROBLEM,
      status: 400,
    },
  ];

  const multipart = (parts: [string, string][]) => {
    const body = parts.map(([name, value]) => `--B0undary\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join('') + '--B0undary--\r\n';
    return stack.post(body, { 'content-type': 'multipart/form-data; boundary=B0undary', 'apollo-require-preflight': '1' });
  };

  it('answers each case with its code, a clear message, no stack trace and no upstream write', async () => {
    const failures: string[] = [];
    for (const c of cases()) {
      stack.resetLogs();
      const answer = await c.send();
      const error = answer.errors?.[0];
      const problems = [
        error?.extensions?.code !== c.code && `code ${String(error?.extensions?.code)}, expected ${c.code}`,
        !(error?.message && c.message.test(error.message)) && `message ${JSON.stringify(error?.message?.slice(0, 300))} does not match ${c.message}`,
        c.status !== undefined && answer.status !== c.status && `HTTP ${answer.status}, expected ${c.status}`,
        /\n\s+at |\bat .*\.js:\d+/.test(answer.text) && 'a stack trace in the response',
        answer.text.length > 10_000 && `a ${answer.text.length}-character response`,
        stack.upstreamWrites() > 0 && !c.refusedWriteAllowed && `${stack.upstreamWrites()} upstream writes`,
        stack.upstreamWrites(true) > 0 && `${stack.upstreamWrites(true)} upstream writes accepted`,
        !c.readsAllowed && !c.refusedWriteAllowed && stack.upstreamCalls() > 0 && `${stack.upstreamCalls()} upstream calls`,
      ].filter(Boolean);
      if (problems.length > 0) failures.push(`${c.name}: ${problems.join('; ')}`);
    }
    assert.deepEqual(failures, []);
  });

  it('left everything as it was', async () => {
    const still = await stack.exec(VideoDetailDocument, { id: pandaVideo });
    assert.equal(still.data?.node?.id, pandaVideo);
  });
});
