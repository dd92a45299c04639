import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { UploadVideoDocument } from '../generated/graphql';
import { sendMultipart, testBytes } from '../uploads/support';
import { newKey, startPandaFarm, type PandaFarm } from './support';
import type { TestGateway } from '../support/gateway';

type Answer = { first?: { video: { id: string } } | null; second?: { video: { id: string } } | null; uploadVideo?: { video: { id: string } } | null };
const TWO_UPLOADS = parse(`mutation ($a: UploadVideoInput!, $b: UploadVideoInput!) {
  first: uploadVideo(input: $a) { video { id } }
  second: uploadVideo(input: $b) { video { id } }
}`) as TypedDocumentNode<Answer, Record<string, unknown>>;

describe('mutations with files: nothing applied is hidden, no library internals', () => {
  let farm: PandaFarm;
  let gql: TestGateway;
  // sessions opened at the emulator: one per upload the provider was asked for
  const sessions = () => farm.emulator.log.entries.filter((e) => e.method === 'POST' && e.path.endsWith('/videos/upload.json')).length;
  before(async () => {
    farm = await startPandaFarm();
    gql = await farm.gateway();
  });
  after(() => farm.close());

  it('one file mapped to two uploadVideo fields: the first answers its video, the second BAD_USER_INPUT', async () => {
    const bytes = testBytes(64 * 1024, 21);
    const before = sessions();
    const result = await sendMultipart(
      gql.gateway.url,
      TWO_UPLOADS,
      { a: { account: 'alpha', file: null, fileSize: bytes.length }, b: { account: 'alpha', file: null, fileSize: bytes.length } },
      [{ path: 'variables.a.file', alsoAt: ['variables.b.file'], name: 'once.mp4', bytes }],
    );
    assert.ok(result.data?.first?.video.id, `the applied upload is in data: ${JSON.stringify(result)}`);
    assert.equal(result.data?.second, null);
    assert.equal(result.errors?.length, 1);
    assert.equal(result.errors![0]!.extensions?.code, 'BAD_USER_INPUT');
    assert.deepEqual(result.errors![0]!.path, ['second']);
    assert.match(result.errors![0]!.message, /already sent to another field/);
    assert.equal(sessions() - before, 1, 'one upload reached the provider');
  });

  it('a file mapped onto a String input field is BAD_USER_INPUT naming it, without the reader’s object', async () => {
    const bytes = testBytes(1024, 22);
    const result = await sendMultipart(gql.gateway.url, UploadVideoDocument, { input: { account: 'alpha', file: null, title: null } } as never, [
      { path: 'variables.input.file', alsoAt: ['variables.input.title'], name: 'clip.mp4', bytes },
    ]);
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(result));
    assert.equal(result.errors![0]!.message, 'a file is mapped to $input.title, which takes String: map files only to variables (or input fields) of type Upload');
    assert.equal(result.data, undefined);
    assert.doesNotMatch(JSON.stringify(result), /function|promise|resolve|reject|createReadStream/i);
  });

  it('a file mapped onto a String variable: the same', async () => {
    const doc = parse(
      'mutation ($title: String) { createVideo(input: { account: "alpha", sourceUrl: "https://media.example.com/x.mp4", payload: $title }) { video { id } } }',
    ) as TypedDocumentNode<unknown, Record<string, unknown>>;
    const before = farm.creations();
    const result = await sendMultipart(gql.gateway.url, doc, { title: null }, [{ path: 'variables.title', name: 'clip.mp4', bytes: testBytes(100, 23) }]);
    assert.equal(result.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(result));
    assert.match(result.errors![0]!.message, /^a file is mapped to \$title, which takes String/);
    assert.equal(farm.creations(), before);
  });

  it('uploadVideo with an Idempotency-Key: the repeat answers the first video, one upload', async () => {
    const bytes = testBytes(256 * 1024, 24);
    const key = newKey();
    const before = sessions();
    const send = () =>
      sendMultipart(
        gql.gateway.url,
        UploadVideoDocument,
        { input: { account: 'alpha', file: null, fileSize: bytes.length } },
        [{ path: 'variables.input.file', name: 'same.mp4', bytes }],
        {
          headers: { 'idempotency-key': key },
        },
      );
    const first = await send();
    const again = await send();
    assert.ok(first.data?.uploadVideo?.video.id, JSON.stringify(first));
    assert.deepEqual(again.data, first.data);
    assert.equal(sessions() - before, 1);
  });
});
