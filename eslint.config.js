// Lint enforces DESIGN.md's import rules per folder and forbids import circles; either fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { importCirclesRule } from './eslint/importCircles.js';
import { layeringRule } from './eslint/layering.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'tmp/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'assets/**', '**/*.wgsl', 'engine/backends/wasm/assembly/**'] },
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
  { files: ['**/*.config.{js,ts}', 'eslint/**', 'scripts/**', 'bench/**', 'test/**', 'engine/cli/**', 'app/main/**', '.ci/**'], languageOptions: { globals: { ...globals.node } } },
  { files: ['**/*.config.{js,ts}'], rules: { 'no-restricted-exports': 'off' } },
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  // DESIGN.md: functions past ~50 lines are split (the renderer and app keep to it).
  { files: ['renderer/**/*.{ts,tsx}', 'app/**/*.ts'], rules: { 'max-lines-per-function': ['error', { max: 50 }] } },
  { files: ['engine/worker/**', 'engine/backends/**'], languageOptions: { globals: { ...globals.worker } } },

  // The design map's import rules (docs/DESIGN.md), per folder (eslint/layering.js).
  { plugins: { netloom: { rules: { layering: layeringRule, importCircles: importCirclesRule } } } },
  { files: ['engine/**/*.ts', 'app/**/*.ts', 'renderer/**/*.{ts,tsx}', 'bench/**/*.ts', 'browser/**/*.ts'], rules: { 'netloom/layering': 'error' } },
  // No import circles anywhere, type-only imports included (eslint/importCircles.js).
  { files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'], rules: { 'netloom/importCircles': 'error' } },
);
