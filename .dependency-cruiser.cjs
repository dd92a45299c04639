// Layer rules for vidmesh (STYLE.md "Layout": arrows only point down), checked by `npm run lint`.
//
//   front      src/main.ts, src/http, src/security
//   graph      src/graph (common/ = schema building blocks), src/context.ts (the per-request context)
//   providers  src/providers/<p>/ (one folder a provider, index.ts its door)
//   services   src/uploads (streaming a file and upload sessions, over the datasource contract of src/domain)
//   base       src/upstream, src/state, src/events, src/observability, src/domain, src/errors, src/config
//
// emulators/ is a package of its own; sandbox/ is the one place that starts emulators and gateway together.
//
// Type-only imports count: a type import still ties the lower layer to the upper layer's design, and the
// runtime edge usually follows within a commit. The one exception is below (providers may name the type of
// the request context their resolvers receive).

/** Every layer a module may not import from, by the layer it sits in. */
const ABOVE_PROVIDERS = '^src/(main\\.ts|http/|security/|graph/|context\\.ts)';
const ABOVE_BASE = '^src/(main\\.ts|http/|security/|graph/|context\\.ts|uploads/|providers/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycle. With CommonJS and type-graphql decorators a cycle can hand a module an undefined class at load time. ' +
        'Move what both sides need into the lower of the two modules (or a new one beside it), so the arrow points one way.',
      from: { path: '^(src|emulators)/' },
      to: { circular: true },
    },
    {
      name: 'emulators-not-to-src',
      severity: 'error',
      comment:
        'emulators/ is a package of its own, written from the provider specs, so it can prove the gateway wrong. ' +
        'Do not import from src/: write the emulator side from the spec (or move a truly shared pure helper into emulators/common and let src/ keep its own).',
      from: { path: '^emulators/' },
      to: { path: '^src/' },
    },
    {
      name: 'emulators-not-to-sandbox',
      severity: 'error',
      comment:
        'sandbox/ starts emulators and gateway together, so it sits above emulators/. ' +
        'Move what emulators/ needs from sandbox/ into emulators/ (e.g. emulators/start.ts) and let sandbox/ import it.',
      from: { path: '^emulators/' },
      to: { path: '^sandbox/' },
    },
    {
      name: 'src-not-to-emulators-or-sandbox',
      severity: 'error',
      comment:
        'The gateway must run without the emulators. Keep emulator start-up in sandbox/ and have sandbox/ (or a script) call into src/, not the reverse; ' +
        'tests and bench may import both.',
      from: { path: '^src/' },
      to: { path: '^(emulators|sandbox)/' },
    },
    {
      name: 'graph-not-to-front',
      severity: 'error',
      comment:
        'src/graph (and src/context.ts) sit below src/http and src/security. ' +
        'Move the type or helper both need into src/graph/common (or src/domain) and import it from there in src/http.',
      from: { path: '^src/(graph/|context\\.ts)' },
      to: { path: '^src/(main\\.ts|http/|security/)' },
    },
    {
      name: 'graph-common-not-to-graph-domains',
      severity: 'error',
      comment:
        'src/graph/common holds the schema building blocks every domain (and every provider) uses, so it must not import a domain folder. ' +
        'Move the shared type into src/graph/common, or move the helper that needs the domain into that domain folder.',
      from: { path: '^src/graph/common/' },
      to: { path: '^src/graph/', pathNot: '^src/graph/common/' },
    },
    {
      name: 'uploads-not-up',
      severity: 'error',
      comment:
        'src/uploads is a service under the graph and the provider resolvers: it speaks to providers only through the datasource contract (src/domain) and uses the base layers. ' +
        'Move the type it needs down into src/domain, or pass it in as a parameter.',
      from: { path: '^src/uploads/' },
      to: { path: '^src/(main\\.ts|http/|security/|context\\.ts|graph/|providers/)' },
    },
    {
      name: 'providers-not-up',
      severity: 'error',
      comment:
        'Providers sit below the graph: they may use src/graph/common (schema building blocks), src/uploads and the base, never a graph domain folder or the front. ' +
        'Move the interface type or lookup helper the provider needs into src/graph/common, or invert the call (the graph passes a callback / registers a hook).',
      from: { path: '^src/providers/' },
      to: { path: ABOVE_PROVIDERS, pathNot: '^src/(graph/common/|context\\.ts$)' },
    },
    {
      name: 'providers-use-context-type-only',
      severity: 'error',
      comment:
        'Provider resolvers receive the request context, so they may name its type (`import type { RequestContext }`), ' +
        'but a value import of src/context.ts pulls the graph loaders under the provider. Use `import type`, or move the helper into src/graph/common.',
      from: { path: '^src/providers/' },
      to: { path: '^src/context\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'provider-door',
      severity: 'error',
      comment: 'A provider folder is a room with one door: import src/providers/<p>/index.ts, not its internals. ' + "Export what you need from that provider's index.ts.",
      // Tests of pure modules (sign.ts, map.ts) may open the door: test/ mirrors src/.
      from: { path: '^src/', pathNot: '^src/providers/[^/]+/' },
      to: { path: '^src/providers/[^/]+/', pathNot: '^src/providers/[^/]+/index\\.ts$' },
    },
    {
      name: 'provider-door-between-providers',
      severity: 'error',
      comment:
        'One provider uses another only through its door (src/providers/<p>/index.ts). ' +
        "Export the shared piece from that provider's index.ts, or move it into a shared folder such as src/providers/hmac-query.",
      // Telestream Cloud is Panda's successor on the same API family (telestream spec §1): its folder builds on Panda's rooms
      from: { path: '^src/providers/([^/]+)/', pathNot: '^src/providers/telestream/' },
      to: { path: '^src/providers/[^/]+/', pathNot: ['^src/providers/$1/', '^src/providers/[^/]+/index\\.ts$'] },
    },
    {
      name: 'telestream-builds-on-panda-only',
      severity: 'error',
      comment: 'Telestream may open Panda’s rooms (same API family); any other provider only through its door (src/providers/<p>/index.ts).',
      from: { path: '^src/providers/telestream/' },
      to: { path: '^src/providers/[^/]+/', pathNot: ['^src/providers/(telestream|panda)/', '^src/providers/[^/]+/index\\.ts$'] },
    },
    {
      name: 'base-not-up',
      severity: 'error',
      comment:
        'src/upstream, src/state, src/events, src/observability, src/errors and src/config are the base every layer stands on: ' +
        'they must not import providers, the graph, uploads or the front. Move the type down, or have the caller pass a callback.',
      from: { path: '^src/(upstream|state|events|observability|errors|config)/' },
      to: { path: ABOVE_BASE },
    },
    {
      name: 'domain-is-the-floor',
      severity: 'error',
      comment:
        'src/domain is the provider-free model under everything; it may import only src/errors and src/config. ' +
        'Move the code that needs another layer out of src/domain into that layer.',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/(domain|errors|config)/' },
    },
    {
      name: 'not-to-tests-or-tools',
      severity: 'error',
      comment:
        'Shipped code (src/, emulators/, sandbox/) must not depend on test/, bench/ or scripts/. ' +
        'Move the shared helper into the shipped folder that owns it and import it from the test.',
      from: { path: '^(src|emulators|sandbox)/' },
      to: { path: '^(test|bench|scripts)/' },
    },
    {
      name: 'not-to-dev-dependencies',
      severity: 'error',
      comment:
        'npm ci --omit=dev leaves devDependencies out, so shipped code (src/, emulators/, sandbox/) must not load them at run time. ' +
        'Move the package to "dependencies" in package.json, or use `import type` if only its types are needed.',
      from: { path: '^(src|emulators|sandbox)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: 'node_modules/@types/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import does not resolve to a file or a package in package.json. Fix the path or add the package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // Only our own code is checked; packages are leaves.
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|test/generated)/' },
    // See imports tsc erases (import type …): the layer rules count them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      // Types-only packages (@graphql-typed-document-node/core) have no `main`.
      mainFields: ['main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
