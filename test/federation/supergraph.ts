import { parse } from 'graphql';
import { request } from 'undici';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import type { AccountConfig } from '../../src/config';
import { demoDailymotionAccounts } from '../../emulators/dailymotion';
import { demoTelestreamAccounts } from '../../emulators/telestream';
import { demoZiggeoAccounts } from '../../emulators/ziggeo';
import { FourProviders } from '../support/four-providers';
import { startTestGateway, type GraphQLResult, type TestGateway } from '../support/gateway';
import { pandaAccountConfig, PANDA_TEST_ACCOUNTS } from '../support/panda-stack';

/** API keys of the vidmesh subgraph: the router's own (every account) and a partner's (Panda and Dailymotion only). */
export const ROUTER_KEY = 'router-key-0123456789abcdef';
export const PARTNER_KEY = 'partner-key-0123456789abcdef';
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/**
 * The sample "catalog" subgraph: it knows which videos are featured (by vidmesh id) and adds
 * `featuredRank` to every Video through `@interfaceObject`; it also lists featured accounts.
 */
const CATALOG_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@interfaceObject"])

  type Query {
    "Videos the editors picked, best first; null where the caller's vidmesh key cannot see the video."
    featuredVideos: [Video]!
    "Accounts the editors picked."
    featuredAccounts: [Account!]!
  }

  type Video @key(fields: "id") @interfaceObject {
    id: ID!
    "1 for the best pick."
    featuredRank: Int
  }

  type Account @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

export interface Catalog {
  featured: string[];
  accounts: string[];
}

async function startCatalog(catalog: Catalog): Promise<{ url: string; stop: () => Promise<void> }> {
  const rank = (id: string) => {
    const at = catalog.featured.indexOf(id);
    return at < 0 ? null : at + 1;
  };
  const schema = buildSubgraphSchema({
    typeDefs: parse(CATALOG_SDL),
    resolvers: {
      Query: {
        featuredVideos: () => catalog.featured.map((id) => ({ id })),
        featuredAccounts: () => catalog.accounts.map((id) => ({ id })),
      },
      Video: {
        __resolveReference: (reference: { id: string }) => ({ id: reference.id, featuredRank: rank(reference.id) }),
        featuredRank: (video: { id: string }) => rank(video.id),
      },
    } as never,
  });
  const server = new ApolloServer({ schema });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
}

/** One request the router sent to vidmesh, and how many representations it carried. */
export interface SubgraphCall {
  readonly query: string;
  readonly representations: number;
}

/**
 * The four emulators, vidmesh over them with `server.federation: true` and two API keys, the
 * catalog subgraph, the supergraph composed from both `_service { sdl }` with `composeServices`,
 * and `@apollo/gateway` serving it on loopback, forwarding the client's `Authorization` to vidmesh.
 */
export class Supergraph {
  private constructor(
    readonly providers: FourProviders,
    readonly vidmesh: TestGateway,
    readonly catalog: Catalog,
    readonly vidmeshSdl: string,
    readonly supergraphSdl: string,
    readonly routerUrl: string,
    /** Requests the router sent to vidmesh since the last `calls.length = 0`. */
    readonly calls: SubgraphCall[],
    private readonly stops: (() => Promise<void>)[],
  ) {}

