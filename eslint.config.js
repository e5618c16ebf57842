// Lint enforces DESIGN.md's import rules per folder; a forbidden import fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const noNode = { paths: nodeBuiltins.map((name) => ({ name, message: 'This folder must not use Node (see DESIGN.md).' })) };

function restrict(group, message) {
  return { group, message };
}
const notRenderer = restrict(['**/renderer/**', 'react', 'react-dom', '@xyflow/*', 'monaco-editor', '@monaco-editor/*', 'uplot'], 'engine/* never imports the renderer or UI libraries (DESIGN.md).');
const notApp = restrict(['**/app/**', 'electron'], 'Only app/ may import electron or app/ code (DESIGN.md).');

function rule(files, patterns, extra = {}) {
  return { files, rules: { 'no-restricted-imports': ['error', { ...extra, patterns }] } };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'assets/**', '**/*.wgsl'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
    },
  },
  { files: ['**/*.config.{js,ts}', 'scripts/**', 'bench/**', 'test/**', 'engine/cli/**', 'app/main/**', '.ci/**'], languageOptions: { globals: { ...globals.node } } },
  { files: ['**/*.config.{js,ts}'], rules: { 'no-restricted-exports': 'off' } },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['engine/worker/**', 'engine/backends/**'], languageOptions: { globals: { ...globals.worker } } },

  // engine/* never imports renderer or app; the pure folders use no Node either.
  rule(['engine/**/*.ts'], [notRenderer, notApp]),
  rule(['engine/graph/**/*.ts'], [notRenderer, notApp, restrict(['../../**', '!../../graph/**'], 'engine/graph imports no other engine folder (DESIGN.md).')], noNode),
  rule(['engine/ir/**/*.ts'], [notRenderer, notApp, restrict(['../../**', '!../../ir/**'], 'engine/ir imports no other engine folder (DESIGN.md).')], noNode),
  rule(['engine/protocol/**/*.ts'], [notRenderer, notApp, restrict(['../**', '!./**'], 'engine/protocol imports nothing (DESIGN.md).'), restrict(['*', '!./**'], 'engine/protocol imports nothing (DESIGN.md).')], noNode),
  rule(['engine/compile/**/*.ts', 'engine/backends/**/*.ts', 'engine/train/**/*.ts', 'engine/data/**/*.ts', 'engine/export/**/*.ts', 'engine/worker/**/*.ts', 'engine/index.ts'], [notRenderer, notApp], noNode),

  // app/: contract imports nothing; preload -> contract; main -> contract, engine/graph.
  rule(['app/contract/**/*.ts'], [notRenderer, restrict(['../**', '!./**', '*', '!./**'], 'app/contract imports nothing (DESIGN.md).')]),
  rule(['app/preload/**/*.ts'], [notRenderer, restrict(['../../**', '!../../app/contract/**', '../*', '!../contract/**'], 'app/preload imports only app/contract (DESIGN.md).')]),
  rule(['app/main/**/*.ts'], [notRenderer, restrict(['../../engine/*', '!../../engine/graph', '../../engine/!(graph)/**', '../preload/**'], 'app/main imports only app/contract and engine/graph (DESIGN.md).')]),

  // renderer -> engine/graph, engine/protocol only; never app/ or Node.
  rule(['renderer/**/*.{ts,tsx}'], [notApp, restrict(['**/engine/!(graph|protocol)/**', '**/engine/!(graph|protocol)', '**/engine/index*'], 'The renderer imports only engine/graph and engine/protocol (DESIGN.md).')], noNode),
);
