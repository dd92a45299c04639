import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ZiggeoDownloadUrlsDocument } from '../generated/graphql';
import { dataOf } from '../support/gateway';
import { startZiggeoGateway, type ZiggeoGatewayStack } from '../integration/ziggeo-gateway';

describe('download links and the Host header', () => {
  let open: ZiggeoGatewayStack;
  let pinned: ZiggeoGatewayStack;
  before(async () => {
    open = await startZiggeoGateway();
    pinned = await startZiggeoGateway({ config: { server: { host: '127.0.0.1', port: 0, publicUrl: 'https://vidmesh.example.com/' } } });
  });
  after(async () => {
    await open.close();
    await pinned.close();
  });

  const linkOf = async (stack: ZiggeoGatewayStack, host: string) => {
    const video = [...stack.emulator.store.app(stack.app.token).videos.values()][0]!;
    return dataOf(await stack.gql.exec(ZiggeoDownloadUrlsDocument, { account: 'zig', tokenOrKey: video.token }, { host, 'x-forwarded-proto': 'https' })).ziggeoVideo!
      .videoDownloadUrl;
  };

  it('with server.publicUrl, links are built on it whatever Host the client sends', async () => {
    assert.match(await linkOf(pinned, 'evil.example'), /^https:\/\/vidmesh\.example\.com\/downloads\/[A-Za-z0-9_.-]+$/);
  });

  it('without it, on the origin the client called (Host, X-Forwarded-Proto), as before', async () => {
    assert.match(await linkOf(open, 'media.example.org:8443'), /^https:\/\/media\.example\.org:8443\/downloads\//);
  });
});
