import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { toGlobalId } from '../../src/domain/ids';
import {
  AccountsDocument,
  CreateEncodingDocument,
  CreateZiggeoAuthTokenDocument,
  EnableDailymotionPresetDocument,
  SetDailymotionMetaDocument,
  SetDailymotionThumbnailDocument,
  CreateZiggeoClientAuthTokenDocument,
  CreateZiggeoStreamDocument,
  CreateZiggeoVideoDocument,
  ZiggeoDownloadUrlsDocument,
  ZiggeoVideosDocument,
  CreateProfileDocument,
  CreateVideoDocument,
  DeleteVideoDocument,
  NodesDocument,
  SignStreamUrlDocument,
  UpdateNotificationsDocument,
  VideoDetailDocument,
  VideosDocument,
} from '../generated/graphql';
import { bearer, codeOf, HMAC_ACCOUNTS, OTHER_ACCOUNTS, SECRETS, startSecurityStack, type SecurityStack } from './stack';

const ALL = bearer(SECRETS.keyAll);
const HMAC = bearer(SECRETS.keyHmac);
const OTHERS = bearer(SECRETS.keyOthers);

/** DESIGN §4: with `apiKeys`, a request needs a key and sees only that key's accounts; the rest is NOT_FOUND. */
describe('access control with API keys, across the four providers', () => {
  let stack: SecurityStack;
  /** One video global id per account, read with the key that sees everything. */
  const videoOf: Record<string, string> = {};

  before(async () => {
    stack = await startSecurityStack({ apiKeys: true });
    for (const account of ['panda-a', 'panda-b', 'tc', 'dm', 'zig']) {
      const page = await stack.exec(VideosDocument, { accounts: [account], first: 1 }, ALL);
      assert.equal(page.errors, undefined, JSON.stringify(page.errors));
      videoOf[account] = page.data!.videos.edges[0]!.node.id;
    }
  });
  after(() => stack.close());

  it('refuses a missing, unknown or malformed key with 401 UNAUTHENTICATED and no upstream call', async () => {
    const cases: [string, Record<string, string>][] = [
      ['no header', {}],
      ['empty header', { authorization: '' }],
      ['unknown key', bearer('vmk-not-a-configured-key-0000')],
      ['a configured key with one character changed', bearer(`${SECRETS.keyAll.slice(0, -1)}x`)],
      ['a configured key with a suffix', bearer(`${SECRETS.keyAll}0`)],
      ['Basic scheme', { authorization: `Basic ${Buffer.from(`x:${SECRETS.keyAll}`).toString('base64')}` }],
      ['Bearer without a key', { authorization: 'Bearer' }],
      ['Bearer with two tokens', { authorization: `Bearer ${SECRETS.keyAll} extra` }],
      ['the key without a scheme', { authorization: SECRETS.keyAll }],
    ];
    stack.resetLogs();
    for (const [name, headers] of cases) {
      const answer = await stack.exec(AccountsDocument, {}, headers);
      assert.equal(answer.status, 401, name);
      assert.equal(codeOf(answer), 'UNAUTHENTICATED', name);
      assert.equal(answer.headers['www-authenticate'], 'Bearer', name);
      assert.equal(answer.data, undefined, name);
      assert.ok(!answer.text.includes(SECRETS.keyAll.slice(0, 12)), `${name}: the key is not echoed`);
    }
    const get = await request(`${stack.gateway.url}?query=${encodeURIComponent('{ accounts { id } }')}`, { headers: { 'apollo-require-preflight': '1' } });
    assert.equal(get.statusCode, 401, 'GET too');
    await get.body.dump();
    assert.equal(stack.upstreamCalls(), 0);
  });

  it('accepts the scheme in any case', async () => {
    const answer = await stack.exec(AccountsDocument, {}, { authorization: `bearer ${SECRETS.keyHmac}` });
    assert.equal(answer.status, 200);
    assert.deepEqual(
      answer.data!.accounts.map((a) => a.id),
      HMAC_ACCOUNTS,
    );
  });

  it('`accounts` lists only the key’s accounts', async () => {
    const ids = async (headers: Record<string, string>) => (await stack.exec(AccountsDocument, {}, headers)).data!.accounts.map((a) => a.id).sort();
    assert.deepEqual(await ids(ALL), ['dm', 'panda-a', 'panda-b', 'tc', 'zig']);
    assert.deepEqual(await ids(HMAC), [...HMAC_ACCOUNTS].sort());
    assert.deepEqual(await ids(OTHERS), [...OTHER_ACCOUNTS].sort());
  });

  it('`videos` without `accounts` lists and asks only the visible accounts', async () => {
    for (const [headers, visible] of [
      [HMAC, HMAC_ACCOUNTS],
      [OTHERS, OTHER_ACCOUNTS],
    ] as const) {
      stack.resetLogs();
      const page = await stack.exec(VideosDocument, { first: 50 }, headers);
      assert.equal(page.errors, undefined, JSON.stringify(page.errors));
      const shown = new Set(page.data!.videos.edges.map((e) => e.node.account.id));
      assert.deepEqual([...shown].sort(), [...visible].sort(), 'videos of every visible account and of no other');
      const asked = new Set(stack.emulators.flatMap((e) => e.log.entries.map((r) => r.account)));
      const invisibleUpstream = {
        'panda-a': 'aa00000000000000000000000000000a',
        'panda-b': 'bb00000000000000000000000000000b',
        tc: 'cc00000000000000000000000000000c',
        dm: '5e00000000000000000000dd',
        zig: 'ee00000000000000000000000000000e',
      };
      for (const [account, upstreamId] of Object.entries(invisibleUpstream)) {
        assert.equal(asked.has(upstreamId), visible.includes(account), `upstream asked for ${account}: ${asked.has(upstreamId)}`);
      }
    }
  });

  it('naming an invisible account is NOT_FOUND, worded as for an unknown one, with no upstream call', async () => {
    stack.resetLogs();
    for (const account of OTHER_ACCOUNTS) {
      const listing = await stack.exec(VideosDocument, { accounts: ['panda-a', account], first: 5 }, HMAC);
      assert.equal(codeOf(listing), 'NOT_FOUND', account);
      assert.equal(listing.data, null);
      const invisible = await stack.query('query($id: ID!) { account(id: $id) { id } }', { id: account }, HMAC);
      const unknown = await stack.query('query($id: ID!) { account(id: $id) { id } }', { id: 'no-such-account' }, HMAC);
      assert.equal(codeOf(invisible), 'NOT_FOUND');
      assert.equal(invisible.errors![0]!.message.replace(account, 'X'), unknown.errors![0]!.message.replace('no-such-account', 'X'));
    }
    assert.equal(stack.upstreamCalls(), 0);
  });

  it('`node` and `nodes` of another key’s objects are NOT_FOUND without an upstream call; the owner’s key reads them', async () => {
    for (const [headers, invisible] of [
      [HMAC, [...OTHER_ACCOUNTS, 'panda-b']],
      [OTHERS, ['panda-a', 'panda-b', 'tc']],
    ] as const) {
      stack.resetLogs();
      for (const account of invisible) {
        const one = await stack.exec(VideoDetailDocument, { id: videoOf[account]! }, headers);
        assert.equal(codeOf(one), 'NOT_FOUND', account);
        assert.equal(one.data?.node ?? null, null);
      }
      const many = await stack.exec(NodesDocument, { ids: invisible.map((a) => videoOf[a]!) }, headers);
      assert.deepEqual(
        many.data!.nodes,
        invisible.map(() => null),
      );
      assert.deepEqual(
        many.errors!.map((e) => e.extensions?.code),
        invisible.map(() => 'NOT_FOUND'),
      );
      assert.equal(stack.upstreamCalls(), 0, 'no upstream call for invisible ids');
    }
    for (const account of HMAC_ACCOUNTS) assert.equal((await stack.exec(VideoDetailDocument, { id: videoOf[account]! }, HMAC)).data?.node?.id, videoOf[account]);
    for (const account of OTHER_ACCOUNTS) assert.equal((await stack.exec(VideoDetailDocument, { id: videoOf[account]! }, OTHERS)).data?.node?.id, videoOf[account]);
  });

  it('mutations on another key’s accounts or objects are NOT_FOUND and reach no provider', async () => {
    stack.resetLogs();
    const refused = [
      ...OTHER_ACCOUNTS.map((a) => stack.exec(DeleteVideoDocument, { id: videoOf[a]! }, HMAC)),
      ...HMAC_ACCOUNTS.map((a) => stack.exec(DeleteVideoDocument, { id: videoOf[a]! }, OTHERS)),
      stack.exec(DeleteVideoDocument, { id: videoOf['panda-b']! }, HMAC),
      stack.exec(CreateEncodingDocument, { input: { video: videoOf['panda-a']!, profileName: 'h264' } }, OTHERS),
      stack.exec(CreateEncodingDocument, { input: { video: videoOf.tc!, profileName: 'h264' } }, OTHERS),
      stack.exec(CreateVideoDocument, { input: { account: 'panda-b', sourceUrl: 'https://media.example.com/a.mp4', profiles: [] } }, HMAC),
      stack.exec(CreateVideoDocument, { input: { account: 'zig', sourceUrl: 'https://media.example.com/a.mp4' } }, HMAC),
      stack.exec(CreateVideoDocument, { input: { account: 'tc', sourceUrl: 'https://media.example.com/a.mp4' } }, OTHERS),
      stack.exec(CreateProfileDocument, { input: { account: 'tc', presetName: 'webm', name: 'stolen' } }, OTHERS),
      stack.exec(UpdateNotificationsDocument, { input: { account: 'panda-a', url: 'https://attacker.example.com/hook' } }, OTHERS),
      stack.exec(SignStreamUrlDocument, { input: { media: videoOf.dm! } }, HMAC),
      stack.exec(SetDailymotionMetaDocument, { input: { media: videoOf.dm!, meta: [{ key: 'owner', value: 'attacker' }] } }, HMAC),
      stack.exec(SetDailymotionThumbnailDocument, { input: { media: videoOf.dm!, timecode: '00:00:01' } }, HMAC),
      stack.exec(EnableDailymotionPresetDocument, { account: 'dm', preset: 'mp4_h264_aac' }, HMAC),
      stack.exec(CreateZiggeoVideoDocument, { input: { account: 'zig' } }, HMAC),
      stack.exec(CreateZiggeoStreamDocument, { video: videoOf.zig! }, HMAC),
      stack.exec(CreateZiggeoAuthTokenDocument, { input: { account: 'zig', grants: { read: { resources: ['*'] } } } }, HMAC),
      stack.exec(CreateZiggeoClientAuthTokenDocument, { input: { account: 'zig' } }, HMAC),
      stack.exec(ZiggeoVideosDocument, { account: 'zig', first: 5 }, HMAC),
      stack.exec(ZiggeoDownloadUrlsDocument, { account: 'zig', tokenOrKey: 'anything' }, HMAC),
    ];
    for (const answer of await Promise.all(refused)) {
      assert.equal(codeOf(answer), 'NOT_FOUND', answer.text);
      // a query's non-null root nulls `data`; a mutation's root fields are nullable, so each is null
      assert.ok(answer.data === null || Object.values(answer.data as object).every((v) => v === null), answer.text);
    }
    assert.equal(stack.upstreamCalls(), 0, 'not even a read');
    // everything is still there for the key that sees it
    const all = await stack.exec(NodesDocument, { ids: Object.values(videoOf) }, ALL);
    assert.deepEqual(
      all.data!.nodes.map((n) => n?.id),
      Object.values(videoOf),
    );
  });

  it('resolvers reach accounts only through the context, which applies the key’s account set', () => {
    // the one door: RequestContext.account / visibleAccounts; a resolver reading the registry's datasources would bypass it
    const files = ['graph', 'providers'].flatMap((room) => {
      const dir = join(__dirname, '..', '..', 'src', room);
      return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));
    });
    const offenders = files.filter((f) => f.endsWith('.js') && /\bregistry\.(byId|all)\b/.test(readFileSync(f, 'utf8')));
    assert.ok(files.length > 20, 'the resolver rooms were read');
    assert.deepEqual(offenders, []);
  });

  it('a forged id naming a visible account with another provider’s type is NOT_FOUND too', async () => {
    stack.resetLogs();
    const forged = toGlobalId('ZiggeoVideo', 'panda-a', 'x');
    assert.equal(codeOf(await stack.exec(VideoDetailDocument, { id: forged }, HMAC)), 'NOT_FOUND');
    assert.equal(stack.upstreamCalls(), 0);
  });
});
