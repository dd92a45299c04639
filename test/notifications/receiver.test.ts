import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { parseConfig } from '../../src/config';
import { NotificationSecrets } from '../../src/events/receiver-secrets';
import { VideoEventType } from '../../src/events/types';
import { CreateVideoDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { startPandaEmulator } from '../../emulators/panda';
import { configure, FAST_NOTIFICATIONS, FAST_TIMING, PANDA, post, sleep, startHttpSpy, startNotifyStack, type NotifyStack } from './support';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('the notification receiver', () => {
  let s: NotifyStack;
  let url: string;
  const lines: string[] = [];
  before(async () => {
    const logger = pino(new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString('utf8')), done()) }));
    s = await startNotifyStack({ logger, dailymotion: true });
    await configure(s.gql, 'pa');
    url = s.panda.store.cloud(PANDA.cloudId)!.notifications.url!;
  });
  after(async () => {
    await s.close();
  });

  it('publishes a delivery once however often it is retried', async () => {
    const body = form({ event: 'video-created', video_id: 'v-dup-1', 'encoding_ids[0]': 'e-dup-1' });
    for (let i = 0; i < 3; i++) assert.deepEqual(await post(url, body), { status: 200, text: 'OK' });
    await s.recorder.until((events) => events.some((e) => e.videoNativeId === 'v-dup-1'));
    await sleep(100);
    assert.equal(s.recorder.of('v-dup-1').length, 1);
    // progress of an encoding the created event named needs no provider call, and each value is its own event
    const before = s.panda.log.entries.length;
    await post(url, form({ event: 'encoding-progress', encoding_id: 'e-dup-1', progress: '40' }));
    await post(url, form({ event: 'encoding-progress', encoding_id: 'e-dup-1', progress: '40' }));
    await post(url, form({ event: 'encoding-progress', encoding_id: 'e-dup-1', progress: '60' }));
    await s.recorder.until(() => s.recorder.of('v-dup-1').length === 3);
    await sleep(100);
    assert.deepEqual(
      s.recorder.of('v-dup-1').map((e) => [e.type, e.encodingNativeId ?? null, e.progress ?? null]),
      [
        [VideoEventType.CREATED, null, null],
        [VideoEventType.ENCODING_PROGRESS, 'e-dup-1', 40],
        [VideoEventType.ENCODING_PROGRESS, 'e-dup-1', 60],
      ],
    );
    assert.equal(s.panda.log.entries.length, before);
  });

  it('refuses a forged secret, an unknown account and a provider without notifications alike: 404, nothing published, secrets not logged', async () => {
    const count = s.recorder.events.length;
    const base = url.slice(0, url.lastIndexOf('/notifications/'));
    const secret = url.slice(url.lastIndexOf('/') + 1);
    const body = form({ event: 'video-created', video_id: 'v-forged' });
    const forged = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    for (const path of [`/notifications/pa/${forged}`, `/notifications/pa/x`, `/notifications/nobody/${secret}`, `/notifications/dm/${secret}`, `/notifications/ts/${secret}`]) {
      assert.deepEqual(await post(base + path, body), { status: 404, text: 'not found' }, path);
    }
    assert.equal((await post(`${base}/notifications/pa`, body)).status, 404);
    assert.equal((await post(url, '', undefined, 'GET')).status, 405);
    await sleep(100);
    assert.equal(s.recorder.events.length, count);
    const refused = lines.filter((l) => l.includes('notification refused'));
    assert.ok(refused.length >= 5);
    assert.ok(lines.every((l) => !l.includes(secret) && !l.includes(forged)));
  });

  it('answers 400 to malformed deliveries and publishes nothing; unknown event names are acknowledged', async () => {
    const count = s.recorder.events.length;
    for (const body of [
      '',
      'garbage',
      form({ event: 'encoding-progress', encoding_id: 'e1' }),
      form({ event: 'encoding-progress', encoding_id: 'e1', progress: '140' }),
      form({ event: 'video-created' }),
      form({ event: 'video-created', video_id: 'a b/c' }),
      '{"event":"video-created"}',
    ]) {
      assert.deepEqual(await post(url, body), { status: 400, text: 'malformed notification' }, body);
    }
    assert.equal((await post(url, form({ event: 'video-renamed', video_id: 'v1' }))).status, 200);
    const zg = s.ziggeo.baseUrl && (await configure(s.gql, 'zg'));
    assert.ok(zg && zg.confirmed);
    const hook = s.ziggeo.store.app(s.ziggeo.accounts[0]!.token).webhooks.get(zg.webhookId!)!;
    for (const body of ['{"event_type": "video_ready"', '{"event_type": "video_ready", "data": {}}', '[]', 'event_type=video_ready&data[video][token]=a%20b']) {
      assert.equal((await post(hook.targetUrl, body, 'application/json')).status, 400, body);
    }
    assert.ok(lines.some((l) => l.includes('malformed')));
    await sleep(100);
    assert.equal(s.recorder.events.length, count);
    assert.ok(lines.every((l) => !l.includes(hook.targetUrl.slice(hook.targetUrl.lastIndexOf('/') + 1))));
  });

  it('reads Ziggeo’s form and plain-text JSON encodings as well', async () => {
    const zgUrl = [...s.ziggeo.store.app(s.ziggeo.accounts[0]!.token).webhooks.values()].at(-1)!.targetUrl;
    await post(zgUrl, 'event_type=video_create&time=1700000000&data[video][token]=formvideo1&data[video][state_string]=EMPTY');
    await post(
      zgUrl,
      JSON.stringify({ event_type: 'video_delete', time: 1700000001, data: { video: { token: 'formvideo1', default_stream: null } } }),
      'text/plain; charset=utf-8',
    );
    await s.recorder.until(() => s.recorder.of('formvideo1').length === 2);
    assert.deepEqual(
      s.recorder.of('formvideo1').map((e) => [e.type, e.at]),
      [
        [VideoEventType.CREATED, '2023-11-14T22:13:20.000Z'],
        [VideoEventType.DELETED, '2023-11-14T22:13:21.000Z'],
      ],
    );
  });

  it('configureNotifications: UNSUPPORTED_BY_PROVIDER for Dailymotion, NOT_FOUND for unknown accounts', async () => {
    const query = 'mutation($a: ID!) { configureNotifications(account: $a) { accountId } }';
    const dm = await s.gql.raw(JSON.stringify({ query, variables: { a: 'dm' } }));
    assert.equal(dm.errors?.[0]?.extensions?.code, 'UNSUPPORTED_BY_PROVIDER');
    const none = await s.gql.raw(JSON.stringify({ query, variables: { a: 'nobody' } }));
    assert.equal(none.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});

describe('emulator retries, and the receiver behind server.publicUrl', () => {
  it('a delivery answered 500 is retried with back-off, and its repeat publishes nothing new', async () => {
    let gateway = '';
    // a front that passes every delivery on, but answers the first one 500: the emulator tries it again
    const front = await startHttpSpy(
      (n) => ({ status: n === 0 ? 500 : 200, forward: true }),
      () => gateway,
    );
    const s = await startNotifyStack({ config: { server: { host: '127.0.0.1', port: 0, publicUrl: `${front.url}/` } } });
    try {
      gateway = new URL(s.gql.gateway.url).origin;
      const setup = await configure(s.gql, 'pa');
      assert.equal(setup.receiverBaseUrl, front.url);
      assert.ok(s.panda.store.cloud(PANDA.cloudId)!.notifications.url!.startsWith(`${front.url}/notifications/pa/`));
      const video = dataOf(await s.gql.exec(CreateVideoDocument, { input: { account: 'pa', sourceUrl: 'https://media.example.com/r.mp4' } })).createVideo!.video;
      await s.recorder.until(() => s.recorder.of(video.nativeId).some((e) => e.type === VideoEventType.ENCODING_COMPLETED));
      const attempts = s.panda.notifier.deliveries.attempts;
      assert.equal(attempts[0]!.status, 500);
      assert.equal(attempts[0]!.delivery.event, 'video-created');
      const retry = attempts.find((a) => a.attempt === 2)!;
      assert.equal(retry.delivery, attempts[0]!.delivery);
      assert.equal(retry.status, 200);
      assert.ok(retry.at.getTime() - attempts[0]!.at.getTime() >= 90, 'waited before retrying');
      // the gateway got video-created twice (the 500 was the front's), and published it once
      assert.equal(front.seen.filter((r) => r.body === attempts[0]!.delivery.body).length, 2);
      assert.equal(s.recorder.of(video.nativeId).filter((e) => e.type === VideoEventType.CREATED).length, 1);
    } finally {
      await s.close();
      await front.close();
    }
  });

  it('the emulator gives up after giveUpAfterMs', async () => {
    const spy = await startHttpSpy(() => ({ status: 503 }));
    const panda = await startPandaEmulator({ accounts: [PANDA], ...FAST_TIMING, notifications: { ...FAST_NOTIFICATIONS, retryBaseMs: 50, retryMaxMs: 400, giveUpAfterMs: 1_000 } });
    try {
      panda.store.seedNotifications(PANDA.cloudId, { url: `${spy.url}/hook`, delay: 0, events: { video_created: true } });
      panda.store.addVideo(PANDA.cloudId, {});
      await sleep(150);
      await panda.notifier.deliveries.idle();
      const attempts = panda.notifier.deliveries.attempts;
      assert.ok(attempts.length >= 4, `attempts: ${attempts.length}`);
      assert.ok(attempts.every((a) => a.status === 503));
      const gaps = attempts.slice(1).map((a, i) => a.at.getTime() - attempts[i]!.at.getTime());
      assert.ok(gaps[1]! >= gaps[0]! * 1.5, `back-off grows: ${gaps.join(',')}`);
      assert.ok(attempts.at(-1)!.at.getTime() - attempts[0]!.at.getTime() <= 1_000);
      assert.equal(spy.seen.length, attempts.length);
      assert.ok(spy.seen.every((r) => r.contentType === 'application/x-www-form-urlencoded' && r.body.startsWith('event=video-created&video_id=')));
    } finally {
      await panda.close();
      await spy.close();
    }
  });
});

describe('notification secrets', () => {
  const accounts = [
    { id: 'a', provider: 'panda', cloudId: 'c', accessKey: 'k', secretKey: 's' },
    { id: 'b', provider: 'panda', cloudId: 'c2', accessKey: 'k', secretKey: 's', notificationSecret: 'configured-secret-0123456789' },
  ];
  it('a configured secret wins; else an HMAC under tokens.keys (any key verifies, the first makes URLs); else a per-process key', () => {
    const keys = [
      { id: 'k2', secret: 'second-key-0123456789abcdefghijklmnopqrstuv' },
      { id: 'k1', secret: 'first-key-0123456789abcdefghijklmnopqrstuvw' },
    ];
    const rotated = new NotificationSecrets(parseConfig({ accounts, tokens: { keys } }, 'test'));
    const old = new NotificationSecrets(parseConfig({ accounts, tokens: { keys: [keys[1]] } }, 'test'));
    assert.equal(rotated.secretFor('b'), 'configured-secret-0123456789');
    assert.ok(rotated.verify('b', 'configured-secret-0123456789'));
    assert.ok(!rotated.verify('b', old.secretFor('a')));
    assert.match(rotated.secretFor('a'), /^[A-Za-z0-9_-]{32}$/);
    assert.notEqual(rotated.secretFor('a'), old.secretFor('a'));
    assert.ok(rotated.verify('a', old.secretFor('a')), 'URLs made with the older key still work');
    assert.ok(!old.verify('a', rotated.secretFor('a')));
    assert.notEqual(rotated.secretFor('a'), rotated.secretFor('b'));
    const memory = new NotificationSecrets(parseConfig({ accounts }, 'test'));
    assert.equal(memory.secretFor('a'), new NotificationSecrets(parseConfig({ accounts }, 'test')).secretFor('a'), 'one key per process');
    assert.notEqual(memory.secretFor('a'), old.secretFor('a'));
    assert.ok(!memory.verify('a', ''));
  });

  it('config: notificationSecret is checked, server.publicUrl must be http(s)', () => {
    assert.throws(() => parseConfig({ accounts: [{ ...accounts[0], notificationSecret: 'short' }] }, 'test'), /notificationSecret/);
    assert.throws(() => parseConfig({ server: { publicUrl: 'ftp://x' }, accounts: [accounts[0]] }, 'test'), /publicUrl/);
  });
});
