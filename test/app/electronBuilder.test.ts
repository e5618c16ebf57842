// Reads the real electron-builder.yml (with js-yaml, the parser electron-builder itself uses) and
// checks the fuses the packaged app ships with, and that the app still finds its files in app.asar.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preloadPathFor, webRootFor } from '../../app/main/appPath.ts';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const builderSchema = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown>; additionalProperties: boolean } } };

interface BuilderConfig {
  readonly asar?: unknown;
  readonly files?: readonly string[];
  readonly extraMetadata?: { readonly main?: string };
  readonly electronFuses?: Record<string, unknown>;
}

const config = yaml.load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as BuilderConfig;

/** Whether electron-builder's `files` patterns of the form `folder/**` or `file` take a path. */
function packaged(path: string): boolean {
  return (config.files ?? []).some((pattern) => (pattern.endsWith('/**') ? path.startsWith(pattern.slice(0, -2)) : path === pattern));
}

describe('electron-builder configuration', () => {
  it('flips every fuse that hardens the packaged binary', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names only fuses that electron-builder knows (a misspelt one would be rejected by its schema)', () => {
    const known = builderSchema.definitions.FuseOptionsV1;
    expect(known.additionalProperties).toBe(false);
    for (const name of Object.keys(config.electronFuses ?? {})) expect(Object.keys(known.properties)).toContain(name);
  });

  it('packs the app into app.asar with main, preload, the renderer and the assets it loads', () => {
    // onlyLoadAppFromAsar makes app.asar the only place Electron looks for the app.
    expect(config.asar).toBe(true);
    const main = config.extraMetadata?.main ?? '';
    expect(main).toBe('build/electron/main.cjs');
    const mainFolder = posix.dirname(main);
    // index.ts serves webRootFor(__dirname) on app:// and loads preloadPathFor(__dirname).
    expect(webRootFor(mainFolder).replaceAll('\\', '/')).toBe('build/web');
    for (const path of [main, preloadPathFor(mainFolder), `${webRootFor(mainFolder)}/index.html`, 'assets/examples/lenet5.json', 'assets/schema/graph-v2.schema.json', 'package.json']) {
      expect(packaged(path.replaceAll('\\', '/')), path).toBe(true);
    }
    expect(packaged('engine/cli/bin.mjs')).toBe(false);
  });
});
