import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { EmulatorClock } from '../../../emulators/common/clock';
import { startDailymotionEmulator, type DailymotionEmulator } from '../../../emulators/dailymotion';
import { dmVectors } from '../../providers/dailymotion/vectors';
import { seedVectorMedia, vectorAccounts } from './fixtures';
import { retarget, sendRaw, tamperAuth } from './raw';

type Reply = { result?: unknown; error?: { code: number; message: string } };

/** Every raw RPC request the SDK sent in the vectors (1.2.7 and the 1.1.4 history one), with its id. */
function recordedRequests(): { id: string; raw: Buffer }[] {
  const out: { id: string; raw: Buffer }[] = [];
  for (const v of dmVectors().vectors) {
    const exchanges = v['sdk_1.2.7']?.http ?? v['sdk_1.1.4']?.http ?? (v.kind === 'file.upload_file' ? v.http!.slice(0, 1) : []);
    exchanges.forEach((x, i) => x.raw_requests.forEach((raw) => out.push({ id: `${v.id}[${i}]`, raw: Buffer.from(raw, 'latin1') })));
  }
  return out.filter((r) => r.raw.toString('latin1').startsWith('POST /api '));
}

/** The SDK signs str(datetime) but sends an epoch (spec §3.4): no server can verify that request. */
const UNVERIFIABLE = new Set(['rpc/tuple-and-datetime[0]']);

describe('the emulator accepts every RPC request the SDK recorded, and refuses it with one auth digit changed (dailymotion spec §11)', () => {
  let emulator: DailymotionEmulator;
  let port: number;
  const clock = new EmulatorClock('2011-03-13T07:06:40Z');
  before(async () => {
    emulator = await startDailymotionEmulator({ accounts: vectorAccounts(), clock });
    port = Number(new URL(emulator.baseUrl).port);
  });
  after(() => emulator.close());
  beforeEach(() => seedVectorMedia(emulator.store, clock.now().getTime()));

  const requests = recordedRequests();
  it('has requests to replay', () => assert.equal(requests.length, 37));

  const send = async (raw: Buffer): Promise<Reply> => {
    const response = await sendRaw(port, raw);
    assert.equal(response.status, 200, 'RPC answers are HTTP 200 (spec §11 item 4)');
    const reply = JSON.parse(response.body.toString('utf8')) as Reply;
    assert.ok(reply !== null && typeof reply === 'object' && !Array.isArray(reply));
    if (reply.error) assert.ok(Number.isInteger(reply.error.code) && reply.error.message.length > 0, 'code and message both present');
    return reply;
  };

  for (const { id, raw } of requests) {
    it(`${id}: accepted as recorded`, async () => {
      const reply = await send(raw);
      if (UNVERIFIABLE.has(id)) {
        assert.equal(reply.error?.code, 400, 'documented: signed text and sent JSON differ');
        return;
      }
      assert.notEqual(reply.error?.code, 400, `auth refused: ${reply.error?.message}`);
      if (id.startsWith('response/error-with-data')) assert.equal(reply.error?.code, 630, 'a 23-character id is invalid');
      else assert.equal(reply.error, undefined, JSON.stringify(reply.error));
    });
    it(`${id}: refused with one digit of the auth hash changed`, async () => {
      const reply = await send(tamperAuth(raw));
      assert.equal(reply.error?.code, 400);
    });
  }

  it("answers the vectors' calls with the documented shapes", async () => {
    const byId = new Map(requests.map((r) => [r.id, r.raw]));
    const result = async (id: string) => (await send(byId.get(id)!)).result;
    assert.equal(typeof (await result('rpc/media.count[0]')), 'number');
    assert.match(((await result('rpc/media.create-empty[0]')) as { id: string }).id, /^[0-9a-f]{24}$/);
    assert.deepEqual(await result('rpc/user.whoami-act-as[0]'), { id: '4c1a4d3edede832bfd000099', username: 'johndoe' });
    const list = (await result('rpc/media.list-paged[0]')) as { list: unknown[]; page: number; pages: number };
    assert.equal(list.page, 2);
    assert.deepEqual(list.list, [], 'one news media: page 2 of 20 per page is empty');
    const assets = (await result('rpc/media.get_assets[0]')) as Record<string, { status: string }>;
    assert.deepEqual(Object.keys(assets).sort(), ['mp4_h264_aac', 'source']);
    const upload = (await result('rpc/file.upload-target-status[0]')) as { url: string; status: string };
    assert.deepEqual([...new URL(upload.url).searchParams.keys()].sort(), ['seal', 'target', 'uuid']);
    assert.equal(new URL(upload.url).searchParams.get('target'), 'http://www.example.com/upload_done');
    assert.equal(new URL(upload.status).pathname, '/upload/status', 'status URL, on the host the client addressed');
    const meta = (await send(byId.get('rpc/media.set_meta-types[0]')!)).result;
    assert.equal(meta, null);
    assert.deepEqual(emulator.store.user(vectorAccounts()[0]!.userId).media.get(dmVectors().meta.constants.MEDIA_ID)!.meta.n_float_integral, 1);
  });

  it('upload_file/1.2.7: the recorded multipart POST to the URL file.upload gave answers {url, name, size}', async () => {
    const vector = dmVectors().vectors.find((v) => v.id === 'upload_file/1.2.7')!;
    const ticket = (await send(Buffer.from(vector.http![0]!.raw_requests[0]!, 'latin1'))).result as { url: string };
    const url = new URL(ticket.url);
    const multipart = retarget(Buffer.from(vector.http![1]!.raw_requests[0]!, 'latin1'), url.pathname + url.search);
    const response = await sendRaw(port, multipart);
    assert.equal(response.status, 200);
    const answer = JSON.parse(response.body.toString('utf8')) as { url: string; name: string; size: number };
    assert.equal(answer.name, 'video');
    assert.equal(answer.size, 64);
    assert.match(answer.url, /\/uploads\/[0-9a-f]{32}\.3gp$/);
    const refused = await sendRaw(port, retarget(Buffer.from(vector.http![1]!.raw_requests[0]!, 'latin1'), url.pathname + url.search.replace(/seal=[0-9a-f]/, 'seal=z')));
    assert.equal(refused.status, 403, 'a wrong seal is refused');
  });
});
