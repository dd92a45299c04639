import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AccountConfig } from '../../src/config';
import { decryptClientAuthToken, generateClientAuthToken, type ClientAuthTokenEntropy, type PyValue } from '../../src/providers/ziggeo';
import { toGlobalId } from '../../src/domain/ids';
import {
  AuthTokenNodeDocument,
  CreateZiggeoAuthTokenDocument,
  CreateZiggeoClientAuthTokenDocument,
  DeleteZiggeoAuthTokenDocument,
  UpdateZiggeoAuthTokenDocument,
  ZiggeoAuthTokenDocument,
} from '../generated/graphql';
import { exactRandints, fromPairs, ziggeoVectors } from '../providers/ziggeo/vectors';
import { dataOf } from '../support/gateway';
import { codeOf, startZiggeoGateway, ziggeoAccount, type ZiggeoGatewayStack } from './ziggeo-gateway';

/** The option order the mutation encrypts in (spec §8, vector auth.all_fields) and the input field of each. */
const OPTION_INPUTS: [string, string][] = [
  ['volatile', 'volatile'],
  ['hidden', 'hidden'],
  ['expiration_date', 'expiresAt'],
  ['usage_expiration_time', 'usageExpirationTime'],
  ['session_limit', 'sessionLimit'],
  ['grants', 'grants'],
];

/** A vector's options as mutation input, when the mutation can express them (order, object grants). */
function inputOf(options: Record<string, PyValue>): Record<string, unknown> | null {
  const keys = Object.keys(options);
  const order = OPTION_INPUTS.map(([k]) => k);
  if (keys.some((k) => !order.includes(k)) || keys.some((k, i) => i > 0 && order.indexOf(k) < order.indexOf(keys[i - 1]!))) return null;
  if (options.grants !== undefined && (typeof options.grants !== 'object' || options.grants === null)) return null;
  const input: Record<string, unknown> = {};
  for (const [option, field] of OPTION_INPUTS) {
    if (options[option] === undefined) continue;
    input[field] = option === 'expiration_date' ? new Date((options[option] as number) * 1000).toISOString() : options[option];
  }
  return input;
}

