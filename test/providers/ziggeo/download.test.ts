import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ZiggeoClient } from '../../../src/providers/ziggeo/client';
import { VidmeshError } from '../../../src/errors';
import { readAll } from './stack';

/** Two loopback origins: the API redirects downloads, the "CDN" serves them (ziggeo spec §4.1, §10.1.8). */
describe('ziggeo downloads follow redirects, streaming, credentials kept to the API origin', () => {
  const seen: { origin: 'api' | 'cdn'; url: string; headers: IncomingHttpHeaders }[] = [];
  let api: Server;
  let cdn: Server;
  let apiUrl = '';
  let cdnUrl = '';
  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  before(async () => {
    api = createServer((req, res) => {
      seen.push({ origin: 'api', url: req.url!, headers: req.headers });
      if (req.url === '/v1/videos/v/video') res.writeHead(302, { location: `${cdnUrl}/media/v.mp4?sig=abc` }).end();
      else if (req.url === '/v1/videos/same/video') res.writeHead(307, { location: '/v1/videos/v2/streams/s/video' }).end();
      else if (req.url === '/v1/videos/v2/streams/s/video') res.writeHead(200, { 'content-type': 'video/mp4' }).end('same-origin bytes');
      else if (req.url === '/v1/videos/loop/video') res.writeHead(302, { location: '/v1/videos/loop/video' }).end();
      else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Not Found"}');
    });
    cdn = createServer((req, res) => {
      seen.push({ origin: 'cdn', url: req.url!, headers: req.headers });
      res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': '9', 'accept-ranges': 'bytes' }).end('cdn bytes');
    });
    apiUrl = await listen(api);
    cdnUrl = await listen(cdn);
  });
  after(async () => {
    for (const server of [api, cdn]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const client = () => new ZiggeoClient({ id: 'zig', provider: 'ziggeo', token: 't0', privateKey: 'secret-key', baseUrl: apiUrl });

  it('follows a CDN redirect without sending the private key there', async () => {
    const c = client();
    try {
      seen.length = 0;
      const download = await c.videos.download_video('v');
      assert.equal(download.contentType, 'video/mp4');
      assert.equal(download.contentLength, 9);
      assert.equal((await readAll(download)).toString(), 'cdn bytes');
      assert.deepEqual(
        seen.map((s) => [s.origin, s.url]),
        [
          ['api', '/v1/videos/v/video'],
          ['cdn', '/media/v.mp4?sig=abc'],
        ],
      );
      assert.match(String(seen[0]!.headers.authorization), /^Basic /);
      assert.equal(seen[1]!.headers.authorization, undefined);
    } finally {
      await c.close();
    }
  });

  it('keeps credentials on a same-origin redirect, and stops redirect loops', async () => {
    const c = client();
    try {
      seen.length = 0;
      assert.equal((await readAll(await c.videos.download_video('same'))).toString(), 'same-origin bytes');
      assert.ok(seen.every((s) => s.headers.authorization !== undefined));
      await assert.rejects(c.videos.download_video('loop'), (e) => e instanceof VidmeshError && e.code === 'PROVIDER_UNAVAILABLE' && /too many redirects/.test(e.message));
      await assert.rejects(c.streams.download_image('x', 'y'), (e) => e instanceof VidmeshError && e.code === 'NOT_FOUND');
    } finally {
      await c.close();
    }
  });
});
