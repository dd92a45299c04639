import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AccountConfig } from '../../src/config';
import type { ProviderDatasource } from '../../src/domain/datasource';
import { withinReadDeadline, startReadDeadline } from '../../src/graph/common/deadline';
import { ClientGone, type RequestScope } from '../../src/observability/request-scope';
import { AccountRegistry } from '../../src/providers/accounts';
import { createLogger } from '../../src/observability/logger';
import { upstreamObserver } from '../../src/observability/upstream';
import { demoDailymotionAccounts } from '../../emulators/dailymotion';
import { demoTelestreamAccounts } from '../../emulators/telestream';
import { demoZiggeoAccounts } from '../../emulators/ziggeo';
import { FourProviders } from '../support/four-providers';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS } from '../support/panda-stack';

const scopeOf = (requestId: string, signal?: AbortSignal): RequestScope => ({ requestId, operation: null, errorCodes: [], upstreamCalls: 0, ...(signal && { signal }) });

/**
 * Issue 18: the request scope reaches upstream calls explicitly (a per-request view of each account's
 * datasource), not through AsyncLocalStorage. Interleaved requests must still count and cut only their own calls.
 */
describe('per-request datasource views: every provider’s calls carry the request they are made for', () => {
  let four: FourProviders;
  let registry: AccountRegistry;
  const seen: { account: string; requestId: string | undefined }[] = [];

  before(async () => {
    four = await FourProviders.start({ demoData: true });
    const factory = demoTelestreamAccounts()[0]!;
    const user = demoDailymotionAccounts()[0]!;
    const app = demoZiggeoAccounts()[0]!;
    const accounts: AccountConfig[] = [
      pandaAccountConfig(PANDA_TEST_ACCOUNTS[0]!, four.panda.baseUrl, 'pa'),
      { id: 'ts', provider: 'telestream', baseUrl: four.telestream.baseUrl, factoryId: factory.factoryId, accessKey: factory.accessKey, secretKey: factory.secretKey },
      { id: 'dm', provider: 'dailymotion', baseUrl: four.dailymotion.baseUrl, cdnUrl: four.dailymotion.baseUrl, userId: user.userId, apiKey: user.apiKey },
      { id: 'zg', provider: 'ziggeo', baseUrl: four.ziggeo.baseUrl, token: app.token, privateKey: app.privateKey, encryptionKey: app.encryptionKey },
    ];
    registry = new AccountRegistry(accounts, {
      // the gateway's own observer (log line and counter), its lines read back
      observer: upstreamObserver(
        createLogger({
          level: 'info',
          destination: {
            write: (text: string) => {
              const line = JSON.parse(text) as { account: string; requestId?: string };
              seen.push({ account: line.account, requestId: line.requestId });
            },
          },
        }),
      ),
    });
  });
  after(async () => {
    await registry.close();
    await four.close();
  });

  it('two interleaved requests: each call is counted in, and told with, its own request; the account’s own datasource carries none', async () => {
    seen.length = 0;
    const a = scopeOf('req-a');
    const b = scopeOf('req-b');
    const sources = registry.all();
    assert.equal(sources.length, 4);
    await Promise.all(
      sources.flatMap((source) => {
        const forA = source.forRequest!(a);
        const forB = source.forRequest!(b);
        return [
          forA.listVideos({ offset: 0, count: 3 }),
          forB.listProfiles(),
          forA.listProfiles(),
          forB.listVideos({ offset: 0, count: 2 }),
          source.listVideos({ offset: 0, count: 1 }),
        ];
      }),
    );
    const of = (id: string | undefined) => seen.filter((s) => s.requestId === id);
    assert.equal(a.upstreamCalls, of('req-a').length);
    assert.equal(b.upstreamCalls, of('req-b').length);
    for (const account of ['pa', 'ts', 'dm', 'zg']) {
      assert.ok(
        of('req-a').some((s) => s.account === account),
        `${account}: calls for req-a`,
      );
      assert.ok(
        of('req-b').some((s) => s.account === account),
        `${account}: calls for req-b`,
      );
      assert.ok(
        of(undefined).some((s) => s.account === account),
        `${account}: calls outside requests`,
      );
    }
  });

  it('a request whose client left: its reads are cut on every provider, the breaker blames no provider, other requests go on', async () => {
    const gone = new AbortController();
    gone.abort(new ClientGone());
    const left = scopeOf('req-gone', gone.signal);
    const other = scopeOf('req-other');
    for (const source of registry.all()) {
      await assert.rejects(source.forRequest!(left).listVideos({ offset: 0, count: 3 }), Error, source.accountId);
      assert.ok(Array.isArray(await source.forRequest!(other).listVideos({ offset: 0, count: 1 })), source.accountId);
      assert.equal(registry.breakers.get(source.accountId)?.state, 'closed', source.accountId);
    }
  });
});

/** A datasource whose views note the scope they were made for, and whose read waits until its signal aborts or `ms` pass. */
function fakeSource(accountId: string, ms: number, views: { accountId: string; scope: RequestScope }[]): ProviderDatasource {
  const base = {
    accountId,
    provider: 'panda',
    scope: undefined as RequestScope | undefined,
    forRequest(scope: RequestScope) {
      views.push({ accountId, scope });
      return { ...this, scope };
    },
    listProfiles(this: { scope?: RequestScope }) {
      const signal = this.scope?.signal;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => resolve([]), ms);
        signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
      });
    },
  };
  return base as unknown as ProviderDatasource;
}

describe('read deadline through views: only the slow account’s calls are cut', () => {
  it('the slow account’s view is aborted (ReadDeadlinePassed) and answers tooLate; the fast one answers; the request’s own signal stays', async () => {
    const client = new AbortController();
    const request = scopeOf('req-d', client.signal);
    const context = { scope: request };
    startReadDeadline(context, 100);
    const views: { accountId: string; scope: RequestScope }[] = [];
    const fast = fakeSource('fast', 10, views);
    const slow = fakeSource('slow', 5_000, views);
    const [fastAnswer, slowAnswer] = await Promise.allSettled([
      withinReadDeadline(context, fast, (s) => s.listProfiles()),
      withinReadDeadline(context, slow, (s) => s.listProfiles()),
    ]);
    assert.equal(fastAnswer.status, 'fulfilled');
    assert.equal(slowAnswer.status, 'rejected');
    assert.match(String((slowAnswer as PromiseRejectedResult).reason), /did not answer within the read deadline of 100 ms/);
    const slowSignal = views.find((v) => v.accountId === 'slow')!.scope.signal!;
    const fastSignal = views.find((v) => v.accountId === 'fast')!.scope.signal!;
    assert.equal(slowSignal.aborted, true);
    assert.equal((slowSignal.reason as Error).name, 'ReadDeadlinePassed');
    assert.equal(fastSignal.aborted, false);
    assert.equal(client.signal.aborted, false);
    // counters of the views go to the request's own scope
    views[0]!.scope.upstreamCalls += 1;
    views[1]!.scope.upstreamCalls += 2;
    assert.equal(request.upstreamCalls, 3);
    // the client leaving cuts the views too
    client.abort(new ClientGone());
    assert.equal(fastSignal.aborted, true);
  });
});
