import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { VideoEventType, type VideoEvent } from '../../src/events/types';
import { CreateVideoDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { sendMultipart } from '../uploads/support';
import { configure, startNotifyStack, type NotifyStack } from './support';

/** created → progress (rising) → one final completion, for one video. */
function assertStory(events: VideoEvent[]): void {
  const types = events.map((e) => e.type);
  assert.equal(types[0], VideoEventType.CREATED, `first event: ${types.join(',')}`);
  assert.equal(types.at(-1), VideoEventType.ENCODING_COMPLETED, `last event: ${types.join(',')}`);
  assert.equal(types.filter((t) => t === VideoEventType.ENCODING_COMPLETED).length, 1, 'one completion');
  const progress = events.filter((e) => e.type === VideoEventType.ENCODING_PROGRESS);
  assert.ok(progress.length >= 1, 'at least one progress event');
  const values = progress.map((e) => e.progress!);
  assert.deepEqual(
    values,
    [...values].sort((a, b) => a - b),
    'progress never goes back',
  );
  assert.ok(types.indexOf(VideoEventType.ENCODING_PROGRESS) > 0, 'progress after created');
  assert.equal(events.at(-1)!.progress, 100);
  for (const e of events) {
    assert.equal(e.source, 'notification');
    assert.ok(!Number.isNaN(Date.parse(e.at)));
  }
  assert.equal(new Set(events.map((e) => e.id)).size, events.length, 'ids unique');
}

const story = (s: NotifyStack, video: string) => () => s.recorder.of(video).some((e) => e.type === VideoEventType.ENCODING_COMPLETED);

describe('provider notifications reach the bus', () => {
  let s: NotifyStack;
  before(async () => {
    s = await startNotifyStack();
  });
  after(async () => {
    await s.close();
  });

  it('Panda: configureNotifications sets the cloud’s settings; createVideo → created, progress, completed', async () => {
    const setup = await configure(s.gql, 'pa');
    assert.deepEqual(
      { ...setup, receiverBaseUrl: undefined },
      {
        accountId: 'pa',
        delivery: 'NOTIFICATION_SETTINGS',
        receiverBaseUrl: undefined,
        events: ['video-created', 'video-encoded', 'encoding-progress', 'encoding-complete'],
        webhookId: null,
        confirmed: true,
      },
    );
    assert.equal(setup.receiverBaseUrl, new URL(s.gql.gateway.url).origin);
    const settings = s.panda.store.cloud(s.accounts[0]!.provider === 'panda' ? (s.accounts[0] as { cloudId: string }).cloudId : '')!.notifications;
    assert.match(settings.url!, new RegExp(`^${setup.receiverBaseUrl}/notifications/pa/[A-Za-z0-9_-]{32}$`));
    assert.equal(settings.delay, 0);
    assert.ok(Object.values(settings.events).every(Boolean));

    const video = dataOf(await s.gql.exec(CreateVideoDocument, { input: { account: 'pa', sourceUrl: 'https://media.example.com/a.mp4' } })).createVideo!.video;
    await s.recorder.until(story(s, video.nativeId));
    const events = s.recorder.of(video.nativeId);
    assertStory(events);
    assert.ok(events.every((e) => e.accountId === 'pa' && e.provider === 'panda'));
    const encoding = [...s.panda.store.cloud((s.accounts[0] as { cloudId: string }).cloudId)!.encodings.values()].find((e) => e.videoId === video.nativeId)!;
    assert.ok(events.slice(1).every((e) => e.encodingNativeId === encoding.id));
    // the emulator posted in its own format: form data with the spec's event names
    const names = () => s.panda.notifier.deliveries.attempts.map((a) => a.delivery.event);
    // video-encoded may follow encoding-complete on the emulator's next tick (the bus already has the completion from either)
    await s.recorder.until(() => names().includes('video-encoded'));
    for (const name of ['video-created', 'encoding-progress', 'encoding-complete', 'video-encoded']) assert.ok(names().includes(name), name);
    assert.ok(s.panda.notifier.deliveries.attempts.every((a) => a.status === 200 && a.delivery.contentType === 'application/x-www-form-urlencoded'));
  });

  it('Telestream: the same story, through its own settings', async () => {
    const setup = await configure(s.gql, 'ts');
    assert.equal(setup.delivery, 'NOTIFICATION_SETTINGS');
    const video = dataOf(await s.gql.exec(CreateVideoDocument, { input: { account: 'ts', sourceUrl: 'https://media.example.com/t.mp4' } })).createVideo!.video;
    await s.recorder.until(story(s, video.nativeId));
    const events = s.recorder.of(video.nativeId);
    assertStory(events);
    assert.ok(events.every((e) => e.accountId === 'ts' && e.provider === 'telestream'));
  });

  it('Ziggeo: a webhook confirmed with its validation code; an upload → created, progress, completed', async () => {
    const setup = await configure(s.gql, 'zg');
    assert.equal(setup.delivery, 'WEBHOOK');
    assert.equal(setup.confirmed, true);
    assert.ok(setup.webhookId);
    const hook = s.ziggeo.store.app(s.ziggeo.accounts[0]!.token).webhooks.get(setup.webhookId!)!;
    assert.equal(hook.confirmed, true);
    assert.equal(hook.encoding, 'jsonheader');

    const upload = parse('mutation($input: UploadVideoInput!) { uploadVideo(input: $input) { video { nativeId } } }') as TypedDocumentNode<
      { uploadVideo: { video: { nativeId: string } } },
      { input: unknown }
    >;
    const result = await sendMultipart(s.gql.gateway.url, upload, { input: { account: 'zg', file: null } }, [
      { path: 'variables.input.file', name: 'clip.mp4', bytes: Buffer.alloc(4096, 7) },
    ]);
    const token = dataOf(result).uploadVideo!.video.nativeId;
    await s.recorder.until(story(s, token));
    const events = s.recorder.of(token);
    // Ziggeo also says the media arrived (no percentages: progress 0 when processing starts)
    assert.deepEqual(
      events.map((e) => e.type),
      [VideoEventType.CREATED, VideoEventType.SOURCE_UPLOADED, VideoEventType.ENCODING_PROGRESS, VideoEventType.ENCODING_COMPLETED],
    );
    assertStory(events.filter((e) => e.type !== VideoEventType.SOURCE_UPLOADED));
    const stream = s.ziggeo.store.app(s.ziggeo.accounts[0]!.token).videos.get(token)!.defaultStream;
    assert.equal(events.at(-1)!.encodingNativeId, `${token}/${stream}`);

    // configuring again replaces this process's webhook instead of adding a second one
    const again = await configure(s.gql, 'zg');
    assert.notEqual(again.webhookId, setup.webhookId);
    assert.deepEqual([...s.ziggeo.store.app(s.ziggeo.accounts[0]!.token).webhooks.keys()], [again.webhookId]);
  });
});