describe('ziggeo auth tokens through the gateway', () => {
  let stack: ZiggeoGatewayStack;
  let now: () => number = Date.now;
  let entropy: (() => ClientAuthTokenEntropy) | undefined;
  const vectors = ziggeoVectors().auth_vectors;
  const randints = exactRandints();
  const vectorAccounts = new Map<string, string>();
  for (const v of vectors) {
    const pair = `${v.app_token}:${v.encryption_key}`;
    if (!vectorAccounts.has(pair)) vectorAccounts.set(pair, `vec-${vectorAccounts.size}`);
  }
  const gql = () => stack.gql;
  const tokens = () => stack.emulator.store.app(stack.app.token).authTokens;

  before(async () => {
    stack = await startZiggeoGateway({
      extraAccounts: (baseUrl, app) => [
        ziggeoAccount(app, baseUrl, { id: 'zig-nokey', encryptionKey: undefined }),
        ziggeoAccount(app, baseUrl, { id: 'zig-badkey', privateKey: 'f'.repeat(32) }),
        { id: 'panda', provider: 'panda', baseUrl: 'http://127.0.0.1:9', cloudId: 'c', accessKey: 'a', secretKey: 's' },
        ...[...vectorAccounts].map(([pair, id]): AccountConfig => {
          const [token, encryptionKey] = [pair.slice(0, pair.indexOf(':')), pair.slice(pair.indexOf(':') + 1)];
          return { id, provider: 'ziggeo', baseUrl, token, privateKey: 'unused', encryptionKey };
        }),
      ],
      gateway: { now: () => now(), clientTokenEntropy: () => entropy?.() ?? {} },
    });
  });
  after(() => stack.close());

  describe('server-side tokens', () => {
    it('reads a token by value and by global id', async () => {
      const stored = [...tokens().values()].find((t) => t.sessionLimit !== null)!;
      const token = dataOf(await gql().exec(ZiggeoAuthTokenDocument, { account: 'zig', token: stored.token })).ziggeoAuthToken;
      assert.equal(token.token, stored.token);
      assert.equal(token.id, toGlobalId('ZiggeoAuthToken', 'zig', stored.token));
      assert.equal(token.provider, 'ZIGGEO');
      assert.equal(token.sessionLimit, stored.sessionLimit);
      assert.deepEqual(token.grants, stored.grants);
      assert.deepEqual(JSON.parse(token.grantsText!), stored.grants);
      const node = dataOf(await gql().exec(AuthTokenNodeDocument, { id: token.id })).node;
      assert.ok(node && 'token' in node && node.token === stored.token && 'sessionLimit' in node && node.sessionLimit === stored.sessionLimit);
    });

    it('creates, updates and deletes a token', async () => {
      const expiresAt = new Date(Date.now() + 86_400_000);
      const created = dataOf(
        await gql().exec(CreateZiggeoAuthTokenDocument, {
          input: {
            account: 'zig',
            grants: { read: { resources: ['abc'], session_owned: true } },
            expiresAt: expiresAt.toISOString(),
            sessionLimit: 3,
            usageExpirationTime: 60,
            hidden: true,
          },
        }),
      ).createZiggeoAuthToken!.authToken;
      assert.match(created.token, /^[0-9a-f]{32}$/);
      assert.deepEqual(created.grants, { read: { resources: ['abc'], session_owned: true } });
      assert.equal(created.expiresAt, new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString());
      assert.equal(created.sessionLimit, 3);
      assert.equal(created.usageExpirationTime, 60);
      assert.equal(created.hidden, true);
      assert.equal(tokens().get(created.token)?.sessionLimit, 3);

      const updated = dataOf(await gql().exec(UpdateZiggeoAuthTokenDocument, { input: { id: created.id, sessionLimit: null, volatile: true, grants: { read: 'all' } } }))
        .updateZiggeoAuthToken!.authToken;
      assert.equal(updated.sessionLimit, null);
      assert.equal(updated.volatile, true);
      assert.deepEqual(updated.grants, { read: 'all' });
      assert.equal(updated.expiresAt, created.expiresAt, 'absent fields stay');

      assert.equal(dataOf(await gql().exec(DeleteZiggeoAuthTokenDocument, { id: created.id })).deleteZiggeoAuthToken!.deletedId, created.id);
      assert.equal(tokens().has(created.token), false);
      assert.equal(codeOf(await gql().exec(ZiggeoAuthTokenDocument, { account: 'zig', token: created.token })), 'NOT_FOUND');
      assert.equal(codeOf(await gql().exec(DeleteZiggeoAuthTokenDocument, { id: created.id })), 'NOT_FOUND');
    });

    it('refuses bad input before any call, and maps Ziggeo’s errors', async () => {
      stack.emulator.log.clear();
      const id = toGlobalId('ZiggeoAuthToken', 'zig', [...tokens().keys()][0]!);
      const past = new Date(Date.now() - 1000).toISOString();
      const bad = [
        await gql().exec(CreateZiggeoAuthTokenDocument, { input: { account: 'zig', grants: { write: 'all' } } }),
        await gql().exec(CreateZiggeoAuthTokenDocument, { input: { account: 'zig', grants: { read: 5 } } }),
        await gql().exec(CreateZiggeoAuthTokenDocument, { input: { account: 'zig', grants: { read: { resources: 'abc' } } } }),
        await gql().exec(CreateZiggeoAuthTokenDocument, { input: { account: 'zig', grants: { read: { session_owned: 'yes' } } } }),
        await gql().exec(CreateZiggeoAuthTokenDocument, { input: { account: 'zig', expiresAt: past } }),
        await gql().exec(CreateZiggeoAuthTokenDocument, { input: { account: 'zig', sessionLimit: 0 } }),
        await gql().exec(UpdateZiggeoAuthTokenDocument, { input: { id } }),
        await gql().exec(UpdateZiggeoAuthTokenDocument, { input: { id: toGlobalId('ZiggeoVideo', 'zig', 'abc'), hidden: true } }),
        await gql().exec(ZiggeoAuthTokenDocument, { account: 'zig', token: 'a/../b' }),
        await gql().exec(DeleteZiggeoAuthTokenDocument, { id: 'garbage!' }),
      ];
      for (const result of bad) assert.equal(codeOf(result), 'BAD_USER_INPUT', JSON.stringify(result.errors));
      assert.equal(stack.emulator.log.entries.length, 0, 'nothing reached Ziggeo');
      assert.equal(codeOf(await gql().exec(ZiggeoAuthTokenDocument, { account: 'zig', token: 'f'.repeat(32) })), 'NOT_FOUND');
      assert.equal(codeOf(await gql().exec(ZiggeoAuthTokenDocument, { account: 'zig-badkey', token: 'f'.repeat(32) })), 'PROVIDER_AUTH_FAILED');
      assert.equal(codeOf(await gql().exec(ZiggeoAuthTokenDocument, { account: 'panda', token: 'abc' })), 'UNSUPPORTED_BY_PROVIDER');
      assert.equal(codeOf(await gql().exec(AuthTokenNodeDocument, { id: toGlobalId('ZiggeoAuthToken', 'panda', 'abc') })), 'NOT_FOUND');
    });
  });

  describe('client auth tokens', () => {
    it('encrypts the options with the account’s key, no call made', async () => {
      stack.emulator.log.clear();
      const expiresAt = new Date(Date.now() + 3_600_000);
      const made = dataOf(
        await gql().exec(CreateZiggeoClientAuthTokenDocument, {
          input: { account: 'zig', grants: { read: 'all', create: { session_owned: true } }, expiresAt: expiresAt.toISOString(), sessionLimit: 2, usageExpirationTime: 300 },
        }),
      ).createZiggeoClientAuthToken!;
      assert.equal(stack.emulator.log.entries.length, 0);
      assert.equal(made.expiresAt, new Date(Math.floor(expiresAt.getTime() / 1000) * 1000).toISOString());
      const opened = decryptClientAuthToken(made.token, stack.app.encryptionKey!);
      assert.ok(opened);
      assert.deepEqual(opened.options, {
        expiration_date: Math.floor(expiresAt.getTime() / 1000),
        usage_expiration_time: 300,
        session_limit: 2,
        grants: { read: 'all', create: { session_owned: true } },
        application_token: stack.app.token,
        nonce: made.nonce,
      });
      // the same bytes as the vector-tested generator, given this token's IV and nonce
      const again = generateClientAuthToken(stack.app.token, stack.app.encryptionKey!, JSON.parse(opened.plaintext) as Record<string, PyValue>, {
        ivBytes: made.token.slice(0, 16),
        nowSeconds: Number(made.nonce.slice(0, 10)),
        randomInt: BigInt(made.nonce.slice(10)),
      });
      assert.equal(again.token, made.token);
      assert.equal(decryptClientAuthToken(made.token, 'another key'), null);
    });

    for (const [index, v] of vectors.entries()) {
      const input = inputOf(fromPairs(v.options) as Record<string, PyValue>);
      if (!input) continue;
      it(`reproduces vector ${v.sdk_version} ${v.id} byte for byte given its IV and clock`, async () => {
        now = () => v.fixed_time_time * 1000;
        entropy = () => ({ ivBytes: v.fixed_urandom_8_bytes_hex, randomInt: randints[index]! });
        try {
          const account = vectorAccounts.get(`${v.app_token}:${v.encryption_key}`)!;
          const made = dataOf(await gql().exec(CreateZiggeoClientAuthTokenDocument, { input: { account, ...input } })).createZiggeoClientAuthToken!;
          assert.equal(made.token, v.token);
        } finally {
          now = Date.now;
          entropy = undefined;
        }
      });
    }

    it('refuses bad grants, expiry and limits, and accounts without an encryption key', async () => {
      const bad = [
        { account: 'zig', grants: { admin: 'all' } },
        { account: 'zig', grants: { read: ['all'] } },
        { account: 'zig', expiresAt: new Date(Date.now() - 60_000).toISOString() },
        { account: 'zig', usageExpirationTime: 0 },
        { account: 'zig', sessionLimit: -3 },
        { account: 'zig-nokey', grants: { read: 'all' } },
      ];
      for (const input of bad) {
        const result = await gql().exec(CreateZiggeoClientAuthTokenDocument, { input });
        assert.equal(codeOf(result), 'BAD_USER_INPUT', JSON.stringify(input));
      }
      assert.equal(codeOf(await gql().exec(CreateZiggeoClientAuthTokenDocument, { input: { account: 'panda' } })), 'UNSUPPORTED_BY_PROVIDER');
      assert.equal(codeOf(await gql().exec(CreateZiggeoClientAuthTokenDocument, { input: { account: 'nowhere' } })), 'NOT_FOUND');
      const leaked = JSON.stringify(await gql().exec(CreateZiggeoClientAuthTokenDocument, { input: { account: 'zig', grants: { nope: 1 } } }));
      assert.doesNotMatch(leaked, new RegExp(stack.app.encryptionKey!));
    });
  });
});
