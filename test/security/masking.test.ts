import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningEmulator } from '../../emulators/common/types';
import { createLogger } from '../../src/observability/logger';
import { connect } from 'node:net';
import { request } from 'undici';
import { CreateVideoDocument, DeleteVideoDocument, VideoDetailDocument, VideosDocument, ZiggeoDownloadUrlsDocument, ZiggeoVideosDocument } from '../generated/graphql';
import { ECHO, leaksIn, WRONG } from './leaks';
import { bearer, SECRETS, startSecurityStack, type HttpAnswer, type SecurityStack } from './stack';

/** Captures what the process writes to stdout and stderr (console, Apollo's logger) while `on`. */
class OutputCapture {
  readonly chunks: string[] = [];
  private readonly originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

  start(): void {
    const tee = (original: typeof process.stdout.write) =>
      ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        this.chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof process.stdout.write;
    process.stdout.write = tee(this.originals.out);
    process.stderr.write = tee(this.originals.err);
  }

  stop(): void {
    process.stdout.write = this.originals.out;
    process.stderr.write = this.originals.err;
  }
}

/** Provider error bodies that echo secrets, signatures and a signed upstream URL (what a careless upstream might send). */
const ECHO_BODIES: Record<string, string> = {
  panda: JSON.stringify({ error: 'BadRequest', message: ECHO }),
  telestream: JSON.stringify({ error: 'BadRequest', message: ECHO }),
  dailymotion: JSON.stringify({ id: 1, error: { code: 100, message: ECHO, data: { url: ECHO } } }),
  ziggeo: JSON.stringify({ error: ECHO }),
};

/** One attempt per call and a breaker that stays closed: each injected fault yields exactly one error. */
const ONE_ATTEMPT = { upstream: { retry: { maxAttempts: 1 }, breaker: { failureThreshold: 1000 } } };

const codes = (answer: HttpAnswer) => (answer.errors ?? []).map((e) => e.extensions?.code);

/**
 * DESIGN §6 masking: every error path is driven with secrets of known value; no response body and no
 * line the gateway writes may hold a secret, a signature, an access key, a stack frame or an upstream
 * URL with its query string.
 */
