import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ProviderDatasource } from '../../src/domain/datasource';
import type { EncodingRecord, ProfileRecord } from '../../src/domain/types';
import { AccountLoaders } from '../../src/graph/common/loaders';

/** A datasource that counts its profile and encoding calls. */
function fakeSource(calls: string[]): ProviderDatasource {
  return {
    getProfiles: (keys: readonly string[]) => {
      calls.push(`profiles ${keys.join(',')}`);
      return Promise.resolve(keys.map((k) => (k === 'gone' ? new Error('gone') : ({ nativeId: k, name: k } as unknown as ProfileRecord))));
    },
    getEncodings: (ids: readonly string[]) => {
      calls.push(`encodings ${ids.join(',')}`);
      return Promise.resolve(ids.map((id) => ({ nativeId: id, fetched: true }) as unknown as EncodingRecord));
    },
  } as unknown as ProviderDatasource;
}

const encoding = (id: string, profile: string): EncodingRecord => ({ nativeId: id, profileNativeId: profile, profileName: null }) as unknown as EncodingRecord;

describe('AccountLoaders: what a request already holds is answered without a promise', () => {
  it('primed encodings of a video, as copies', () => {
    const loaders = new AccountLoaders(fakeSource([]));
    const listed = [encoding('e1', 'p1')];
    loaders.primeEncodings('v1', listed);
    assert.deepEqual(loaders.encodingsNow('v1'), listed);
    assert.notEqual(loaders.encodingsNow('v1'), listed);
    loaders.forgetVideo('v1');
    assert.equal(loaders.encodingsNow('v1'), undefined);
  });

  it('listed encodings load from memory; others from the provider', async () => {
    const calls: string[] = [];
    const loaders = new AccountLoaders(fakeSource(calls));
    loaders.primeEncodings('v1', [encoding('e1', 'p1')]);
    const [listed, other] = await Promise.all([loaders.encoding.load('e1'), loaders.encoding.load('e2')]);
    assert.equal(listed.nativeId, 'e1');
    assert.equal((listed as unknown as { fetched?: boolean }).fetched, undefined);
    assert.equal((other as unknown as { fetched?: boolean }).fetched, true);
    assert.deepEqual(calls, ['encodings e2']);
  });

  it('prefetched profiles in one batch; a failed one is left to the loader', async () => {
    const calls: string[] = [];
    const loaders = new AccountLoaders(fakeSource(calls));
    await loaders.prefetchProfiles([encoding('e1', 'p1'), encoding('e2', 'p1'), encoding('e3', 'gone')]);
    assert.deepEqual(calls, ['profiles p1,gone']);
    assert.equal(loaders.profileNow('p1')?.nativeId, 'p1');
    assert.equal(loaders.profileNow('gone'), undefined);
    await assert.rejects(loaders.profile.load('gone'), /gone/);
    assert.equal(calls.length, 1);
  });
});
