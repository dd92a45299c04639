import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../../src/domain/ids';
import type { StoredVideo } from '../../emulators/ziggeo';
import {
  BindZiggeoStreamDocument,
  CreateZiggeoStreamDocument,
  CreateZiggeoVideoDocument,
  DeleteZiggeoStreamDocument,
  PushZiggeoStreamToServiceDocument,
  PushZiggeoVideoToServiceDocument,
  UpdateZiggeoVideoDocument,
  ZiggeoStreamDocument,
  ZiggeoStreamsDocument,
  ZiggeoVideoCountDocument,
  ZiggeoVideoDocument,
  ZiggeoVideosDocument,
} from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { codeOf, startZiggeoGateway, ziggeoAccount, type ZiggeoGatewayStack } from './ziggeo-gateway';

/** Ziggeo videos and streams through the GraphQL endpoint, against the emulator (ziggeo spec §5.1–5.2). */
describe('ziggeo videos and streams through the gateway', () => {
  let stack: ZiggeoGatewayStack;
  const videos = (): StoredVideo[] => [...stack.emulator.store.app(stack.app.token).videos.values()];
  const oldestFirst = (list: StoredVideo[]) => [...list].sort((a, b) => a.created - b.created || a.token.localeCompare(b.token));
  const stateOf = (v: StoredVideo) => stack.emulator.store.videoState(v, stack.emulator.clock.now().getTime());
  const calls = () => stack.emulator.log.entries.length;
  const gql = () => stack.gql;

  before(async () => {
    stack = await startZiggeoGateway({
      extraAccounts: (baseUrl, app) => [
        ziggeoAccount(app, baseUrl, { id: 'zig-badkey', privateKey: '0'.repeat(32) }),
        { id: 'panda', provider: 'panda', baseUrl: 'http://127.0.0.1:9', cloudId: 'c', accessKey: 'a', secretKey: 's' },
      ],
    });
  });
  after(() => stack.close());

  describe('index, count, get', () => {
    it('pages oldest first with first/after, one call per page', async () => {
      const expected = oldestFirst(videos()).map((v) => v.token);
      stack.emulator.log.clear();
      const one = dataOf(await gql().exec(ZiggeoVideosDocument, { account: 'zig', first: 10 })).ziggeoVideos;
      assert.deepEqual(
        one.edges.map((e) => e.node.token),
        expected.slice(0, 10),
      );
      assert.equal(one.pageInfo.hasNextPage, true);
      assert.equal(calls(), 1);
      const two = dataOf(await gql().exec(ZiggeoVideosDocument, { account: 'zig', first: 20, after: one.pageInfo.endCursor })).ziggeoVideos;
      assert.deepEqual(
        two.edges.map((e) => e.node.token),
        expected.slice(10, 25),
      );
      assert.equal(two.pageInfo.hasNextPage, false);
      assert.ok(two.edges.every((e) => e.node.account.id === 'zig' && e.node.id === toGlobalId('ZiggeoVideo', 'zig', e.node.token)));
    });

    it('reverse, skip, states and tags are applied by Ziggeo', async () => {
      const all = oldestFirst(videos());
      const newest = dataOf(await gql().exec(ZiggeoVideosDocument, { account: 'zig', reverse: true, first: 3, skip: 2 })).ziggeoVideos;
      assert.deepEqual(
        newest.edges.map((e) => e.node.token),
        [...all]
          .reverse()
          .slice(2, 5)
          .map((v) => v.token),
      );

      const ready = all.filter((v) => stateOf(v) === 'READY');
      const byState = dataOf(await gql().exec(ZiggeoVideosDocument, { account: 'zig', filter: { states: ['ready'] }, first: 100 })).ziggeoVideos;
      assert.deepEqual(
        byState.edges.map((e) => e.node.token),
        ready.map((v) => v.token),
      );
      assert.ok(byState.edges.every((e) => e.node.status === 'READY' && e.node.rawState === 5));

      const tag = all.flatMap((v) => v.tags ?? [])[0]!;
      const tagged = all.filter((v) => v.tags?.includes(tag));
      const byTag = dataOf(await gql().exec(ZiggeoVideosDocument, { account: 'zig', filter: { tags: [tag] }, first: 50 })).ziggeoVideos;
      assert.deepEqual(
        byTag.edges.map((e) => e.node.token),
        tagged.map((v) => v.token),
      );

      // a long filter still pages on: the cursor carries a digest of the arguments, not the arguments
      const manyStates = Array.from({ length: 700 }, () => 'READY');
      const firstReady = dataOf(await gql().exec(ZiggeoVideosDocument, { account: 'zig', filter: { states: manyStates }, first: 2 })).ziggeoVideos;
      assert.equal(firstReady.pageInfo.hasNextPage, ready.length > 2);
      const restReady = dataOf(
        await gql().exec(ZiggeoVideosDocument, { account: 'zig', filter: { states: manyStates }, first: 100, after: firstReady.pageInfo.endCursor }),
      ).ziggeoVideos;
      assert.deepEqual(
        [...firstReady.edges, ...restReady.edges].map((e) => e.node.token),
        ready.map((v) => v.token),
      );

      const count = dataOf(await gql().exec(ZiggeoVideoCountDocument, { account: 'zig', filter: { states: ['READY', 'FAILED'] } })).ziggeoVideoCount;
      assert.equal(count, all.filter((v) => ['READY', 'FAILED'].includes(stateOf(v))).length);
      assert.equal(dataOf(await gql().exec(ZiggeoVideoCountDocument, { account: 'zig' })).ziggeoVideoCount, all.length);
      assert.equal(dataOf(await gql().exec(ZiggeoVideoCountDocument, { account: 'zig', filter: { tags: [tag] } })).ziggeoVideoCount, tagged.length);
    });

    it('a full page of 100 asks once more to learn whether another follows', async () => {
      stack.emulator.log.clear();
      const page = dataOf(await gql().exec(ZiggeoVideosDocument, { account: 'zig', first: 100 })).ziggeoVideos;
      assert.equal(page.edges.length, videos().length);
      assert.equal(page.pageInfo.hasNextPage, false);
      assert.equal(calls(), 2);
    });

    it('reads by token and by key, with the streams that came with it (states filtered in the gateway)', async () => {
      const keyed = videos().find((v) => v.key && v.streams.length > 1)!;
      stack.emulator.log.clear();
      const byKey = dataOf(await gql().exec(ZiggeoVideoDocument, { account: 'zig', tokenOrKey: keyed.key! })).ziggeoVideo;
      assert.equal(byKey.token, keyed.token);
      assert.equal(byKey.key, keyed.key);
      assert.equal(byKey.streams.length, keyed.streams.length);
      assert.equal(byKey.streams.filter((s) => s.isDefault).length, 1);
      assert.equal(calls(), 1, 'streams come with the video');
      const state = byKey.streams[0]!.rawStatus;
      const filtered = dataOf(await gql().exec(ZiggeoVideoDocument, { account: 'zig', tokenOrKey: keyed.token, states: [state.toLowerCase()] })).ziggeoVideo;
      assert.deepEqual(
        filtered.streams.map((s) => s.token),
        byKey.streams.filter((s) => s.rawStatus === state).map((s) => s.token),
      );
    });

    it('lists and reads streams upstream', async () => {
      const video = videos().find((v) => v.streams.length > 1)!;
      const id = toGlobalId('ZiggeoVideo', 'zig', video.token);
      const streams = dataOf(await gql().exec(ZiggeoStreamsDocument, { video: id })).ziggeoStreams;
      assert.deepEqual(
        streams.map((s) => s.token),
        video.streams.map((s) => s.token),
      );
      const state = streams[0]!.rawStatus;
      const some = dataOf(await gql().exec(ZiggeoStreamsDocument, { video: id, states: [state] })).ziggeoStreams;
      assert.ok(some.length >= 1 && some.every((s) => s.rawStatus === state));
      const one = dataOf(await gql().exec(ZiggeoStreamDocument, { video: id, tokenOrKey: streams[0]!.token })).ziggeoStream;
      assert.equal(one.token, streams[0]!.token);
      assert.equal(one.id, toGlobalId('ZiggeoStream', 'zig', `${video.token}/${one.token}`));
      assert.equal(one.video.id, id);
    });
  });

  describe('mutations', () => {
    it('creates and updates a video', async () => {
      const created = dataOf(
        await gql().exec(CreateZiggeoVideoDocument, { input: { account: 'zig', key: 'gql-made', tags: ['a', 'b'], minDuration: 2, maxDuration: 30, volatile: true } }),
      ).createZiggeoVideo!.video;
      assert.equal(created.key, 'gql-made');
      assert.deepEqual(created.tags, ['a', 'b']);
      assert.equal(created.volatile, true);
      assert.equal(created.minDuration, 2);
      assert.equal(created.status, 'PENDING');
      assert.equal(created.streams.length, 1);
      const stored = stack.emulator.store.findVideo(stack.emulator.store.app(stack.app.token), 'gql-made')!;
      assert.equal(stored.token, created.token);

      const updated = dataOf(await gql().exec(UpdateZiggeoVideoDocument, { input: { id: created.id, key: 'gql-renamed', tags: null, expirationDays: 7, approved: true } }))
        .updateZiggeoVideo!.video;
      assert.equal(updated.key, 'gql-renamed');
      assert.deepEqual(updated.tags, []);
      assert.equal(updated.expirationDays, 7);
      assert.equal(updated.approved, 'true');
      assert.equal(stored.key, 'gql-renamed');
      const cleared = dataOf(await gql().exec(UpdateZiggeoVideoDocument, { input: { id: created.id, expirationDays: null } })).updateZiggeoVideo!.video;
      assert.equal(cleared.expirationDays, null);
    });

    it('pushes a video and a stream to a push service', async () => {
      const video = videos()[0]!;
      const id = toGlobalId('ZiggeoVideo', 'zig', video.token);
      const pushed = dataOf(await gql().exec(PushZiggeoVideoToServiceDocument, { id, pushServiceToken: 'push-s3' })).pushZiggeoVideoToService!;
      assert.deepEqual(pushed, { pushedId: id, pushServiceToken: 'push-s3' });
      assert.deepEqual(video.pushes, ['push-s3']);
      const streamId = toGlobalId('ZiggeoStream', 'zig', `${video.token}/${video.streams[0]!.token}`);
      const pushedStream = dataOf(await gql().exec(PushZiggeoStreamToServiceDocument, { id: streamId, pushServiceToken: 'push-yt' })).pushZiggeoStreamToService!;
      assert.equal(pushedStream.pushedId, streamId);
      assert.deepEqual(video.streams[0]!.pushes, ['push-yt']);
    });

    it('creates, binds and deletes a stream', async () => {
      const video = videos().find((v) => v.streams.length === 1)!;
      const videoId = toGlobalId('ZiggeoVideo', 'zig', video.token);
      const stream = dataOf(await gql().exec(CreateZiggeoStreamDocument, { video: videoId })).createZiggeoStream!.stream;
      assert.equal(stream.rawStatus, 'EMPTY');
      assert.equal(stream.hasVideo, false);
      assert.equal(stream.video.id, videoId);
      assert.equal(video.streams.length, 2);

      const bound = dataOf(await gql().exec(BindZiggeoStreamDocument, { id: stream.id })).bindZiggeoStream!.stream;
      assert.equal(bound.token, stream.token);
      assert.equal(video.defaultStream, stream.token);
      assert.ok(bound.video && 'defaultStreamToken' in bound.video && bound.video.defaultStreamToken === stream.token, 'the video is read afresh');

      assert.equal(dataOf(await gql().exec(DeleteZiggeoStreamDocument, { id: stream.id })).deleteZiggeoStream!.deletedId, stream.id);
      assert.equal(video.streams.length, 1);
      assert.equal(codeOf(await gql().exec(DeleteZiggeoStreamDocument, { id: stream.id })), 'NOT_FOUND');
    });
  });

  describe('bad input and provider errors', () => {
    it('refuses malformed arguments before any call', async () => {
      stack.emulator.log.clear();
      const video = toGlobalId('ZiggeoVideo', 'zig', videos()[0]!.token);
      const bad = [
        await gql().exec(ZiggeoVideosDocument, { account: 'zig', first: 101 }),
        await gql().exec(ZiggeoVideosDocument, { account: 'zig', skip: -1 }),
        await gql().exec(ZiggeoVideosDocument, { account: 'zig', skip: 1, after: 'eyJ2IjoxfQ' }),
        await gql().exec(ZiggeoVideosDocument, { account: 'zig', after: 'not-a-cursor' }),
        await gql().exec(ZiggeoVideosDocument, { account: 'zig', filter: { states: ['READY,FAILED'] } }),
        await gql().exec(ZiggeoVideoCountDocument, { account: 'zig', filter: { tags: ['a,b'] } }),
        await gql().exec(ZiggeoVideoDocument, { account: 'zig', tokenOrKey: 'a/b?c=d' }),
        await gql().exec(ZiggeoStreamDocument, { video, tokenOrKey: '../x' }),
        await gql().exec(ZiggeoStreamsDocument, { video: 'not an id' }),
        await gql().exec(UpdateZiggeoVideoDocument, { input: { id: video, expireOn: '31/12/2030' } }),
        await gql().exec(UpdateZiggeoVideoDocument, { input: { id: video } }),
        await gql().exec(UpdateZiggeoVideoDocument, { input: { id: video, key: null } }),
        await gql().exec(CreateZiggeoVideoDocument, { input: { account: 'zig', minDuration: -1 } }),
        await gql().exec(PushZiggeoVideoToServiceDocument, { id: video, pushServiceToken: 'x&y' }),
      ];
      for (const result of bad) assert.equal(codeOf(result), 'BAD_USER_INPUT', JSON.stringify(result.errors));
      assert.equal(calls(), 0, 'nothing reached Ziggeo');
    });

    it('refuses ids of other types and accounts of other providers', async () => {
      const pandaVideo = toGlobalId('PandaVideo', 'panda', 'abc');
      assert.equal(codeOf(await gql().exec(ZiggeoStreamsDocument, { video: pandaVideo })), 'BAD_USER_INPUT');
      const streamAsVideo = toGlobalId('ZiggeoStream', 'zig', 'a/b');
      assert.equal(codeOf(await gql().exec(CreateZiggeoStreamDocument, { video: streamAsVideo })), 'BAD_USER_INPUT');
      const forged = toGlobalId('ZiggeoVideo', 'panda', 'abc');
      assert.equal(codeOf(await gql().exec(CreateZiggeoStreamDocument, { video: forged })), 'NOT_FOUND');
      assert.equal(codeOf(await gql().exec(ZiggeoVideosDocument, { account: 'panda' })), 'UNSUPPORTED_BY_PROVIDER');
      assert.equal(codeOf(await gql().exec(ZiggeoVideoCountDocument, { account: 'nope' })), 'NOT_FOUND');
    });

    it('maps Ziggeo’s 404 and 401', async () => {
      const missing = await gql().exec(ZiggeoVideoDocument, { account: 'zig', tokenOrKey: 'no-such-video' });
      assert.equal(codeOf(missing), 'NOT_FOUND');
      assert.equal(missing.errors![0]!.extensions!.account, 'zig');
      const video = toGlobalId('ZiggeoVideo', 'zig', 'f'.repeat(32));
      assert.equal(codeOf(await gql().exec(UpdateZiggeoVideoDocument, { input: { id: video, volatile: false } })), 'NOT_FOUND');
      assert.equal(codeOf(await gql().exec(BindZiggeoStreamDocument, { id: toGlobalId('ZiggeoStream', 'zig', `${videos()[0]!.token}/nope`) })), 'NOT_FOUND');
      const unauthorized = await gql().exec(ZiggeoVideosDocument, { account: 'zig-badkey' });
      assert.equal(codeOf(unauthorized), 'PROVIDER_AUTH_FAILED');
      assert.equal(unauthorized.errors![0]!.extensions!.provider, 'ziggeo');
      assert.doesNotMatch(JSON.stringify(unauthorized), new RegExp(stack.app.privateKey));
      const taken = videos().find((v) => v.key)!;
      const conflict = await gql().exec(CreateZiggeoVideoDocument, { input: { account: 'zig', key: taken.key! } });
      assert.equal(codeOf(conflict), 'PROVIDER_REJECTED');
    });
  });
});
