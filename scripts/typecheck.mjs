// Typechecks each part of the project under its own tsconfig: engine code without DOM or Node,
// the renderer without Node, app/ against Electron's types.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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

let failed = 0;
for (const project of projects) {
  if (project === 'tsconfig.app.json' && !electronTypes) {
    console.log(`skip ${project}: the electron package (its types) is not installed; install with ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm install`);
    continue;
  }
  const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', project], { stdio: 'inherit' });
  console.log(`${result.status === 0 ? 'ok  ' : 'FAIL'} ${project}`);
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
