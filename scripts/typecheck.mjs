// Typechecks each part of the project under its own tsconfig: engine code without DOM or Node,
// the renderer without Node, app/ against Electron's types.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const projects = ['tsconfig.engine.json', 'tsconfig.cli.json', 'tsconfig.renderer.json', 'tsconfig.app.json', 'tsconfig.tools.json'];
const electronTypes = (() => {
  try {
    return existsSync(require.resolve('electron/electron.d.ts'));
  } catch {
    return false;
  }
})();

/**
 * Without Electron's types (an npm that ran electron's install script, which failed to download
 * the binary and dropped the optional package), app/ and its tests are left out, with a note.
 */
function withoutElectron(project) {
  if (electronTypes) return project;
  if (project === 'tsconfig.app.json') return null;
  if (project !== 'tsconfig.tools.json') return project;
  mkdirSync('build/typecheck', { recursive: true });
  const reduced = 'build/typecheck/tsconfig.tools.json';
  writeFileSync(reduced, JSON.stringify({ extends: '../../tsconfig.tools.json', exclude: ['../../test/app/**'] }));
  return reduced;
}

if (!electronTypes) {
  console.log('note: the electron package (its types) is not installed, so app/ and test/app/ are not typechecked; `npm install` with npm 11 keeps it (package.json allowScripts), or run ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install');
}

let failed = 0;
for (const project of projects) {
  const checked = withoutElectron(project);
  if (checked === null) {
    console.log(`skip ${project}`);
    continue;
  }
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', checked], { stdio: 'inherit' });
  console.log(`${result.status === 0 ? 'ok  ' : 'FAIL'} ${project}`);
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
