import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { Pool } from 'undici';
import { answerCpuUsage } from './cpu-usage';
import { bareServer } from './bare-apollo';
import { FLOOR_PAGE, floorCall } from './floor-call';

const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

/**
 * One process of the floor suite (bench/floor.ts). argv[2]:
 * - `upstream`: answers FLOOR_PAGE after argv[3] ms, as the emulators do;
 * - `proxy`: a bare `node:http` server that answers each POST with one call to the upstream at argv[3]
 *   (undici), its JSON parsed and a GraphQL-shaped answer written: the least any gateway process does;
 * - `apollo`: a bare Apollo Server 5 with its defaults whose one resolver makes that same call.
 * Sends `{ url }` when listening; answers `usage` with its CPU (ms) since the last one.
 */
async function main(): Promise<void> {
  const [mode, arg] = process.argv.slice(2);
  let url: string;
  if (mode === 'upstream') {
    const latencyMs = Number(arg);
    url = await listen(
      createServer((req, res) => {
        req.resume();
        req.once('end', () =>
          setTimeout(() => {
            res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(FLOOR_PAGE) });
            res.end(FLOOR_PAGE);
          }, latencyMs),
        );
      }),
    );
  } else {
    const upstream = new Pool(arg!, { connections: 16 });
    if (mode === 'proxy') {
      url = await listen(
        createServer((req, res) => {
          req.resume();
          req.once('end', () => {
            floorCall(upstream).then(
              (page) => {
                const out = JSON.stringify({ data: { videos: page.videos.map((v) => ({ id: v.id, status: v.status })) } });
                res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
                res.end(out);
              },
              () => res.destroy(),
            );
          });
        }),
      );
    } else if (mode === 'apollo') {
      const schema = buildSchema('type Video { id: ID! status: String } type Query { videos: [Video!]! }');
      schema.getQueryType()!.getFields().videos!.resolve = async () => (await floorCall(upstream)).videos;
      url = await bareServer(schema, async () => ({}));
    } else {
      throw new Error(`unknown floor process ${mode}`);
    }
  }
  answerCpuUsage();
  process.send!({ url });
  process.once('disconnect', () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error(`floor host: ${(error as Error).stack ?? String(error)}`);
  process.exit(1);
});
