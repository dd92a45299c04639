import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { signTelestreamRequest, telestreamPairs, telestreamSdkUrl, telestreamSignedParams } from '../../../src/providers/telestream/sign';
import { telestreamVectors, uploadFile, type TelestreamVector } from './vectors';

function sign(v: TelestreamVector) {
  return signTelestreamRequest({
    method: v.method,
    host: v.credentials.api_host,
    path: v.path,
    params: telestreamPairs(v.params),
    credentials: { accessKey: v.credentials.access_key, secretKey: v.credentials.secret_key, factoryId: v.credentials.factory_id },
    timestamp: v.timestamp,
  });
}

/** signed_params as the SDK returns them, flattened to wire text (dicts in bracket form). */
function flatSignedParams(v: TelestreamVector): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of telestreamPairs(v.signed_params as TelestreamVector['params'])) out[pair.base === undefined ? pair.key : `${pair.base}[${pair.key}]`] = pair.value;
  return out;
}

describe('telestream signing vectors (telestream spec §2)', () => {
  for (const v of telestreamVectors.vectors) {
    it(`${v.id} ${v.method} ${v.path}: byte-exact string to sign, signature, URL, signed params`, () => {
      const signed = sign(v);
      assert.equal(signed.stringToSign, v.string_to_sign);
      assert.equal(signed.signature, v.signature);
      assert.equal(telestreamSdkUrl(v.credentials.api_host, v.credentials.api_port, v.path, signed.query), v.request.url);
      assert.deepEqual(telestreamSignedParams(signed), flatSignedParams(v));
    });
  }
  it('the upload vectors: session URL byte-exact and part hashes of the described file', () => {
    for (const u of telestreamVectors.upload_sessions) {
      const url = new URL(u.session_request.url);
      const params = Object.fromEntries([...url.searchParams].filter(([k]) => !['access_key', 'factory_id', 'timestamp', 'signature'].includes(k)));
      const signed = signTelestreamRequest({
        method: 'POST',
        host: url.hostname,
        path: '/videos/upload.json',
        params: telestreamPairs(params),
        credentials: { accessKey: 'my_access_key', secretKey: 'my_secret_key', factoryId: url.searchParams.get('factory_id') },
        timestamp: url.searchParams.get('timestamp') ?? '',
      });
      assert.equal(telestreamSdkUrl(url.hostname, 443, '/videos/upload.json', signed.query), u.session_request.url);
      const file = uploadFile(u.file_size);
      for (const part of u.part_requests_sorted_by_part) {
        const body = file.subarray(part['X-Part'] * u.part_size, (part['X-Part'] + 1) * u.part_size);
        assert.equal(body.length, part.body_len);
        assert.equal(createHash('sha256').update(body).digest('hex'), part.body_sha256);
      }
    }
  });
});
