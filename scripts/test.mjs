// `npm test`: lint, typecheck, unit tests, then the Playwright tests against the web build.
// Every stage runs even when an earlier one fails; the last line is `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSystemPackages } from './systemPackages.mjs';

const bin = (name) => join('node_modules', '.bin', name);
mkdirSync('test-results', { recursive: true });

function run(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  console.log(`=== ${label}: ${result.status === 0 ? 'ok' : `failed (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
function count(ok) {
  if (ok) totals.passed++;
  else totals.failed++;
}

console.log('\n=== system packages ===');
ensureSystemPackages();
count(run('build data (MNIST binary)', process.execPath, ['scripts/buildData.mjs']));
count(run('lint', bin('eslint'), ['.', '--max-warnings', '0']));
count(run('typecheck', process.execPath, ['scripts/typecheck.mjs']));

const unitOk = run('unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
const unit = readJson('test-results/unit.json');
if (unit === null) count(false);
else {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests + (unitOk || unit.numFailedTests > 0 ? 0 : 1);
  totals.skipped += unit.numPendingTests + unit.numTodoTests;
}

if (existsSync('playwright.config.ts')) {
  const e2eOk = run('end-to-end tests (Chromium, web build)', bin('playwright'), ['test']);
  const e2e = readJson('test-results/e2e.json');
  if (e2e === null) count(false);
  else {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected + (e2eOk || e2e.stats.unexpected > 0 ? 0 : 1);
    totals.skipped += e2e.stats.skipped;
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed === 0 ? 0 : 1);
