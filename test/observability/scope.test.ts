import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestIdOf } from '../../src/observability/request-scope';
import { loggablePath } from '../../src/observability/upstream';

describe('log hygiene', () => {
  it('keeps a plain client request id, replaces anything else with a UUID', () => {
    assert.equal(requestIdOf('abc-123_x.y:z@w'), 'abc-123_x.y:z@w');
    assert.equal(requestIdOf(['first', 'second']), 'first');
    for (const bad of [undefined, '', 'x'.repeat(129), 'has space', 'line\nbreak', '{"json":1}']) assert.match(requestIdOf(bad), /^[0-9a-f-]{36}$/);
  });

  it('logs paths without query strings or Ziggeo auth token ids', () => {
    assert.equal(loggablePath('/v2/videos.json?access_key=a&signature=s'), '/v2/videos.json');
    assert.equal(loggablePath('/v1/authtokens/tok-secret-1'), '/v1/authtokens/:token');
    assert.equal(loggablePath('/v1/authtokens/'), '/v1/authtokens/');
    assert.equal(loggablePath('/v1/videos/abc/streams/def'), '/v1/videos/abc/streams/def');
  });
});