describe('error masking: no secret, signature, upstream URL or stack in any response or log line', () => {
  const capture = new OutputCapture();
  /** The gateways' own log lines (pino, every level). */
  const logLines: string[] = [];
  let faults: SecurityStack;
  let wrong: SecurityStack;
  const byProvider: Record<string, string> = { panda: 'panda-a', telestream: 'tc', dailymotion: 'dm', ziggeo: 'zig' };

  before(async () => {
    faults = await startSecurityStack({
      config: ONE_ATTEMPT,
      gateway: { logger: createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(line) } }) },
      accountOverrides: Object.fromEntries(Object.values(byProvider).map((id) => [id, { timeoutMs: 300 }])),
      extraAccounts: () => [
        // a host that is down, its URL carrying credentials
        { id: 'down', provider: 'panda', baseUrl: `http://vidmesh:${SECRETS.pandaB}@127.0.0.1:9/`, cloudId: 'dd', accessKey: 'ak', secretKey: SECRETS.pandaB },
      ],
    });
    wrong = await startSecurityStack({
      config: ONE_ATTEMPT,
      apiKeys: true,
      gateway: { logger: createLogger({ level: 'debug', destination: { write: (line: string) => void logLines.push(line) } }) },
      accountOverrides: {
        'panda-a': { secretKey: WRONG.pandaA },
        tc: { secretKey: WRONG.telestream },
        dm: { apiKey: WRONG.dailymotion },
        zig: { privateKey: WRONG.ziggeoPrivate },
      },
    });
  });
  after(async () => {
    await faults.close();
    await wrong.close();
  });

  const ALL = bearer(SECRETS.keyAll);
  const emulatorOf = (stack: SecurityStack, provider: string): RunningEmulator<unknown> =>
    ({ panda: stack.panda, telestream: stack.telestream, dailymotion: stack.dailymotion, ziggeo: stack.ziggeo })[provider] as RunningEmulator<unknown>;

  /** provider auth failures (a wrong secret at each provider) */
  async function authFailures(): Promise<void> {
    for (const account of Object.values(byProvider)) {
      const listing = await wrong.exec(VideosDocument, { accounts: [account], first: 2 }, ALL);
      assert.deepEqual(codes(listing), ['PROVIDER_AUTH_FAILED'], `${account}: ${listing.text}`);
      const create = await wrong.exec(CreateVideoDocument, { input: { account, sourceUrl: 'https://media.example.com/a.mp4' } }, ALL);
      assert.ok(['PROVIDER_AUTH_FAILED', 'UNSUPPORTED_BY_PROVIDER'].includes(String(codes(create)[0])), `${account}: ${create.text}`);
    }
  }

  /** provider answers echoing secrets and signed URLs (4xx and 5xx), malformed and cut answers */
  async function echoingAnswers(): Promise<void> {
    for (const [provider, account] of Object.entries(byProvider)) {
      const emulator = emulatorOf(faults, provider);
      for (const fault of [
        { kind: 'status', status: 400, body: ECHO_BODIES[provider] },
        { kind: 'status', status: 500, body: ECHO_BODIES[provider] },
        { kind: 'status', status: 502, body: ECHO, headers: { 'content-type': 'text/plain' } },
        { kind: 'malformed', body: `{"url": "${ECHO.replace(/\n/g, ' ')}` },
        { kind: 'reset' },
      ] as const) {
        emulator.injectFault({ ...fault, times: 1 });
        const listing = await faults.exec(VideosDocument, { accounts: [account], first: 2 });
        emulator.clearFaults();
        assert.equal(listing.errors?.length, 1, `${provider} ${fault.kind}: ${listing.text}`);
        assert.match(String(codes(listing)[0]), /^PROVIDER_/, `${provider} ${fault.kind}: ${listing.text}`);
      }
      // a mutation's error path too
      const video = (await faults.exec(VideosDocument, { accounts: [account], first: 1 })).data!.videos.edges[0]!.node.id;
      emulator.injectFault({ kind: 'status', status: 422, body: ECHO_BODIES[provider], times: 1 });
      const deleted = await faults.exec(DeleteVideoDocument, { id: video });
      emulator.clearFaults();
      assert.match(String(codes(deleted)[0]), /^PROVIDER_|^UNSUPPORTED/, `${provider}: ${deleted.text}`);
    }
  }

  /** timeouts and a host that is down */
  async function timeouts(): Promise<void> {
    for (const [provider, account] of Object.entries(byProvider)) {
      const emulator = emulatorOf(faults, provider);
      emulator.injectFault({ kind: 'delay', delayMs: 1_500, times: 1 });
      const slow = await faults.exec(VideosDocument, { accounts: [account], first: 1 });
      emulator.clearFaults();
      assert.deepEqual(codes(slow), ['PROVIDER_UNAVAILABLE'], `${provider}: ${slow.text}`);
    }
    const down = await faults.exec(VideosDocument, { accounts: ['down'], first: 1 });
    assert.deepEqual(codes(down), ['PROVIDER_UNAVAILABLE'], down.text);
  }

  /** internal errors thrown inside a resolver’s datasource */
  async function internalErrors(): Promise<void> {
    const source = faults.gateway.registry.byId.get('panda-b')!;
    const original = { listVideos: source.listVideos.bind(source), getVideos: source.getVideos.bind(source) };
    const boom = () => Promise.reject(Object.assign(new Error(ECHO), { config: { url: ECHO } }));
    Object.assign(source, { listVideos: boom, getVideos: () => Promise.reject(new TypeError(`Cannot read properties of undefined (reading '${SECRETS.pandaB}')`)) });
    try {
      const listing = await faults.exec(VideosDocument, { accounts: ['panda-b', 'panda-a'], first: 2 });
      assert.deepEqual(codes(listing), ['INTERNAL_SERVER_ERROR']);
      assert.ok(listing.data!.videos.edges.length > 0, 'the other account still answers');
      const one = await faults.exec(VideoDetailDocument, { id: Buffer.from('PandaVideo:panda-b:x').toString('base64url') });
      assert.deepEqual(codes(one), ['INTERNAL_SERVER_ERROR']);
      assert.equal(one.errors![0]!.message, 'Internal server error');
    } finally {
      Object.assign(source, original);
    }
  }

  /** bad input and gateway authentication failures that quote the client’s own values */
  /** the download route (its own HTTP answers): a provider answer echoing secrets, and a timeout */
  async function downloadRoute(): Promise<void> {
    const zig = (await faults.exec(ZiggeoVideosDocument, { account: 'zig', first: 1 })).data!.ziggeoVideos.edges[0]!.node;
    const urls = await faults.exec(ZiggeoDownloadUrlsDocument, { account: 'zig', tokenOrKey: zig.token });
    const link = urls.data!.ziggeoVideo!.imageDownloadUrl;
    for (const fault of [
      { kind: 'status', status: 400, body: ECHO_BODIES.ziggeo },
      { kind: 'status', status: 500, body: ECHO },
      { kind: 'delay', delayMs: 1_500 },
    ] as const) {
      faults.ziggeo.injectFault({ ...fault, times: 1 });
      const response = await request(link);
      const text = await response.body.text();
      faults.ziggeo.clearFaults();
      faults.transcript.push(text);
      assert.ok(response.statusCode >= 400, `${fault.kind}: ${response.statusCode} ${text}`);
    }
  }

  /** a client that goes away mid-body: the gateway's own failure path (logged, never a stack) */
  async function abortedRequests(): Promise<void> {
    const { port } = new URL(faults.gateway.url);
    for (let i = 0; i < 2; i++) {
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(`POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n{"query": "{ accounts`);
          setTimeout(() => socket.destroy(), 50);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  /** uploads through the gateway while each provider answers with an echo of secrets */
  async function uploads(): Promise<void> {
    const operations = (account: string) =>
      JSON.stringify({ query: 'mutation($f: Upload!) { uploadVideo(input: { account: "' + account + '", file: $f, fileSize: 5 }) { video { id } } }', variables: { f: null } });
    for (const [provider, account] of Object.entries(byProvider)) {
      const body =
        `--B0\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${operations(account)}\r\n` +
        `--B0\r\ncontent-disposition: form-data; name="map"\r\n\r\n{"0": ["variables.f"]}\r\n` +
        `--B0\r\ncontent-disposition: form-data; name="0"; filename="a.mp4"\r\ncontent-type: video/mp4\r\n\r\nhello\r\n--B0--\r\n`;
      const emulator = emulatorOf(faults, provider);
      emulator.injectFault({ kind: 'status', status: 400, body: ECHO_BODIES[provider] });
      const answer = await faults.post(body, { 'content-type': 'multipart/form-data; boundary=B0', 'apollo-require-preflight': '1' });
      emulator.clearFaults();
      assert.match(String(codes(answer)[0]), /^PROVIDER_|^UNSUPPORTED/, `${provider}: ${answer.text}`);
    }
  }

  async function badInput(): Promise<void> {
    const answers = [
      await faults.query('query($id: ID!) { node(id: $id) { id } }', { id: SECRETS.pandaA }),
      await faults.query('query($a: [ID!]) { videos(accounts: $a) { edges { cursor } } }', { a: [SECRETS.telestream] }),
      await faults.query(`{ videos(after: "${SECRETS.dailymotion}") { edges { cursor } } }`, undefined),
      await faults.query('query($f: Int!) { videos(first: $f) { edges { cursor } } }', { f: SECRETS.ziggeoPrivate }),
      await faults.exec(CreateVideoDocument, {
        input: { account: 'panda-a', sourceUrl: `https://x:${SECRETS.pandaA}@media.example.com/a.mp4?signature=SiGnAtUrEvAlUe0123`, payload: 'p'.repeat(300) },
      }),
      await wrong.query('{ accounts { id } }', undefined, bearer(`${SECRETS.keyAll}x`)),
      await wrong.query('{ accounts { id } }', undefined, { authorization: `Basic ${SECRETS.keyAll}` }),
    ];
    for (const answer of answers) assert.ok(answer.errors?.length, answer.text);
  }

  it('drives every error path (output captured meanwhile)', async () => {
    capture.start();
    try {
      await authFailures();
      await echoingAnswers();
      await timeouts();
      await internalErrors();
      await badInput();
      await downloadRoute();
      await abortedRequests();
      await uploads();
    } finally {
      capture.stop();
    }
  });

  it('found nothing to hide in any response body or output line', () => {
    const responses = [...faults.transcript, ...wrong.transcript];
    assert.ok(responses.length > 40, `${responses.length} responses checked`);
    assert.ok(logLines.length > 40, `${logLines.length} log lines checked`);
    const found = [
      ...responses.flatMap((text, i) => leaksIn(text).map((leak) => `response ${i}: ${leak}`)),
      ...leaksIn(capture.chunks.join('')).map((leak) => `output: ${leak}`),
      ...leaksIn(logLines.join('')).map((leak) => `log: ${leak}`),
    ];
    assert.deepEqual(found, []);
  });
});
