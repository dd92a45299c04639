/**
 * Imported first by every entry point that serves (src/main.ts, sandbox/main.ts, the bench): the
 * process runs with NODE_ENV=production unless NODE_ENV is set. graphql-js reads it once, when it is
 * loaded, and in any other mode runs a development check inside every `instanceof` of its type
 * system (looking for a second copy of graphql): measured with `npm run bench`, 33 % of the server's
 * CPU per request under 20 aliases and ~13 % of a tiny query's. Nothing in vidmesh depends on the
 * mode (Apollo's introspection, stack traces, landing page and signal handling are all set
 * explicitly in src/http/apollo.ts); the test suite runs in development mode, so a duplicated graphql
 * is still caught there. Set NODE_ENV=development to get graphql's checks in a running gateway.
 */
process.env.NODE_ENV ??= 'production';
