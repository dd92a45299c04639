import { z } from 'zod';
import { ACCOUNT_ID } from '../domain/ids';
import { secretProblem, TOKEN_KEY_ID } from '../tokens/keys';

/** The config file of DESIGN §4. Secrets are plain strings here; they never leave the datasources. */
const accountId = z.string().regex(ACCOUNT_ID, 'letters, digits, "-" and "_" only, at most 64');
const httpUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });
const nonEmpty = z.string().min(1, 'must not be empty');
/** Query limits (src/security): checked before any resolver runs; see README "Security" for the defaults. */
const queryLimits = z
  .strictObject({
    maxDepth: z.int().min(1).max(100).default(20),
    maxComplexity: z.int().min(1).default(100_000),
    maxAliases: z.int().min(0).default(30),
    maxRootFields: z.int().min(1).default(20),
    maxBatchedOperations: z.int().min(1).max(100).default(10),
    /** Weight of a list field without `first`/`last` (its size is not known beforehand). */
    listWeight: z.int().min(1).default(10),
    /** Longest string argument, in variables or literals. */
    maxStringLength: z.int().min(256).default(16_384),
    /**
     * Cost budget of one API key: complexity points refilled per second (a token bucket; shared by the
     * replicas through `state.redis`); 0 turns it off. Not applied on an open gateway (no `apiKeys`).
     */
    costPerSecond: z.int().min(0).default(200_000),
    /** Points a key may spend at once; absent: the larger of 2 × `costPerSecond` and `maxComplexity`. */
    costBurst: z.int().min(1).optional(),
  })
  .prefault({})
  .superRefine((limits, ctx) => {
    // a query the limits accept must fit an empty bucket, or it could never run
    if (limits.costBurst !== undefined && limits.costBurst < limits.maxComplexity) {
      ctx.addIssue({ code: 'custom', path: ['costBurst'], message: `at least maxComplexity (${limits.maxComplexity})` });
    }
  });
/** What one API key may hold at once (README "Security"): its share, below the gateway's own bounds; not applied on an open gateway. */
const perKeyLimits = z
  .strictObject({
    /** GraphQL requests (not uploads) in flight. */
    maxConcurrentRequests: z.int().min(1).max(100_000).default(100),
    /** Uploads through the gateway in flight (the gateway holds at most 1000). */
    maxUploads: z.int().min(1).max(1_000).default(100),
    /** Direct-upload tickets open, neither completed nor expired (the gateway holds at most 10000). */
    maxOpenTickets: z.int().min(1).max(10_000).default(1_000),
  })
  .prefault({});
/** The secret part of the notification URL providers post to (`/notifications/<account>/<secret>`); derived when absent (src/events/receiver-secrets.ts). */
const notifications = {
  notificationSecret: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,128}$/, '16 to 128 letters, digits, "-" or "_"')
    .optional(),
};
/** Live subscriptions (README "Live progress"): limits per connection and per API key, keep-alive, queues, polling. */
const subscriptionLimits = z
  .strictObject({
    /** Subscriptions one WebSocket may hold at once (an SSE connection holds one). */
    maxPerConnection: z.int().min(1).max(10_000).default(100),
    /** Subscriptions one API key may hold at once over all its connections (no limit on an open gateway). */
    maxPerKey: z.int().min(1).max(1_000_000).default(1_000),
    /** WebSocket ping / SSE comment interval, so proxies keep idle connections open. */
    keepAliveMs: z.int().min(1_000).max(600_000).default(12_000),
    /** Events waiting per subscriber: progress of one encoding is coalesced; past this the subscriber is disconnected. */
    queueSize: z.int().min(2).max(100_000).default(100),
    /** Polling of accounts without notifications: this often while something processes, backing off to `pollMaxMs` when idle. */
    pollMinMs: z.int().min(10).max(600_000).default(2_000),
    pollMaxMs: z.int().min(10).max(3_600_000).default(60_000),
  })
  .prefault({});
const timeouts = {
  /** Per-call timeouts in milliseconds (connect, response headers, body idle). */
  timeoutMs: z.int().min(100).max(600_000).optional(),
};

export const pandaAccountSchema = z.strictObject({
  id: accountId,
  provider: z.literal('panda'),
  baseUrl: httpUrl.optional(),
  cloudId: nonEmpty,
  accessKey: nonEmpty,
  secretKey: nonEmpty,
  ...notifications,
  ...timeouts,
});

export const telestreamAccountSchema = z.strictObject({
  id: accountId,
  provider: z.literal('telestream'),
  baseUrl: httpUrl.optional(),
  factoryId: nonEmpty,
  accessKey: nonEmpty,
  secretKey: nonEmpty,
  ...notifications,
  ...timeouts,
});

export const dailymotionAccountSchema = z.strictObject({
  id: accountId,
  provider: z.literal('dailymotion'),
  baseUrl: httpUrl.optional(),
  cdnUrl: httpUrl.optional(),
  userId: nonEmpty,
  apiKey: nonEmpty,
  ...timeouts,
});

