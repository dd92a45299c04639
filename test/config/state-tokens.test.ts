import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../../src/config';

const accounts = [{ id: 'p', provider: 'panda', cloudId: 'c', accessKey: 'a', secretKey: 's' }];
const secret = randomBytes(32).toString('base64');
const keys = [{ id: 'k2025', secret }];

function problems(raw: unknown, env: NodeJS.ProcessEnv = {}): readonly string[] {
  try {
    parseConfig(raw, 'x', env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.problems;
  }
  return assert.fail('expected a ConfigError');
}

describe('config: state and tokens (DESIGN §4)', () => {
  it('keeps everything in memory by default, with no token keys required', () => {
    const config = parseConfig({ accounts }, 'x', {});
    assert.deepEqual(config.state, {});
    assert.equal(config.tokens, undefined);
  });

  it('takes a Redis URL from the environment, with prefix and command timeout defaults', () => {
    const config = parseConfig({ accounts, state: { redis: { url: '${REDIS_URL}' } }, tokens: { keys } }, 'x', { REDIS_URL: 'redis://:pw@cache:6379/1' });
    assert.deepEqual(config.state.redis, { url: 'redis://:pw@cache:6379/1', keyPrefix: 'vidmesh:', commandTimeoutMs: 1000 });
    assert.deepEqual(config.tokens, { keys });
    const tls = parseConfig({ accounts, state: { redis: { url: 'rediss://cache', keyPrefix: 'eu-1:', commandTimeoutMs: 250 } }, tokens: { keys } }, 'x', {});
    assert.deepEqual(tls.state.redis, { url: 'rediss://cache', keyPrefix: 'eu-1:', commandTimeoutMs: 250 });
  });

  it('refuses Redis without token keys, naming tokens.keys', () => {
    assert.deepEqual(problems({ accounts, state: { redis: { url: 'redis://cache' } } }), ['tokens.keys: required when state.redis is set']);
  });

  it('names bad state settings without echoing the URL', () => {
    const found = problems({ accounts, tokens: { keys }, state: { redis: { url: 'http://user:hunter2@cache', keyPrefix: 'has space', commandTimeoutMs: 0, db: 1 } } });
    assert.deepEqual(found, [
      'state.redis.url: a redis:// or rediss:// URL',
      'state.redis.keyPrefix: at most 64 letters, digits, ":", ".", "-" or "_"',
      'state.redis.commandTimeoutMs: Too small: expected number to be >=10',
      'state.redis: unknown key db',
    ]);
    assert.ok(found.every((p) => !p.includes('hunter2')));
    assert.deepEqual(problems({ accounts, state: { redis: {} }, tokens: { keys } }), ['state.redis.url: required']);
  });

  it('checks token keys: ids unique and well-formed, secrets of 32 random bytes, never echoed', () => {
    const weak = 'short-but-secret';
    const found = problems({
      accounts,
      tokens: { keys: [{ id: 'a', secret }, { id: 'a', secret }, { id: 'bad id', secret }, { id: 'c', secret: weak }, { id: 'd' }] },
    });
    assert.deepEqual(found, [
      'tokens.keys[2].id: 1 to 32 letters, digits, "-" or "_"',
      'tokens.keys[3].secret: too short: at least 32 random bytes as 64 hex digits or 43 base64/base64url characters (openssl rand -base64 32)',
      'tokens.keys[4].secret: required',
    ]);
    assert.ok(found.every((p) => !p.includes(weak) && !p.includes(secret)));
    assert.deepEqual(
      problems({
        accounts,
        tokens: {
          keys: [
            { id: 'a', secret },
            { id: 'a', secret },
          ],
        },
      }),
      ['tokens.keys[1].id: duplicate key id "a"'],
    );
    assert.deepEqual(problems({ accounts, tokens: { keys: [] } }), ['tokens.keys: at least one key']);
  });
});
