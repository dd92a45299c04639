import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { request } from 'undici';
import type { AccountRegistry } from '../src/providers/accounts';
import { parseConfig } from '../src/config';
import { DownloadLinks, DownloadSigner, serveDownload, type DownloadClaims } from '../src/http/downloads';

describe('download tokens', () => {
  const claims: DownloadClaims = { account: 'zig', principal: 'ops', object: 'stream', nativeId: 'v1/s1', media: 'image', expires: 2_000 };

  it('round-trip their claims until they expire', () => {
    let now = 1_000_000;
    const signer = new DownloadSigner(() => now);
    const token = signer.sign(claims);
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(signer.verify(token), { ok: true, claims });
    now = 2_000_000;
    assert.deepEqual(signer.verify(token), { ok: false, reason: 'expired' });
  });

  it('are worthless under another key, tampered, or malformed', () => {
    const signer = new DownloadSigner(() => 0);
    const token = signer.sign(claims);
    assert.deepEqual(new DownloadSigner(() => 0).verify(token), { ok: false, reason: 'invalid' });
    const [payload, mac] = token.split('.') as [string, string];
    assert.doesNotMatch(Buffer.from(payload, 'base64url').toString('latin1'), /zig|ops|v1/, 'opaque');
    const sealed = Buffer.from(payload, 'base64url');
    sealed[sealed.length - 3] ^= 0x01;
    assert.deepEqual(signer.verify(`${sealed.toString('base64url')}.${mac}`), { ok: false, reason: 'invalid' });
    const other = signer.sign({ ...claims, account: 'zag' });
    assert.deepEqual(signer.verify(`${other.split('.')[0]}.${mac}`), { ok: false, reason: 'invalid' });
    assert.deepEqual(signer.verify(`${payload}.${mac}x`), { ok: false, reason: 'invalid' });
    assert.deepEqual(signer.verify('x'.repeat(5000)), { ok: false, reason: 'invalid' });
  });

  it('make URLs on the request’s origin with the principal in them', () => {
    const signer = new DownloadSigner(() => 10_000);
    const url = new DownloadLinks(signer, 'https://gw.example', 'ops').url({ account: 'zig', object: 'video', nativeId: 'v1', media: 'video' }, 60);
    assert.ok(url.startsWith('https://gw.example/downloads/'));
    const verified = signer.verify(url.slice('https://gw.example/downloads/'.length));
    assert.ok(verified.ok);
    assert.equal(verified.claims.principal, 'ops');
    assert.equal(verified.claims.expires, 70);
  });

  it('are refused when the key that made them may not see the account', async () => {
    const signer = new DownloadSigner(() => 0);
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
        const response = await request(base + signer.sign(c));
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
