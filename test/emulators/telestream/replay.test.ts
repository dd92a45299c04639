import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTelestreamEmulator, type TelestreamEmulator } from '../../../emulators/telestream';
import { telestreamVectors, type TelestreamVector } from '../../providers/telestream/vectors';
import { send } from '../panda/http';

/** Replays every recorded SDK request (telestream spec §7): accepted as sent, 401 with one signature character flipped. */

/** The request target as the HTTP library sends it: path and query of the recorded URL, Host the recorded host. */
function recorded(v: TelestreamVector): { target: string; host: string } {
  const url = new URL(v.request.url);
  return { target: url.pathname + url.search, host: v.credentials.api_host };
}

function flipSignature(target: string): string {
  return target.replace(/signature=([^&])/, (_, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`);
}

describe('telestream emulator replays the recorded requests', () => {
  let emulator: TelestreamEmulator;
  before(async () => {
    emulator = await startTelestreamEmulator({
      accounts: [
        { accessKey: 'my_access_key', secretKey: 'my_secret_key', factoryId: 'fac123' },
        { accessKey: 'my_access_key', secretKey: 'my_secret_key', factoryId: 'my_cloud_id' },
      ],
      // recorded timestamps are years old and each vector freezes its own clock
      checkTimestamps: false,
      rejectReusedPostSignatures: false,
    });
  });
  after(() => emulator.close());

  for (const v of telestreamVectors.vectors) {
    it(`${v.id} ${v.method} ${v.path}: signature accepted`, async () => {
      const { target, host } = recorded(v);
      const answer = await send(emulator.baseUrl, v.method, target, { host });
      assert.notEqual(answer.status, 401, answer.body);
      assert.ok(answer.status < 500, answer.body);
      if (answer.status >= 400) assert.match(answer.body, /"error"/);
    });
    it(`${v.id} with one signature character flipped: 401`, async () => {
      const { target, host } = recorded(v);
      const answer = await send(emulator.baseUrl, v.method, flipSignature(target), { host });
      assert.equal(answer.status, 401, answer.body);
      assert.equal((JSON.parse(answer.body) as { error: string }).error, 'NotAuthorized');
    });
  }

  for (const u of telestreamVectors.upload_sessions) {
    it(`upload session request (threads ${u.threads}): accepted with part_size and parts, flipped 401`, async () => {
      const url = new URL(u.session_request.url);
      const target = url.pathname + url.search;
      const answer = await send(emulator.baseUrl, 'POST', target, { host: url.hostname });
      assert.equal(answer.status, 201, answer.body);
      const body = JSON.parse(answer.body) as { location: string; part_size: number; parts: number };
      assert.equal(body.part_size, u.part_size);
      assert.equal(body.parts, u.parts);
      assert.equal((await send(emulator.baseUrl, 'POST', flipSignature(target), { host: url.hostname })).status, 401);
    });
  }

  it('T01: a key without factory lists its factories as a bare array (spec §4)', async () => {
    const v = telestreamVectors.vectors.find((x) => x.id === 'T01')!;
    const { target, host } = recorded(v);
    const answer = await send(emulator.baseUrl, 'GET', target, { host });
    assert.equal(answer.status, 200);
    assert.deepEqual((JSON.parse(answer.body) as { id: string }[]).map((f) => f.id).sort(), ['fac123', 'my_cloud_id']);
  });

  it('an unknown factory answers 404 and an unknown video 404 (spec §3)', async () => {
    const v = telestreamVectors.vectors.find((x) => x.id === 'T07')!;
    const { target, host } = recorded(v);
    const answer = await send(emulator.baseUrl, 'GET', target, { host });
    assert.equal(answer.status, 404);
    assert.equal((JSON.parse(answer.body) as { error: string }).error, 'RecordNotFound');
  });
});
