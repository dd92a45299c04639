import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { request } from 'undici';
import type { AccountRegistry } from '../src/providers/accounts';
import { parseConfig } from '../src/config';
import { DownloadLinks, DownloadSigner, serveDownload, type DownloadClaims } from '../src/http/downloads';
import { TokenSealer, type TokenKey } from '../src/tokens';

const key = (id: string): TokenKey => ({ id, secret: randomBytes(32).toString('base64url') });

describe('download tokens', () => {
  const claims: DownloadClaims = { account: 'zig', principal: 'ops', object: 'stream', nativeId: 'v1/s1', media: 'image' };
  const k1 = key('k1');

  it('round-trip their claims until they expire', () => {
    let now = 1_000_000;
    const signer = new DownloadSigner(new TokenSealer([k1], { now: () => now }));
    const token = signer.sign(claims, 1000);
    assert.match(token, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(signer.verify(token), { ok: true, claims });
    now = 2_000_000;
    assert.deepEqual(signer.verify(token), { ok: false, reason: 'expired' });
  });

  it('are worthless under another key, tampered, or malformed; open under a rotated-out key still listed', () => {
    const signer = new DownloadSigner(new TokenSealer([k1]));
    const token = signer.sign(claims, 60);
    assert.deepEqual(new DownloadSigner(new TokenSealer([key('k1')])).verify(token), { ok: false, reason: 'invalid' });
    assert.deepEqual(new DownloadSigner(new TokenSealer([key('k2')])).verify(token), { ok: false, reason: 'invalid' }, 'unknown key id');
    assert.deepEqual(new DownloadSigner(new TokenSealer([key('k2'), k1])).verify(token), { ok: true, claims }, 'rotation: the old key still opens');
    const bytes = Buffer.from(token, 'base64url');
    assert.doesNotMatch(bytes.toString('latin1'), /zig|ops|v1/, 'opaque');
    bytes[bytes.length - 20]! ^= 0x01;
    assert.deepEqual(signer.verify(bytes.toString('base64url')), { ok: false, reason: 'invalid' });
    assert.deepEqual(signer.verify(`${token}x`), { ok: false, reason: 'invalid' });
    assert.deepEqual(signer.verify('x'.repeat(5000)), { ok: false, reason: 'invalid' });
    const ticketLike = new TokenSealer([k1]).seal('upload-ticket', ['zig', 'ops', 'stream', 'v1/s1', 'image'], 60_000);
    assert.deepEqual(signer.verify(ticketLike), { ok: false, reason: 'invalid' }, 'another purpose');
  });

  it('make URLs on the request’s origin with the principal in them', () => {
    const now = 10_000;
    const sealer = new TokenSealer([k1], { now: () => now });
    const signer = new DownloadSigner(sealer);
    const url = new DownloadLinks(signer, 'https://gw.example', 'ops').url({ account: 'zig', object: 'video', nativeId: 'v1', media: 'video' }, 60);
    assert.ok(url.startsWith('https://gw.example/downloads/'));
    const token = url.slice('https://gw.example/downloads/'.length);
    const verified = signer.verify(token);
    assert.ok(verified.ok);
    assert.equal(verified.claims.principal, 'ops');
    assert.equal(sealer.open('download', token).expiresAt, 70_000);
  });

  it('are refused when the key that made them may not see the account', async () => {
    const signer = new DownloadSigner(new TokenSealer([k1]));
    const config = parseConfig(
      {
        server: { port: 0 },
        apiKeys: [{ name: 'ops', key: 'ops-key-0123456789', accounts: ['other'] }],
        accounts: [
          { id: 'zig', provider: 'ziggeo', token: 't', privateKey: 'p' },
          { id: 'other', provider: 'ziggeo', token: 'u', privateKey: 'q' },
        ],
      },
      'test',
    );
    const registry = { byId: new Map() } as unknown as AccountRegistry;
    const server = createServer((req, res) => void serveDownload(req, res, { signer, registry, config }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/downloads/`;
      const status = async (c: DownloadClaims) => {
        const response = await request(base + signer.sign(c, 60));
        await response.body.dump();
        return response.statusCode;
      };
      assert.equal(await status(claims), 403, 'ops may not see zig');
      assert.equal(await status({ ...claims, principal: null }), 403, 'no key named');
      assert.equal(await status({ ...claims, account: 'other' }), 404, 'allowed, but no such account here');
    } finally {
      server.close();
    }
  });
});