export const ziggeoAccountSchema = z.strictObject({
  id: accountId,
  provider: z.literal('ziggeo'),
  baseUrl: httpUrl.optional(),
  token: nonEmpty,
  privateKey: nonEmpty,
  encryptionKey: nonEmpty.optional(),
  ...notifications,
  ...timeouts,
});

const ms = (max: number) => z.int().min(0).max(max);

/** How upstream calls are made, for every account (README "Operations"); all optional with defaults. */
export const upstreamSchema = z.strictObject({
  /** Defaults for accounts without their own `timeoutMs`. */
  timeouts: z
    .strictObject({ connectMs: ms(600_000).min(100).default(5_000), headersMs: ms(600_000).min(100).default(30_000), bodyMs: ms(600_000).min(100).default(30_000) })
    .prefault({}),
  /** Retries of idempotent calls only: exponential backoff with full jitter, Retry-After honoured up to `maxRetryAfterMs`. */
  retry: z
    .strictObject({
      maxAttempts: z.int().min(1).max(10).default(3),
      baseDelayMs: ms(60_000).default(100),
      maxDelayMs: ms(60_000).default(2_000),
      budgetMs: ms(600_000).default(10_000),
      maxRetryAfterMs: ms(600_000).default(2_000),
    })
    .prefault({}),
  /** One circuit breaker per account. */
  breaker: z.strictObject({ failureThreshold: z.int().min(1).max(1000).default(5), openMs: ms(3_600_000).min(1).default(10_000) }).prefault({}),
});

/** Shared state (DESIGN §4 `state`): absent or without `redis`, everything stays in this process's memory. */
export const stateSchema = z.strictObject({
  redis: z
    .strictObject({
      /** `redis://[user:password@]host:port[/db]`, or `rediss://` for TLS; `${ENV}` keeps the password out of the file. */
      url: z.url({ protocol: /^rediss?$/, error: (issue) => (issue.input === undefined ? 'required' : 'a redis:// or rediss:// URL') }),
      /** Before every key and channel, so deployments can share one server. */
      keyPrefix: z
        .string()
        .regex(/^[A-Za-z0-9:._-]{0,64}$/, 'at most 64 letters, digits, ":", ".", "-" or "_"')
        .default('vidmesh:'),
      /** No Redis command waits longer; past it the operation answers STATE_UNAVAILABLE. */
      commandTimeoutMs: z.int().min(10).max(60_000).default(1_000),
    })
    .optional(),
});

