import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { errorsOf, startFront } from './support';

describe('the front’s routes', () => {
  let front: Awaited<ReturnType<typeof startFront>>;
  before(async () => (front = await startFront()));
  after(() => front.close());

  it('answers health, readiness and metrics, and 404 elsewhere', async () => {
    assert.deepEqual(JSON.parse((await front.send('/healthz')).text), { status: 'ok' });
    assert.equal((JSON.parse((await front.send('/readyz')).text) as { status: string }).status, 'ready');
    const missing = await front.send('/nowhere');
    assert.equal(missing.status, 404);
    assert.equal(errorsOf(missing)[0]?.extensions?.code, 'NOT_FOUND');
    assert.equal((await front.send('//')).status, 400, 'a target the URL parser refuses');
  });

  it('labels each request with its route in the metrics: downloads by their route, not their token', async () => {
    await front.send('/downloads/some.token');
    await front.send('/nowhere');
    const text = (await front.send('/metrics')).text;
    assert.match(text, /vidmesh_http_requests_total\{route="\/downloads",status="\d+"\} [1-9]/);
    assert.match(text, /vidmesh_http_requests_total\{route="other",status="404"\} [1-9]/);
    assert.doesNotMatch(text, /some\.token/);
  });
});
