// The renderer as a web app: `npm run web` serves it, `npm run build` writes build/web,
// which Electron loads from disk. Monaco comes from the installed package (see
// renderer/code/monacoSetup.ts), never from a CDN, and its workers are ES module workers.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Connect, type Plugin } from 'vite';
import { CROSS_ORIGIN_ISOLATION_HEADERS } from './app/contract/isolation.ts';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./build/web', import.meta.url));

const dataDir = fileURLToPath(new URL('./build/data', import.meta.url));
const bundledData = ['mnist.bin'];

/** Serves /data/<file> from build/data (dev and preview); copies it into the build. */
function serveData(): Connect.NextHandleFunction {
  return (request, response, next) => {
    const name = request.url?.match(/^\/data\/([\w.-]+)$/)?.[1];
    if (name === undefined || !bundledData.includes(name) || !existsSync(join(dataDir, name))) return next();
    response.setHeader('Content-Type', 'application/octet-stream');
    createReadStream(join(dataDir, name)).pipe(response);
  };
}

/** The datasets the app ships (the MNIST digits, converted once by scripts/buildData.mjs). */
function bundledDatasets(): Plugin {
  return {
    name: 'netloom-bundled-datasets',
    buildStart() {
      execFileSync(process.execPath, [fileURLToPath(new URL('./scripts/buildData.mjs', import.meta.url))], { stdio: 'ignore' });
    },
    configureServer(server) {
      server.middlewares.use(serveData());
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveData());
    },
    generateBundle() {
      for (const name of bundledData) this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(join(dataDir, name)) });
    },
  };
}

/** Builds the wasm kernels (scripts/buildWasm.mjs, a no-op when they are up to date) before Vite bundles them. */
function wasmKernels(): Plugin {
  const build = (): void => {
    execFileSync(process.execPath, [fileURLToPath(new URL('./scripts/buildWasm.mjs', import.meta.url))], { stdio: 'ignore' });
  };
  return { name: 'netloom-wasm-kernels', config: build };
}

export const rendererConfig = defineConfig({
  root,
  // Relative asset URLs: the build loads from Electron's app:// scheme as well as from a web server.
  base: './',
  plugins: [react(), bundledDatasets(), wasmKernels()],
  // Cross-origin isolated pages (SharedArrayBuffer for the engine's threads), as in Electron.
  server: { port: 5173, strictPort: false, headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  preview: { port: 4173, strictPort: false, headers: CROSS_ORIGIN_ISOLATION_HEADERS },
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Monaco is one large lazy chunk by design; it never loads on first paint.
    chunkSizeWarningLimit: 6000,
    // Monaco's bundle is slow to transform on two cores; that is expected, not worth a warning.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
});

export { rendererConfig as default };