/** Keys of sealed tokens (download links, upload tickets): the first seals, all open, so keys rotate. */
export const tokensSchema = z.strictObject({
  keys: z
    .array(
      z.strictObject({
        id: z.string().regex(TOKEN_KEY_ID, '1 to 32 letters, digits, "-" or "_"'),
        secret: z.string().superRefine((secret, ctx) => {
          const problem = secretProblem(secret);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      }),
    )
    .min(1, 'at least one key'),
});

/** Origins that may call from a browser on any port (`:*` matches any port or none): the default `server.cors`. */
export const LOOPBACK_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*', 'http://[::1]:*'] as const;
/** An exact origin (`scheme://host[:port]`, no path), one with `*` for a host label run or the port, `*` alone, or a `/regex/flags`. */
const ORIGIN_FORM = /^(\*|[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+)$/i;
const REGEX_FORM = /^\/(.+)\/([imsu]*)$/;
function isOriginPattern(entry: string): boolean {
  const regex = REGEX_FORM.exec(entry);
  if (regex === null) return ORIGIN_FORM.test(entry);
  try {
    new RegExp(regex[1]!, regex[2]);
    return true;
  } catch {
    return false;
  }
}
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'a header name');
/** Browser apps on other origins (README "Browser apps / CORS"); `false` sends no CORS headers at all; absent: DEFAULT_CORS. */
export const corsSchema = z
  .union(
    [
      z.literal(false),
      z
        .strictObject({
          origins: z
            .array(z.string().refine(isOriginPattern, 'an origin without path (https://app.example.com), a pattern (https://*.example.com, http://localhost:*), "*", or a /regex/'))
            .min(1, 'at least one origin (or server.cors: false)'),
          /** Lets the browser send cookies/HTTP auth along; never with "*". */
          credentials: z.boolean().default(false),
          /** Seconds a browser may cache a preflight answer. */
          maxAge: z.int().min(0).max(86_400).default(600),
          /** Response headers scripts may read, besides the gateway's own list. */
          exposedHeaders: z.array(headerName).optional(),
          /** Request headers allowed cross-origin (the gateway's own are always added); absent: whatever the preflight asks for. */
          allowedHeaders: z.array(headerName).optional(),
        })
        .superRefine((cors, ctx) => {
          if (cors.credentials && cors.origins.includes('*')) {
            ctx.addIssue({ code: 'custom', path: ['origins'], message: '"*" cannot be combined with credentials: list the origins' });
          }
        }),
    ],
    { error: 'false, or { "origins": [...], "credentials", "maxAge", "exposedHeaders", "allowedHeaders" }' },
  )
  .optional();
/** What an absent `server.cors` means: loopback origins only. */
export const DEFAULT_CORS = corsSchema.parse({ origins: [...LOOPBACK_ORIGINS] })!;

export const accountSchema = z.discriminatedUnion('provider', [pandaAccountSchema, telestreamAccountSchema, dailymotionAccountSchema, ziggeoAccountSchema]);

export const configSchema = z
  .strictObject({
    server: z
      .strictObject({
        port: z.int().min(0).max(65535).default(4000),
        host: z.string().default('0.0.0.0'),
        introspection: z.boolean().default(true),
        maxUploadBytes: z
          .int()
          .positive()
          .default(10 * 1024 ** 3),
        maxFilesPerRequest: z.int().positive().default(1),
        /** On SIGTERM/close: how long in-flight requests (uploads too) may take before they are cut. */
        shutdownTimeoutMs: z.int().min(0).max(3_600_000).default(10_000),
        /**
         * On SIGTERM: how long /readyz answers 503 `draining`, requests still served, before the
         * gateway stops accepting — the time a balancer needs to notice (README "Running several replicas").
         */
        drainDelayMs: z.int().min(0).max(600_000).default(5_000),
        /**
         * Receiving a request that is not an upload (headers and body) may take this long; past it: 408.
         * Node's own `requestTimeout` is off, since it would cut long uploads too (those have `uploadIdleTimeoutMs`).
         */
        requestTimeoutMs: z.int().min(100).max(3_600_000).default(30_000),
        /** Receiving a request's headers may take this long (Node's `headersTimeout`). */
        headersTimeoutMs: z.int().min(100).max(600_000).default(60_000),
        /** An upload's body that sends nothing for this long while the gateway waits for it is cut (408, BAD_USER_INPUT). */
        uploadIdleTimeoutMs: z.int().min(50).max(3_600_000).default(30_000),
        /** …and one slower than this on average over any `uploadIdleTimeoutMs` of waiting; 0: no minimum. */
        uploadMinBytesPerSecond: z
          .int()
          .min(0)
          .max(1024 ** 3)
          .default(1024),
        /** A read's accounts that have not answered this long after it started are left out with PROVIDER_UNAVAILABLE. */
        readDeadlineMs: z.int().min(10).max(600_000).default(10_000),
        limits: queryLimits,
        perKey: perKeyLimits,
        subscriptions: subscriptionLimits,
        /** Serve the Apollo Federation 2 subgraph schema (README "In a supergraph") instead of the standalone one; off when absent. */
        federation: z.boolean().optional(),
        cors: corsSchema,
        /** Where providers reach this gateway (its notification receiver), e.g. https://vidmesh.example.com; absent: the listening address. */
        publicUrl: httpUrl.optional(),
      })
      .prefault({}),
    apiKeys: z.array(z.strictObject({ name: nonEmpty, key: z.string().min(16, 'at least 16 characters'), accounts: z.array(accountId) })).optional(),
    accounts: z.array(accountSchema).min(1, 'at least one account'),
    upstream: upstreamSchema.prefault({}),
    state: stateSchema.prefault({}),
    tokens: tokensSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.accounts.forEach((account, index) => {
      if (seen.has(account.id)) ctx.addIssue({ code: 'custom', path: ['accounts', index, 'id'], message: `duplicate account id "${account.id}"` });
      seen.add(account.id);
    });
    config.tokens?.keys.forEach((key, k) => {
      if (config.tokens!.keys.findIndex((other) => other.id === key.id) < k)
        ctx.addIssue({ code: 'custom', path: ['tokens', 'keys', k, 'id'], message: `duplicate key id "${key.id}"` });
    });
    // replicas must open each other's links and tickets: a per-process key would break them
    if (config.state.redis && !config.tokens) ctx.addIssue({ code: 'custom', path: ['tokens', 'keys'], message: 'required when state.redis is set' });
    config.apiKeys?.forEach((key, k) =>
      key.accounts.forEach((id, a) => {
        if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['apiKeys', k, 'accounts', a], message: `unknown account "${id}"` });
      }),
    );
  });

export type VidmeshConfig = z.infer<typeof configSchema>;
export type AccountConfig = z.infer<typeof accountSchema>;
export type PandaAccountConfig = z.infer<typeof pandaAccountSchema>;
export type ProviderName = AccountConfig['provider'];
export type QueryLimits = z.infer<typeof queryLimits>;
export type SubscriptionLimits = z.infer<typeof subscriptionLimits>;
export type PerKeyLimits = z.infer<typeof perKeyLimits>;
export type UpstreamConfig = z.infer<typeof upstreamSchema>;
export type StateConfig = z.infer<typeof stateSchema>;
export type TokensConfig = z.infer<typeof tokensSchema>;
export type CorsConfig = z.infer<typeof corsSchema>;
