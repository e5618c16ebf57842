// The renderer as a web app: `npm run web` serves it, `npm run build` writes build/web,
// which Electron loads from disk. Monaco comes from the installed package (see
// renderer/code/monacoSetup.ts), never from a CDN, and its workers are ES module workers.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./build/web', import.meta.url));

export const rendererConfig = defineConfig({
  root,
  // Relative asset URLs: the build loads from Electron's app:// scheme as well as from a web server.
  base: './',
  plugins: [react()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
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
