import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { TelestreamDatasource } from '../../../src/providers/telestream';
import { telestreamVectors, uploadFile } from './vectors';

/** Our part requests against the recorded SDK's (telestream spec §6.2): headers, lengths, hashes. */
describe('telestream upload parts are the SDK recording', () => {
  for (const u of telestreamVectors.upload_sessions) {
    it(`threads ${u.threads}: every part once, SDK headers, recorded hashes`, async () => {
      const seen: { headers: IncomingHttpHeaders; sha: string; len: number }[] = [];
      let inFlight = 0;
      let maxInFlight = 0;
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
          const body = Buffer.concat(chunks);
          setTimeout(() => {
            inFlight--;
            if (req.url!.startsWith('/v3.0/videos/upload.json'))
              return void res.end(JSON.stringify({ location: `${origin}/upload/session/sess1`, part_size: u.part_size, parts: u.parts }));
            seen.push({ headers: req.headers, sha: createHash('sha256').update(body).digest('hex'), len: body.length });
            const last = seen.length === u.parts;
            res.end(JSON.stringify(last ? { id: 'vid1', status: 'processing' } : { status: 'uploading' }));
          }, 5);
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const ds = new TelestreamDatasource({ id: 't', provider: 'telestream', baseUrl, accessKey: 'my_access_key', secretKey: 'my_secret_key', factoryId: 'fac123' });
      try {
        const session = await ds.upload({ fileName: 'movie.mp4', fileSize: u.file_size }, uploadFile(u.file_size), u.threads);
        assert.equal(session.status, u.status_after);
        const byPart = [...seen].sort((a, b) => Number(a.headers['x-part']) - Number(b.headers['x-part']));
        assert.deepEqual(
          byPart.map((p) => ({ 'X-Part': Number(p.headers['x-part']), body_len: p.len, body_sha256: p.sha })),
          u.part_requests_sorted_by_part,
        );
        for (const p of byPart) {
          assert.equal(p.headers['content-type'], u.part_request_headers_example['Content-Type']);
          assert.equal(p.headers['cache-control'], u.part_request_headers_example['Cache-Control']);
          assert.equal(p.headers['content-length'], String(p.len));
        }
        assert.ok(maxInFlight <= u.threads, `at most ${u.threads} parts at once, saw ${maxInFlight}`);
        if (u.threads > 1) assert.ok(maxInFlight > 1, 'parts travel in parallel');
      } finally {
        await ds.close();
        await new Promise((r) => server.close(r));
      }
    });
  }
});
