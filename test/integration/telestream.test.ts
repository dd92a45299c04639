import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EmulatorClock } from '../../emulators/common/clock';
import { demoTelestreamAccounts, startTelestreamEmulator, type TelestreamEmulator } from '../../emulators/telestream';
import { CancelEncodingDocument, CreateEncodingDocument, CreateProfileDocument, CreateVideoDocument, DeleteVideoDocument, VideoDetailDocument } from '../generated/graphql';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway';

/** Telestream through the same GraphQL operations as Panda (issue 3 §5). */
describe('telestream through the gateway', () => {
  let emulator: TelestreamEmulator;
  let gql: TestGateway;
  const factory = demoTelestreamAccounts()[0]!;
  before(async () => {
    emulator = await startTelestreamEmulator({ accounts: [factory], demoData: true, clock: new EmulatorClock(), checkTimestamps: false });
    gql = await startTestGateway([
      { id: 'tc', provider: 'telestream', baseUrl: emulator.baseUrl, factoryId: factory.factoryId, accessKey: factory.accessKey, secretKey: factory.secretKey },
    ]);
  });
  after(async () => {
    await gql.close();
    await emulator.close();
  });

  it('shows the factory and its notifications', async () => {
    const result = await gql.raw(
      JSON.stringify({
        query:
          '{ account(id: "tc") { provider details { __typename ... on TelestreamFactory { nativeId uploadOriginalVideo } } notifications { __typename ... on TelestreamNotifications { sendVideoPayload events { videoEncoded } } } } }',
      }),
    );
    const data = result.data as { account: { provider: string; details: { __typename: string; nativeId: string }; notifications: { __typename: string } } };
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(data.account.provider, 'TELESTREAM');
    assert.deepEqual([data.account.details.__typename, data.account.details.nativeId], ['TelestreamFactory', factory.factoryId]);
    assert.equal(data.account.notifications.__typename, 'TelestreamNotifications');
  });

  it('creates a video, encodes it, cancels, makes a profile and deletes', async () => {
    const video = dataOf(await gql.exec(CreateVideoDocument, { input: { account: 'tc', sourceUrl: 'https://media.example.com/t.mp4', profiles: [] } })).createVideo!.video;
    assert.match(video.id, /^[A-Za-z0-9_-]+$/);
    const encoding = dataOf(await gql.exec(CreateEncodingDocument, { input: { video: video.id, profileName: 'h264' } })).createEncoding!.encoding;
    assert.equal(encoding.status, 'QUEUED');
    assert.equal(dataOf(await gql.exec(CancelEncodingDocument, { id: encoding.id })).cancelEncoding!.encoding.status, 'CANCELLED');
    const profile = dataOf(await gql.exec(CreateProfileDocument, { input: { account: 'tc', presetName: 'webm', name: 'tc-webm' } })).createProfile!.profile;
    assert.equal(profile.name, 'tc-webm');
    const detail = dataOf(await gql.exec(VideoDetailDocument, { id: video.id }));
    assert.equal(detail.node?.id, video.id);
    assert.equal(dataOf(await gql.exec(DeleteVideoDocument, { id: video.id })).deleteVideo!.deletedId, video.id);
    assert.equal((await gql.exec(DeleteVideoDocument, { id: video.id })).errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});

describe('telestream notifications: a partial update keeps the other flags', () => {
  it('changes only the flag it names', async () => {
    const factory = demoTelestreamAccounts()[0]!;
    const emulator = await startTelestreamEmulator({ accounts: [factory], clock: new EmulatorClock() });
    const gql = await startTestGateway([
      { id: 'tc', provider: 'telestream', baseUrl: emulator.baseUrl, factoryId: factory.factoryId, accessKey: factory.accessKey, secretKey: factory.secretKey },
    ]);
    try {
      const events = async () => {
        const r = await gql.raw(
          JSON.stringify({
            query: '{ account(id: "tc") { notifications { ... on TelestreamNotifications { events { videoCreated videoEncoded encodingProgress encodingCompleted } } } } }',
          }),
        );
        return (r.data as { account: { notifications: { events: Record<string, boolean> } } }).account.notifications.events;
      };
      const set = (flags: string) => gql.raw(JSON.stringify({ query: `mutation { updateNotifications(input: { account: "tc", events: { ${flags} } }) { __typename } }` }));
      assert.equal((await set('videoCreated: true, encodingCompleted: true')).errors, undefined);
      assert.equal((await set('videoEncoded: true')).errors, undefined);
      assert.deepEqual(await events(), { videoCreated: true, videoEncoded: true, encodingProgress: false, encodingCompleted: true });
    } finally {
      await gql.close();
      await emulator.close();
    }
  });
});
