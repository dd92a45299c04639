import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompleteUploadDocument, CreateUploadTicketDocument, UploadSessionDocument, UploadVideoDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { sendMultipart, startUploadStack, testBytes, type UploadStack } from './support';

const PANDA_KEY = 'panda-only-key-0123456789';
const DM_KEY = 'dailymotion-only-key-0123456789';
const PANDA_KEY_B = 'second-panda-key-0123456789';

/** With API keys, uploads, their sessions and tickets are seen only by keys that see the account. */
describe('uploads under API keys', () => {
  let stack: UploadStack;
  before(async () => {
    stack = await startUploadStack(
      {},
      {
        apiKeys: [
          { name: 'panda-ops', key: PANDA_KEY, accounts: ['panda'] },
          { name: 'dm-ops', key: DM_KEY, accounts: ['dm'] },
          { name: 'panda-team-b', key: PANDA_KEY_B, accounts: ['panda'] },
        ],
      },
    );
  });
  after(() => stack.close());
  const as = (key: string) => ({ authorization: `Bearer ${key}` });

  it('an upload needs a key, and only into an account the key sees', async () => {
    const file = [{ path: 'variables.input.file', name: 'a.mp4', bytes: testBytes(1000) }];
    const anonymous = await sendMultipart(stack.gql.gateway.url, UploadVideoDocument, { input: { account: 'panda', file: null, fileSize: 1000 } }, file);
    assert.equal(anonymous.status, 401);
    const other = await sendMultipart(stack.gql.gateway.url, UploadVideoDocument, { input: { account: 'panda', file: null, fileSize: 1000 } }, file, { headers: as(DM_KEY) });
    assert.equal(other.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });

  it('an upload session is visible to keys that see its account only', async () => {
    const file = [{ path: 'variables.input.file', name: 'a.mp4', bytes: testBytes(2000) }];
    dataOf(
      await sendMultipart(stack.gql.gateway.url, UploadVideoDocument, { input: { account: 'panda', file: null, fileSize: 2000, uploadId: 'keyed-upload-01' } }, file, {
        headers: as(PANDA_KEY),
      }),
    );
    assert.equal(dataOf(await stack.gql.exec(UploadSessionDocument, { id: 'keyed-upload-01' }, as(PANDA_KEY))).uploadSession?.state, 'COMPLETED');
    assert.equal(dataOf(await stack.gql.exec(UploadSessionDocument, { id: 'keyed-upload-01' }, as(DM_KEY))).uploadSession, null);
  });

  it('each key has its own uploadId space: an id another key used is neither refused nor revealed', async () => {
    const upload = async (key: string, size: number) => {
      const file = [{ path: 'variables.input.file', name: 'a.mp4', bytes: testBytes(size) }];
      const variables = { input: { account: 'panda', file: null, fileSize: size, uploadId: 'team-shared-01' } };
      return dataOf(await sendMultipart(stack.gql.gateway.url, UploadVideoDocument, variables, file, { headers: as(key) })).uploadVideo!;
    };
    const first = await upload(PANDA_KEY, 1500);
    const second = await upload(PANDA_KEY_B, 1700);
    assert.notEqual(second.video!.id, first.video!.id, 'the second key uploaded its own video under the same id');
    const seenBy = async (key: string) => dataOf(await stack.gql.exec(UploadSessionDocument, { id: 'team-shared-01' }, as(key))).uploadSession;
    assert.equal((await seenBy(PANDA_KEY))?.bytesTotal, 1500);
    assert.equal((await seenBy(PANDA_KEY_B))?.bytesTotal, 1700);
    const again = await sendMultipart(
      stack.gql.gateway.url,
      UploadVideoDocument,
      { input: { account: 'panda', file: null, fileSize: 10, uploadId: 'team-shared-01' } },
      [{ path: 'variables.input.file', name: 'a.mp4', bytes: testBytes(10) }],
      { headers: as(PANDA_KEY_B) },
    );
    assert.match(again.errors?.[0]?.message ?? '', /already in use/, 'within one key an id is still taken once');
  });

  it('a ticket is completed only by a key that sees its account', async () => {
    const ticket = dataOf(await stack.gql.exec(CreateUploadTicketDocument, { input: { account: 'panda', fileName: 'b.mp4', fileSize: 10 } }, as(PANDA_KEY))).createUploadTicket!;
    const foreign = await stack.gql.exec(CompleteUploadDocument, { input: { ticket: ticket.id } }, as(DM_KEY));
    assert.equal(foreign.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    const own = await stack.gql.exec(CompleteUploadDocument, { input: { ticket: ticket.id } }, as(PANDA_KEY));
    assert.equal(own.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', 'nothing uploaded yet, but the ticket exists for this key');
  });
});
