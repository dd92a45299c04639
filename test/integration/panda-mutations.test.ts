import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { toGlobalId } from '../../src/domain/ids';
import {
  AccountProfilesDocument,
  CancelEncodingDocument,
  CreateEncodingDocument,
  CreateProfileDocument,
  CreateVideoDocument,
  DeleteEncodingDocument,
  DeleteProfileDocument,
  DeleteVideoDocument,
  DeleteVideoSourceDocument,
  RetryEncodingDocument,
  SignUploadDocument,
  UpdateNotificationsDocument,
  UpdateProfileDocument,
  VideoDetailDocument,
  VideosDocument,
} from '../generated/graphql';
import { dataOf, type GraphQLResult } from '../support/gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS, startPandaStack, type PandaStack } from '../support/panda-stack';

const code = (result: GraphQLResult<unknown>): unknown => result.errors?.[0]?.extensions?.code;
const MALFORMED = 'definitely not an id';
const UNKNOWN_ACCOUNT_VIDEO = toGlobalId('PandaVideo', 'nope', 'd891d9a45c698d587831466f236c6c6c');

describe('panda through the gateway: mutations', () => {
  let stack: PandaStack;
  const bodies: string[] = [];
  const exec: PandaStack['gql']['exec'] = async (doc, vars) => {
    const result = await stack.gql.exec(doc, vars);
    bodies.push(JSON.stringify(result));
    return result;
  };
  before(async () => {
    // the tests move the emulator clock forward to see videos and encodings finish
    stack = await startPandaStack({
      checkTimestamps: false,
      extraAccounts: (url) => [{ ...pandaAccountConfig(PANDA_TEST_ACCOUNTS[1]!, url, 'refused'), secretKey: 'wrong-secret-value' }],
    });
  });
  after(async () => {
    const all = bodies.join('\n');
    for (const secret of [...PANDA_TEST_ACCOUNTS.map((a) => a.secretKey), 'wrong-secret-value']) assert.ok(!all.includes(secret), 'secret leaked');
    assert.doesNotMatch(all, /signature=|at [A-Za-z]+ \(|\/v2\/[a-z]+\.json\?/, 'no signature, stack trace or signed URL in any response');
    await stack.close();
  });

  async function newVideo(profiles?: string[]) {
    const result = await exec(CreateVideoDocument, { input: { account: 'alpha', sourceUrl: 'https://media.example.com/clip.mp4', profiles, payload: 'job-42' } });
    return dataOf(result).createVideo!.video;
  }

  it('createVideo: from a URL, processing then ready', async () => {
    const video = await newVideo(['h264']);
    assert.equal(video.status, 'PROCESSING');
    assert.ok('payload' in video && video.payload === 'job-42');
    stack.emulator.clock.advance(10 * 60_000);
    const { node } = dataOf(await exec(VideoDetailDocument, { id: video.id }));
    assert.ok(node && 'status' in node);
    assert.equal(node.status, 'READY');
  });

  it('createVideo: bad input, unknown account, provider rejection', async () => {
    assert.equal(code(await exec(CreateVideoDocument, { input: { account: 'alpha', sourceUrl: 'ftp://x/y.mp4' } })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(CreateVideoDocument, { input: { account: 'alpha', sourceUrl: 'https://x/y.mp4', payload: 'p'.repeat(300) } })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(CreateVideoDocument, { input: { account: 'nope', sourceUrl: 'https://x/y.mp4' } })), 'NOT_FOUND');
    const refused = await exec(CreateVideoDocument, { input: { account: 'refused', sourceUrl: 'https://x/y.mp4' } });
    assert.equal(code(refused), 'PROVIDER_AUTH_FAILED');
    assert.equal(refused.errors?.[0]?.extensions?.account, 'refused');
    assert.equal(refused.errors?.[0]?.extensions?.provider, 'panda');
  });

  it('deleteVideo and deleteVideoSource', async () => {
    const video = await newVideo([]);
    const source = dataOf(await exec(DeleteVideoSourceDocument, { id: video.id }));
    assert.equal(source.deleteVideoSource!.video.id, video.id);
    assert.equal(dataOf(await exec(DeleteVideoDocument, { id: video.id })).deleteVideo!.deletedId, video.id);
    const again = await exec(DeleteVideoDocument, { id: video.id });
    assert.equal(code(again), 'NOT_FOUND');
    assert.equal(again.errors?.[0]?.extensions?.provider, 'panda');
    assert.equal(code(await exec(DeleteVideoDocument, { id: MALFORMED })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(DeleteVideoDocument, { id: UNKNOWN_ACCOUNT_VIDEO })), 'NOT_FOUND');
    assert.equal(code(await exec(DeleteVideoDocument, { id: toGlobalId('PandaEncoding', 'alpha', 'x') })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(DeleteVideoSourceDocument, { id: toGlobalId('PandaProfile', 'alpha', 'x') })), 'BAD_USER_INPUT');
  });

  it('encodings: create, cancel, retry, delete', async () => {
    const video = await newVideo([]);
    const created = dataOf(await exec(CreateEncodingDocument, { input: { video: video.id, profileName: 'h264' } })).createEncoding!.encoding;
    assert.equal(created.status, 'QUEUED');
    assert.equal(created.profileName, 'h264');
    assert.equal(created.video.id, video.id);

    const cancelled = dataOf(await exec(CancelEncodingDocument, { id: created.id })).cancelEncoding!.encoding;
    assert.equal(cancelled.status, 'CANCELLED');
    const retried = dataOf(await exec(RetryEncodingDocument, { id: created.id })).retryEncoding!.encoding;
    assert.equal(retried.status, 'QUEUED');
    stack.emulator.clock.advance(5 * 60_000);
    const { node } = dataOf(await exec(VideoDetailDocument, { id: video.id }));
    assert.ok(node && 'encodings' in node);
    assert.deepEqual(
      node.encodings.nodes.map((e) => [e.id, e.status, e.progress]),
      [[created.id, 'READY', 100]],
    );

    assert.equal(dataOf(await exec(DeleteEncodingDocument, { id: created.id })).deleteEncoding!.deletedId, created.id);
    assert.equal(code(await exec(DeleteEncodingDocument, { id: created.id })), 'NOT_FOUND');
    const byId = [(id: string) => exec(CancelEncodingDocument, { id }), (id: string) => exec(RetryEncodingDocument, { id }), (id: string) => exec(DeleteEncodingDocument, { id })];
    for (const run of byId) {
      assert.equal(code(await run(MALFORMED)), 'BAD_USER_INPUT');
      assert.equal(code(await run(video.id)), 'BAD_USER_INPUT', 'a video id is not an encoding id');
      assert.equal(code(await run(toGlobalId('PandaEncoding', 'nope', 'x'))), 'NOT_FOUND');
    }
  });

  it('createEncoding by profile id; bad input and provider rejection', async () => {
    const video = await newVideo([]);
    const profiles = dataOf(await exec(AccountProfilesDocument, { id: 'alpha', first: 10 })).account.profiles.nodes;
    const webm = profiles.find((p) => p.name !== 'h264')!;
    const created = dataOf(await exec(CreateEncodingDocument, { input: { video: video.id, profile: webm.id } })).createEncoding!.encoding;
    assert.equal(created.profileName, webm.name);
    assert.equal(code(await exec(CreateEncodingDocument, { input: { video: video.id } })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(CreateEncodingDocument, { input: { video: video.id, profile: webm.id, profileName: 'h264' } })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(CreateEncodingDocument, { input: { video: MALFORMED, profileName: 'h264' } })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(CreateEncodingDocument, { input: { video: UNKNOWN_ACCOUNT_VIDEO, profileName: 'h264' } })), 'NOT_FOUND');
    const betaProfile = toGlobalId('PandaProfile', 'beta', webm.nativeId);
    assert.equal(code(await exec(CreateEncodingDocument, { input: { video: video.id, profile: betaProfile } })), 'BAD_USER_INPUT');
    const unknownProfile = await exec(CreateEncodingDocument, { input: { video: video.id, profileName: 'no-such-profile' } });
    assert.equal(code(unknownProfile), 'NOT_FOUND');
    assert.equal(unknownProfile.errors?.[0]?.extensions?.provider, 'panda');
  });

  it('profiles: create from preset, update, delete; duplicates refused by the provider', async () => {
    const created = dataOf(await exec(CreateProfileDocument, { input: { account: 'alpha', presetName: 'h264', name: 'web-720p', title: 'Web 720p', width: 1280, height: 720 } }))
      .createProfile!.profile;
    assert.equal(created.name, 'web-720p');
    assert.ok('presetName' in created && created.presetName === 'h264');
    const duplicate = await exec(CreateProfileDocument, { input: { account: 'alpha', presetName: 'h264', name: 'web-720p' } });
    assert.equal(code(duplicate), 'PROVIDER_REJECTED');
    assert.equal(code(await exec(CreateProfileDocument, { input: { account: 'alpha', name: 'x' } })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(CreateProfileDocument, { input: { account: 'alpha', presetName: 'h264', width: -5 } })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(CreateProfileDocument, { input: { account: 'nope', presetName: 'h264' } })), 'NOT_FOUND');

    const updated = dataOf(await exec(UpdateProfileDocument, { id: created.id, input: { title: 'Web HD', width: 1920, height: 1080 } })).updateProfile!.profile;
    assert.deepEqual([updated.title, updated.width, updated.height], ['Web HD', 1920, 1080]);
    assert.equal(code(await exec(UpdateProfileDocument, { id: created.id, input: {} })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(UpdateProfileDocument, { id: MALFORMED, input: { title: 't' } })), 'BAD_USER_INPUT');
    assert.equal(dataOf(await exec(DeleteProfileDocument, { id: created.id })).deleteProfile!.deletedId, created.id);
    assert.equal(code(await exec(DeleteProfileDocument, { id: created.id })), 'NOT_FOUND');
    assert.equal(code(await exec(DeleteProfileDocument, { id: toGlobalId('PandaVideo', 'alpha', 'x') })), 'BAD_USER_INPUT');
  });

  it('notifications: update events, url and delay', async () => {
    const result = dataOf(
      await exec(UpdateNotificationsDocument, {
        input: { account: 'beta', url: 'https://hooks.example.com/panda', delay: 30, events: { videoEncoded: true, encodingProgress: false } },
      }),
    ).updateNotifications!.notifications;
    assert.ok('events' in result);
    assert.equal(result.url, 'https://hooks.example.com/panda');
    assert.equal(result.delay, 30);
    assert.equal(result.events.videoEncoded, true);
    assert.equal(result.events.encodingProgress, false);
    assert.equal(code(await exec(UpdateNotificationsDocument, { input: { account: 'beta', url: 'not a url' } })), 'BAD_USER_INPUT');
    assert.equal(code(await exec(UpdateNotificationsDocument, { input: { account: 'nope', delay: 5 } })), 'NOT_FOUND');
    assert.equal(code(await exec(UpdateNotificationsDocument, { input: { account: 'refused', delay: 5 } })), 'PROVIDER_AUTH_FAILED');
  });

  it('signUpload: params a browser can post to the provider as they are', async () => {
    const ticket = dataOf(await exec(SignUploadDocument, { input: { account: 'alpha', fileName: 'movie.mp4', fileSize: 1234, profiles: ['h264'] } })).signUpload!;
    assert.ok(ticket.params.some((p) => p.name === 'signature'));
    assert.ok(Date.parse(ticket.expiresAt) > Date.now());
    const query = new URLSearchParams(ticket.params.map((p): [string, string] => [p.name, p.value])).toString();
    const response = await request(`${ticket.url}?${query}`, { method: ticket.method as 'POST' });
    const body = (await response.body.json()) as { location?: string };
    assert.equal(response.statusCode, 201, JSON.stringify(body));
    assert.ok(body.location?.includes('/upload/session'));
    assert.equal(code(await exec(SignUploadDocument, { input: { account: 'alpha', fileName: 'm.mp4', fileSize: 0 } })), 'BAD_USER_INPUT');
  });

  it('every listing still works after the writes', async () => {
    assert.ok(dataOf(await exec(VideosDocument, { accounts: ['alpha'], first: 5 })).videos.edges.length === 5);
  });
});
