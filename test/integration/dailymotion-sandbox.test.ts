import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_MEDIA_PER_USER } from '../../emulators/dailymotion';
import { startEmulators, type EmulatorSet } from '../../sandbox/emulators';
import { DailymotionAccountDocument, DailymotionMediaListDocument } from '../generated/graphql';
import { dataOf, startTestGateway, type TestGateway } from '../support/gateway';

/** The sandbox's demo accounts include Dailymotion users that answer every Dailymotion query (DESIGN §3). */
describe('sandbox: Dailymotion accounts', () => {
  let set: EmulatorSet;
  let gql: TestGateway;
  before(async () => {
    set = await startEmulators({ host: '127.0.0.1' });
    gql = await startTestGateway(set.accounts);
  });
  after(async () => {
    await gql.close();
    await set.close();
  });

  it('every Dailymotion demo account shows its user, media count and media', async () => {
    const ids = set.accounts.filter((a) => a.provider === 'dailymotion').map((a) => a.id);
    assert.ok(ids.length >= 1);
    for (const id of ids) {
      const details = dataOf(await gql.exec(DailymotionAccountDocument, { id })).account.details;
      assert.ok(details?.__typename === 'DailymotionUser');
      assert.equal(details.mediaCount, DEMO_MEDIA_PER_USER);
      const list = dataOf(await gql.exec(DailymotionMediaListDocument, { id, first: 3, orderBy: 'CREATED_DESC' })).account.details;
      assert.ok(list?.__typename === 'DailymotionUser');
      assert.equal(list.media.edges.length, 3);
      assert.ok(list.media.edges.every((e) => typeof e.node.title === 'string'));
    }
  });
});
