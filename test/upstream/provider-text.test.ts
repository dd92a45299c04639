import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import { startPandaEmulator, type PandaEmulator } from '../../emulators/panda';
import { VidmeshError } from '../../src/errors';
import { createErrorFormatter, noteErrorsOfRequest, redactProviderText, redactText } from '../../src/errors/format';
import { PandaDatasource } from '../../src/providers/panda';
import { providerError, retryAfterSeconds } from '../../src/upstream';

const TARGET = { account: 'a', provider: 'ziggeo' };
const BASIC = Buffer.from('app-token:private-key-123').toString('base64');

describe('provider text: no upstream URL or Authorization value goes out', () => {
  it('a provider error loses the upstream scheme, host and path, and credentials', () => {
    const error = providerError(TARGET, 'PROVIDER_REJECTED', `POST https://srv-api.ziggeo.com/v1/videos/abc failed; Authorization: Basic ${BASIC}`);
    assert.equal(error.message, 'ziggeo account "a": POST [upstream URL] failed; Authorization: Basic [redacted]');
    const data = providerError(TARGET, 'PROVIDER_REJECTED', 'no', { providerData: `{"url":"http://10.0.0.7:8080/internal/x","auth":"Basic ${BASIC}"}` });
    assert.doesNotMatch(String(data.extensions.providerData), /10\.0\.0\.7|internal|private-key|YXBw/);
  });

  it('Authorization values, as a header line, in JSON, or bare, are redacted everywhere', () => {
    assert.equal(redactText(`sent Authorization: Basic ${BASIC} then`), 'sent Authorization: Basic [redacted] then');
    assert.equal(redactText(`{"authorization":"Bearer abc.def.123"}`), '{"authorization":"Bearer [redacted]"}');
    assert.equal(redactText(`header Basic ${BASIC}`), 'header Basic [redacted]');
    assert.equal(redactText('token Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc123'), 'token Bearer [redacted]');
    assert.equal(redactText('Basic authentication failed'), 'Basic authentication failed', 'prose stays');
    assert.equal(redactText('see https://example.com/docs/errors'), 'see https://example.com/docs/errors', 'outside provider text a plain URL stays');
    assert.equal(redactProviderText('see https://example.com/docs/errors'), 'see [upstream URL]');
  });

  it('the formatter applies the provider rule to any error that names a provider, and the plain rule to the rest', () => {
    const format = createErrorFormatter();
    // built without providerError (as a provider client might): the formatter is the last guard
    const raw = new VidmeshError('PROVIDER_REJECTED', `upstream said: GET http://api.example.com/v2/x.json is gone (Authorization: Basic ${BASIC})`, {
      account: 'a',
      provider: 'panda',
    });
    const out = format(raw.toJSON(), raw);
    assert.equal(out.message, 'upstream said: GET [upstream URL] is gone (Authorization: Basic [redacted])');
    const own = new VidmeshError('BAD_USER_INPUT', 'sourceUrl must be like https://example.com/a.mp4');
    assert.equal(format(own.toJSON(), own).message, 'sourceUrl must be like https://example.com/a.mp4');
  });
});

