// Builds Electron's main process and preload script as CommonJS: build/electron/main.cjs and
// build/electron/preload.cjs. Two separate bundles (two Vite environments): a sandboxed preload
// can require nothing but `electron`, so it must not share a chunk with main.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

const outDir = fileURLToPath(new URL('./build/electron', import.meta.url));
const external = ['electron', /^electron\/.+/, ...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

function commonJsBundle(name: 'main' | 'preload', entry: string, emptyOutDir: boolean): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { conditions: ['node'], noExternal: true },
    build: {
      outDir,
      emptyOutDir,
      target: 'node22',
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { [name]: fileURLToPath(new URL(entry, import.meta.url)) },
        external,
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false, exports: 'auto' },
      },
    },
  };
}

export const electronConfig = defineConfig({
  publicDir: false,
  logLevel: 'warn',
  environments: {
    main: commonJsBundle('main', './app/main/index.ts', true),
    preload: commonJsBundle('preload', './app/preload/index.ts', false),
  },
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.main);
      await builder.build(builder.environments.preload);
    },
  },
});

export { electronConfig as default };
