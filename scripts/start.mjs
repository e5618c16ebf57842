// `npm start`: the desktop app when Electron's binary is installed; otherwise says so in one line
// and serves the app as a web page with the Vite dev server. Either way it opens on an example
// (the X-vs-O CNN unless --example names another); the app opened without one (a packaged launch,
// a bare URL) restores the last session or shows the start page.
// Usage: npm start [-- --example=lenet5]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { example: { type: 'string', default: 'xo-cnn' } }, allowPositionals: true });
const example = values.example;

/** The Electron executable, or null: the package may be installed without its binary. */
function electronBinary() {
  try {
    require.resolve('electron');
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function build(config) {
  const result = spawnSync(process.execPath, [require.resolve('vite/bin/vite.js'), 'build', '--config', config, '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function serveWeb() {
  console.log('Electron is not available (its binary could not be downloaded): serving the app as a web page with the Vite dev server instead.');
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'warn' });
  await server.listen();
  const base = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port}/`;
  console.log(`Netloom: ${base}?example=${encodeURIComponent(example)}`);
}

/**
 * npm installs the electron package without running its download script (package.json
 * allowScripts), so the binary is fetched here, on first start, where the network allows.
 */
function downloadElectron() {
  let installer;
  try {
    installer = require.resolve('electron/install.js');
  } catch {
    return;
  }
  console.log('Fetching the Electron binary (first start)…');
  const result = spawnSync(process.execPath, [installer], { stdio: 'ignore', timeout: 300_000 });
  if (result.status !== 0) console.log('Could not download the Electron binary.');
}

let electron = electronBinary();
if (electron === null) {
  downloadElectron();
  electron = electronBinary();
}
if (electron === null) {
  await serveWeb();
} else {
  build('vite.config.ts');
  build('vite.electron.config.ts');
  const child = spawn(electron, ['.', `--example=${example}`], { stdio: 'inherit', env: { ...process.env, NETLOOM_EXAMPLE: example } });
  child.on('exit', (code, signal) => process.exit(signal === null ? (code ?? 0) : 1));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
