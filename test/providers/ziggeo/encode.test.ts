import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  asciiPath,
  basicAuthorization,
  baseName,
  fileExtension,
  formEncode,
  guessContentType,
  multipartFrame,
  planRequest,
  quotePlus,
  ziggeoHosts,
} from '../../../src/providers/ziggeo/encode';
import { headerOf, requestBody, ziggeoVectors } from './vectors';

describe('ziggeo request encoding (spec §1–§3)', () => {
  it('picks hosts by dialect and region, baseUrl overriding all (spec §1)', () => {
    assert.deepEqual(ziggeoHosts('0123', '1.17'), { api: 'https://srvapi.ziggeo.com', cdn: 'https://srvapi.ziggeo.com', apiConnect: 'https://srvapi.ziggeo.com' });
    assert.equal(ziggeoHosts('r1abc', '1.17').api, 'https://srvapi-eu-west-1.ziggeo.com');
    assert.deepEqual(ziggeoHosts('r1abc', '2.30'), {
      api: 'https://srv-api-eu-west-1.ziggeo.com',
      cdn: 'https://video-cdn-eu-west-1.ziggeo.com',
      apiConnect: 'https://api-eu-west-1.ziggeo.com',
    });
    assert.equal(ziggeoHosts('0123', '2.30').cdn, 'https://video-cdn.ziggeo.com');
    assert.equal(ziggeoHosts('r1abc', '2.30', 'http://127.0.0.1:9/z/').cdn, 'http://127.0.0.1:9/z');
  });

  it('builds the Basic header of spec §2', () => {
    assert.equal(
      basicAuthorization('0123456789abcdef0123456789abcdef', 'fedcba9876543210fedcba9876543210'),
      'Basic MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY6ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=',
    );
  });

  it('form-encodes like urlencode/quote_plus of each Python (spec §3.3)', () => {
    assert.equal(quotePlus("a b,c~d/e!*'()", '1.17'), 'a+b%2Cc%7Ed%2Fe%21%2A%27%28%29');
    assert.equal(quotePlus('a~b', '2.30'), 'a~b');
    assert.equal(quotePlus('café', '1.17'), 'caf%C3%A9');
    assert.equal(formEncode({ i: 5, t: true, f: false, n: null, x: 0.1 + 0.2, g: { read: 'all' } }, '1.17'), 'i=5&t=True&f=False&n=None&x=0.3&g=%7B%27read%27%3A+%27all%27%7D');
    assert.equal(
      formEncode(
        [
          ['x', 0.1 + 0.2],
          ['x', 'again'],
        ],
        '2.30',
      ),
      'x=0.30000000000000004&x=again',
    );
    assert.equal(formEncode({}, '1.17'), '');
  });

  it('chooses verbs as the SDK does: GET query (bare `?` for an empty map), tunnelled DELETE, form POST (spec §3.2)', () => {
    assert.deepEqual(planRequest('GET', '/v1/videos/', null, '1.17'), { method: 'GET', target: '/v1/videos/', body: null, contentType: null });
    assert.equal(planRequest('GET', '/v1/videos/', {}, '1.17').target, '/v1/videos/?');
    assert.equal(planRequest('GET', '/v1/videos/', { limit: 10, reverse: true }, '1.17').target, '/v1/videos/?limit=10&reverse=True');
    assert.deepEqual(planRequest('DELETE', '/v1/videos/x', null, '1.17'), {
      method: 'POST',
      target: '/v1/videos/x?_method=DELETE',
      body: '',
      contentType: 'application/x-www-form-urlencoded',
    });
    assert.equal(planRequest('POST', '/v1/videos/', null, '2.30').body, '');
  });

  it('keeps paths verbatim but drops non-ASCII and fragments, refusing spaces (spec §1.3)', () => {
    assert.equal(asciiPath('/v1/videos/vidéo'), '/v1/videos/vido');
    assert.equal(asciiPath('/v1/videos/a#b'), '/v1/videos/a');
    assert.equal(asciiPath('/v1/videos/a/b?c=d'), '/v1/videos/a/b?c=d');
    assert.throws(() => asciiPath('/v1/videos/my key'));
  });

  it('names files as the SDK does (spec §3.4, §3.6)', () => {
    assert.equal(baseName('C:\\clips\\a.mp4'), 'a.mp4');
    assert.equal(baseName('fixtures/cover.png'), 'cover.png');
    assert.equal(fileExtension('fixtures/video.mp4'), 'mp4');
    assert.equal(guessContentType('x.PNG'), 'image/png');
    assert.equal(guessContentType('x.webm'), 'video/webm');
    assert.equal(guessContentType('noext'), 'application/octet-stream');
  });

  it('frames multipart bodies byte for byte as both SDKs (spec §3.4, §3.5)', () => {
    const { http_vectors, about } = ziggeoVectors();
    const png = Buffer.from(about.fixtures['cover.png_base64'], 'base64');
    const attach = http_vectors.find((v) => v.id === 'streams.attach_image' && v.sdk_version === '1.17')!.exchanges[0]!;
    const frame = multipartFrame('1.17', '127.0.0.1.0.4242.1489500000.123.1', {}, { name: 'fixtures/cover.png' });
    assert.equal(frame.contentType, headerOf(attach.request.headers, 'content-type'));
    assert.deepEqual(Buffer.concat([frame.head, png, frame.tail]), requestBody(attach));

    const upload = http_vectors.find((v) => v.id === 'videos.create.file' && v.sdk_version === '2.30')!;
    const fields = (JSON.parse(upload.exchanges[0]!.response.body_text!) as { url_data: { fields: Record<string, string> } }).url_data.fields;
    const mp4 = Buffer.from(about.fixtures['video.mp4_base64'], 'base64');
    const s3 = multipartFrame('2.30', '0123456789abcdef0123456789abcdef', Object.entries(fields), { name: 'fixtures/video.mp4' });
    assert.deepEqual(Buffer.concat([s3.head, mp4, s3.tail]), requestBody(upload.exchanges[1]!));

    const withFields = multipartFrame('1.17', 'B', { tags: 'a,b', n: 5 }, { name: 'x.bin' });
    assert.equal(
      withFields.head.toString(),
      '--B\r\nContent-Disposition: form-data; name="tags"\r\n\r\na,b\r\n--B\r\nContent-Disposition: form-data; name="n"\r\n\r\n5\r\n' +
        '--B\r\nContent-Disposition: file; name="file"; filename="x.bin"\r\nContent-Type: application/octet-stream\r\n\r\n',
    );
    assert.throws(() => multipartFrame('2.30', 'B', { n: null }, { name: 'x' }), TypeError);
  });
});
