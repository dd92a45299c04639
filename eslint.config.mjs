// ESLint 9 flat config: typescript-eslint's type-checked `recommended` set over the whole code base
// (src, emulators, sandbox, test, bench, scripts), tuned to what this code means; `npm run lint`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// node:test's test/describe return promises the runner awaits itself.
const nodeTest = {
  from: 'package',
  package: 'node:test',
  name: ['test', 'it', 'describe', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test/generated/', 'bench/results/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    // One program for the whole tree (tsconfig.json includes every folder): type-aware rules cost ~6 s more.
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a parameter an interface hands us or a field a rest pattern leaves out on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [nodeTest] }],
      // Node's URL and URLSearchParams (from @types/node, not lib.dom) print as their href / query string.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        {
          allow: [
            { from: 'lib', name: ['Error', 'URL', 'URLSearchParams'] },
            { from: 'package', package: 'url', name: ['URL', 'URLSearchParams'] },
          ],
        },
      ],
      // The code writes `xs[i]!` where an index is known to exist, as if `noUncheckedIndexedAccess` were on
      // (tsc with it reports 2 errors in 32k lines); without the flag every such `!` reads as unnecessary.
      // Turn back on together with the flag in tsconfig.json.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // Apollo plugin hooks and datasource methods are async by contract; a throw must become a rejection.
      '@typescript-eslint/require-await': 'off',
      // Control characters are matched on purpose: inputs and headers are refused when they hold them.
      'no-control-regex': 'off',
    },
  },
  {
    // Config files (this one, .dependency-cruiser.cjs, .prettierrc.*) are outside tsconfig.json.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // packages/: vidmesh's own CommonJS packages that stand in for a dependency's (packages/streamsearch).
    files: ['packages/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', Buffer: 'readonly' } },
  },
);