describe('Retry-After: relayed as whole non-negative seconds, or not at all', () => {
  it('parses delta-seconds and dates; negative, garbage and huge values are no hint', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterSeconds('3', now), 3);
    assert.equal(retryAfterSeconds('-5', now), null);
    assert.equal(retryAfterSeconds('soon', now), null);
    assert.equal(retryAfterSeconds('Wed, 31 Dec 2025 23:00:00 GMT', now), 0, 'a past date: now');
    assert.equal(retryAfterSeconds('Thu, 01 Jan 2026 00:00:01 GMT', now), 1);
    assert.equal(retryAfterSeconds('99999999', now), 86_400, 'capped at a day');
  });

  it('providerError drops a retryAfterSeconds that is no sane number', () => {
    assert.equal(providerError(TARGET, 'RATE_LIMITED', 'x', { retryAfterSeconds: -5 }).extensions.retryAfterSeconds, undefined);
    assert.equal(providerError(TARGET, 'RATE_LIMITED', 'x', { retryAfterSeconds: Number.NaN }).extensions.retryAfterSeconds, undefined);
    assert.equal(providerError(TARGET, 'RATE_LIMITED', 'x', { retryAfterSeconds: 2.2 }).extensions.retryAfterSeconds, 3);
  });

  describe('through the Panda emulator (a 429 without a JSON body)', () => {
    const ACCOUNT = { accessKey: 'ra-ak', secretKey: 'ra-secret-0123456', cloudId: 'ra-cloud' };
    let emulator: PandaEmulator;
    let panda: PandaDatasource;
    before(async () => {
      emulator = await startPandaEmulator({ accounts: [ACCOUNT] });
      // one attempt: the 429 comes back as it is
      panda = new PandaDatasource({ id: 'p', provider: 'panda', baseUrl: emulator.baseUrl, ...ACCOUNT }, { connectMs: 1_000, headersMs: 2_000, bodyMs: 2_000 });
    });
    after(async () => {
      await panda.close();
      await emulator.close();
    });

    const hintFor = async (header: string) => {
      emulator.injectFault({ kind: 'status', status: 429, headers: { 'retry-after': header }, times: 1 });
      const error = await panda.listProfiles().then(
        () => assert.fail('expected RATE_LIMITED'),
        (e: VidmeshError) => e,
      );
      assert.equal(error.code, 'RATE_LIMITED');
      return error.extensions.retryAfterSeconds;
    };

    it('-5, garbage and a past date are not relayed as such', async () => {
      assert.equal(await hintFor('-5'), undefined);
      assert.equal(await hintFor('in a while'), undefined);
      assert.equal(await hintFor('Mon, 01 Jan 2001 00:00:00 GMT'), 0);
      assert.equal(await hintFor('7'), 7);
    });
  });
});

describe('a masked INTERNAL_SERVER_ERROR: nothing to the client, its cause to the log', () => {
  it('logs the original error, redacted and without its stack, with the request id', () => {
    const lines: { fields: Record<string, unknown>; message: string }[] = [];
    const format = createErrorFormatter({ secrets: ['k3y-secret-value'], logger: { error: (fields, message) => void lines.push({ fields, message }) } });
    const cause = new TypeError('cannot read x of undefined at https://h/x?signature=abc with k3y-secret-value');
    const wrapped = new GraphQLError(cause.message, { path: ['videos', 0, 'title'], originalError: cause });
    const out = format(wrapped.toJSON(), wrapped, 'req-20');
    assert.deepEqual(out, { message: 'Internal server error', path: ['videos', 0, 'title'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.message, 'masked internal error');
    assert.equal(lines[0]!.fields.requestId, 'req-20');
    assert.equal(lines[0]!.fields.path, 'videos.0.title');
    const logged = lines[0]!.fields.error as { type: string; message: string };
    assert.equal(logged.type, 'TypeError');
    assert.equal(logged.message, 'cannot read x of undefined at https://h/x?[redacted] with [redacted]');
    assert.doesNotMatch(JSON.stringify(lines), /\.js:\d+|k3y-secret|signature=abc/);
    // as Apollo calls it, without the request: the id its plugin noted for the error
    const other = new GraphQLError('boom', { path: ['video'], originalError: new Error('boom') });
    noteErrorsOfRequest([other], 'req-21');
    format(other.toJSON(), other);
    assert.equal(lines[1]!.fields.requestId, 'req-21');
  });

  it('client mistakes and provider errors are not logged as internal errors', () => {
    const lines: unknown[] = [];
    const format = createErrorFormatter({ logger: { error: (fields) => void lines.push(fields) } });
    const own = new VidmeshError('NOT_FOUND', 'no such video');
    format(own.toJSON(), own);
    format({ message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, new GraphQLError('Syntax Error'));
    assert.equal(lines.length, 0);
  });
});
