import { describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform } from '../../renderer/platform/browserPlatform.ts';
import { createElectronPlatform } from '../../renderer/platform/electronPlatform.ts';
import type { KeyValueStore } from '../../renderer/platform/indexedDbStore.ts';
import { findBridge, type NetloomBridge } from '../../renderer/platform/netloomBridge.ts';
import { suggestFileName } from '../../renderer/platform/platform.ts';

function fakeBridge(): NetloomBridge {
  return {
    version: 1,
    openFile: vi.fn(async () => ({ path: '/home/ada/xo.netloom.json', name: 'xo.netloom.json', text: '{}' })),
    saveFile: vi.fn(async (request: { path: string }) => ({ path: request.path, name: 'xo.netloom.json' })),
    saveFileAs: vi.fn(async () => null),
    getAutosave: vi.fn(async () => 'saved'),
    setAutosave: vi.fn(async () => undefined),
    onMenuCommand: vi.fn(() => () => undefined),
  };
}

describe('platform', () => {
  it('suggests a file name from the document name', () => {
    expect(suggestFileName('X vs O CNN')).toBe('x-vs-o-cnn.netloom.json');
    expect(suggestFileName('  ')).toBe('untitled.netloom.json');
  });

  it('finds the preload bridge only when it is there', () => {
    expect(findBridge({})).toBeNull();
    expect(findBridge({ netloom: { version: 2, openFile: () => null } })).toBeNull();
    const bridge = fakeBridge();
    expect(findBridge({ netloom: bridge })).toBe(bridge);
  });

  it('maps the Electron bridge: paths are the file keys', async () => {
    const bridge = fakeBridge();
    const platform = createElectronPlatform(bridge);
    expect(platform.kind).toBe('electron');
    const opened = await platform.openFile();
    expect(opened).toEqual({ reference: { name: 'xo.netloom.json', key: '/home/ada/xo.netloom.json' }, text: '{}' });
    await platform.saveFile({ name: 'xo.netloom.json', key: '/home/ada/xo.netloom.json' }, 'text');
    expect(bridge.saveFile).toHaveBeenCalledWith({ path: '/home/ada/xo.netloom.json', text: 'text' });
    expect(await platform.saveFileAs('a.netloom.json', 'text')).toBeNull();
    await platform.setAutosave('doc');
    expect(bridge.setAutosave).toHaveBeenCalledWith({ text: 'doc' });
    expect(await platform.getAutosave()).toBe('saved');
  });

  it('keeps the browser autosave in its key-value store', async () => {
    const values = new Map<string, string>();
    const store: KeyValueStore = { get: async (key) => values.get(key) ?? null, set: async (key, value) => void values.set(key, value) };
    const platform = createBrowserPlatform({} as Window, store);
    expect(platform.kind).toBe('browser');
    expect(await platform.getAutosave()).toBeNull();
    await platform.setAutosave('{"format":"netloom.graph"}');
    expect(await platform.getAutosave()).toBe('{"format":"netloom.graph"}');
  });
});