  static async start(perAccount: number): Promise<Supergraph> {
    const providers = await FourProviders.start();
    providers.seed(perAccount);
    const stops: (() => Promise<void>)[] = [];
    try {
      const vidmesh = await startTestGateway(accountsOf(providers), {
        server: { host: '127.0.0.1', port: 0, federation: true },
        apiKeys: [
          { name: 'router', key: ROUTER_KEY, accounts: ['pa', 'ts', 'dm', 'zg'] },
          { name: 'partner', key: PARTNER_KEY, accounts: ['pa', 'dm'] },
        ],
      });
      stops.push(() => vidmesh.close());
      const catalog: Catalog = { featured: [], accounts: [] };
      const catalogServer = await startCatalog(catalog);
      stops.push(catalogServer.stop);
      const vidmeshSdl = await serviceSdl(vidmesh.gateway.url, bearer(ROUTER_KEY));
      const catalogSdl = await serviceSdl(catalogServer.url, {});
      const composed = composeServices([
        { name: 'vidmesh', url: vidmesh.gateway.url, typeDefs: parse(vidmeshSdl) },
        { name: 'catalog', url: catalogServer.url, typeDefs: parse(catalogSdl) },
      ]);
      if (composed.errors) throw new Error(`composition failed:\n${composed.errors.map((e) => e.message).join('\n')}`);
      const calls: SubgraphCall[] = [];
      const gateway = new ApolloGateway({
        supergraphSdl: composed.supergraphSdl,
        // the query plan in a response's extensions when asked (`Apollo-Query-Plan-Experimental: true`)
        __exposeQueryPlanExperimental: true,
        buildService: ({ name, url }) =>
          new RemoteGraphQLDataSource<{ authorization?: string }>({
            url,
            willSendRequest({ request: outgoing, context }) {
              // how a router authenticates to vidmesh: the client's own key, forwarded
              if (typeof context.authorization === 'string') outgoing.http?.headers.set('authorization', context.authorization);
              if (name === 'vidmesh') {
                const representations = (outgoing.variables?.representations as unknown[] | undefined)?.length ?? 0;
                calls.push({ query: outgoing.query ?? '', representations });
              }
            },
          }),
      } as ConstructorParameters<typeof ApolloGateway>[0]);
      const router = new ApolloServer({ gateway });
      const { url: routerUrl } = await startStandaloneServer(router, {
        listen: { host: '127.0.0.1', port: 0 },
        context: async ({ req }) => ({ authorization: req.headers.authorization }),
      });
      stops.push(() => router.stop());
      return new Supergraph(providers, vidmesh, catalog, vidmeshSdl, composed.supergraphSdl, routerUrl, calls, stops);
    } catch (error) {
      for (const stop of stops.reverse()) await stop();
      await providers.close();
      throw error;
    }
  }

  /** An operation through the router, as a client of the supergraph sends it. */
  async query(query: string, headers: Record<string, string> = bearer(ROUTER_KEY)): Promise<GraphQLResult<Record<string, unknown>> & { extensions?: Record<string, unknown> }> {
    return post(this.routerUrl, { query }, headers);
  }

  /** An operation sent straight to vidmesh's subgraph endpoint (what a router sends, by hand). */
  async subgraph(query: string, variables: Record<string, unknown> = {}, key = ROUTER_KEY): Promise<GraphQLResult<Record<string, unknown>>> {
    return post(this.vidmesh.gateway.url, { query, variables }, bearer(key));
  }

  async close(): Promise<void> {
    for (const stop of this.stops.reverse()) await stop();
    await this.providers.close();
  }
}

export const keyHeaders = bearer;

/** The accounts FourProviders configures, rebuilt from its emulators (its own config is not exposed). */
function accountsOf(p: FourProviders): AccountConfig[] {
  const factory = demoTelestreamAccounts()[0]!;
  const user = demoDailymotionAccounts()[0]!;
  const app = demoZiggeoAccounts()[0]!;
  return [
    pandaAccountConfig(PANDA_TEST_ACCOUNTS[0]!, p.panda.baseUrl, 'pa'),
    { id: 'ts', provider: 'telestream', baseUrl: p.telestream.baseUrl, factoryId: factory.factoryId, accessKey: factory.accessKey, secretKey: factory.secretKey },
    { id: 'dm', provider: 'dailymotion', baseUrl: p.dailymotion.baseUrl, cdnUrl: p.dailymotion.baseUrl, userId: user.userId, apiKey: user.apiKey },
    { id: 'zg', provider: 'ziggeo', baseUrl: p.ziggeo.baseUrl, token: app.token, privateKey: app.privateKey, encryptionKey: app.encryptionKey },
  ];
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<GraphQLResult<Record<string, unknown>> & { extensions?: Record<string, unknown> }> {
  const response = await request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await response.body.text();
  return { status: response.statusCode, ...(JSON.parse(text) as object) };
}

/** What a subgraph announces to composition tools. */
export async function serviceSdl(url: string, headers: Record<string, string>): Promise<string> {
  const result = await post(url, { query: '{ _service { sdl } }' }, headers);
  const sdl = (result.data?._service as { sdl?: string } | undefined)?.sdl;
  if (typeof sdl !== 'string') throw new Error(`no _service.sdl from ${url}: ${JSON.stringify(result.errors)}`);
  return sdl;
}
