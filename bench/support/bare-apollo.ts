import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';

/**
 * A bare Apollo Server 5 with its defaults on a plain `node:http` server (the baseline of the
 * throughput and floor suites): headers copied, the body read whole and parsed, the answer written
 * as Apollo gives it. Answers its `/graphql` URL once listening.
 */
export async function bareServer<C extends BaseContext>(schema: GraphQLSchema, context: () => Promise<C>): Promise<string> {
  const apollo = new ApolloServer<C>({ schema });
  await apollo.start();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = req.method === 'POST' ? JSON.parse(text) : undefined;
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: new URL(req.url ?? '/', 'http://bare').search, body },
      context,
    });
    const out: Record<string, string> = {};
    for (const [name, value] of response.headers) out[name] = value;
    res.writeHead(response.status ?? 200, out);
    if (response.body.kind === 'complete') return void res.end(response.body.string);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}
