import { describe, expect, it, vi } from 'vitest';
import { createBrowserPlatform, downloadName } from '../../../renderer/platform/browserPlatform.ts';
import { createElectronPlatform } from '../../../renderer/platform/electronPlatform.ts';
import type { KeyValueStore } from '../../../renderer/platform/indexedDbStore.ts';
import { findBridge, type NetloomBridge } from '../../../renderer/platform/netloomBridge.ts';
import { firstLaunchFlag } from '../../../renderer/platform/firstLaunch.ts';
import { suggestFileName } from '../../../renderer/platform/platform.ts';
import { MAX_RECENT_DOCUMENTS, parseRecentDocuments, pushRecentDocument, RECENT_KEY } from '../../../renderer/platform/recentDocuments.ts';

function memoryStore(): KeyValueStore & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return { values, get: async (key) => values.get(key) ?? null, set: async (key, value) => void values.set(key, value) };
}

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map<string, string>();
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

function fakeBridge(): NetloomBridge {
  return {
    version: 1,
    openFile: vi.fn(async () => ({ path: '/home/ada/xo.netloom.json', name: 'xo.netloom.json', text: '{}' })),
    saveFile: vi.fn(async (request: { path: string }) => ({ path: request.path, name: 'xo.netloom.json' })),
    saveFileAs: vi.fn(async () => null),
    getAutosave: vi.fn(async () => ({ text: 'saved', file: { path: '/home/ada/xo.netloom.json', name: 'xo.netloom.json' }, saved: false })),
    setAutosave: vi.fn(async () => undefined),
    listRecent: vi.fn(async () => [{ path: '/home/ada/xo.netloom.json', name: 'xo.netloom.json' }]),
    openRecent: vi.fn(async (request: { path: string }) => (request.path === '/gone.json' ? null : { path: request.path, name: 'xo.netloom.json', text: '{}' })),
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
    await platform.setAutosave({ text: 'doc', file: { name: 'xo.netloom.json', key: '/home/ada/xo.netloom.json' }, saved: true });
    expect(bridge.setAutosave).toHaveBeenCalledWith({ text: 'doc', file: { path: '/home/ada/xo.netloom.json', name: 'xo.netloom.json' }, saved: true });
    await platform.setAutosave({ text: 'new', file: null, saved: false });
    expect(bridge.setAutosave).toHaveBeenLastCalledWith({ text: 'new', file: null, saved: false });
    expect(await platform.getAutosave()).toEqual({ text: 'saved', file: { name: 'xo.netloom.json', key: '/home/ada/xo.netloom.json' }, saved: false });
  });

  it('keeps the browser autosave in its key-value store', async () => {
    const values = new Map<string, string>();
    const store: KeyValueStore = { get: async (key) => values.get(key) ?? null, set: async (key, value) => void values.set(key, value) };
    const platform = createBrowserPlatform({} as Window, store);
    expect(platform.kind).toBe('browser');
    expect(await platform.getAutosave()).toBeNull();
    await platform.setAutosave({ text: '{"format":"netloom.graph"}', file: { name: 'xo.netloom.json', key: 'handle-1' }, saved: true });
    // No file handle outlives the page: the file comes back by name, for Save to offer.
    expect(await platform.getAutosave()).toEqual({ text: '{"format":"netloom.graph"}', file: { name: 'xo.netloom.json', key: 'autosave' }, saved: true });
    await platform.setAutosave({ text: '{}', file: null, saved: false });
    expect(await platform.getAutosave()).toEqual({ text: '{}', file: null, saved: false });
    // Text written without its state (an older version, a tool) is no file's and unsaved.
    await platform.setAutosave({ text: '{"a":1}', file: { name: 'xo.netloom.json', key: 'handle-1' }, saved: true });
    values.set('autosave', '{"format":"netloom.graph","other":true}');
    expect(await platform.getAutosave()).toEqual({ text: '{"format":"netloom.graph","other":true}', file: null, saved: false });
  });

  it('lists and reopens Electron recent files by path', async () => {
    const bridge = fakeBridge();
    const platform = createElectronPlatform(bridge, memoryStorage() as Storage);
    expect(await platform.listRecent()).toEqual([{ name: 'xo.netloom.json', key: '/home/ada/xo.netloom.json', detail: '/home/ada/xo.netloom.json' }]);
    expect(await platform.openRecent('/home/ada/xo.netloom.json')).toEqual({ reference: { name: 'xo.netloom.json', key: '/home/ada/xo.netloom.json' }, text: '{}' });
    expect(bridge.openRecent).toHaveBeenCalledWith({ path: '/home/ada/xo.netloom.json' });
    expect(await platform.openRecent('/gone.json')).toBeNull();
    expect(await platform.isFirstLaunch()).toBe(true);
    expect(await platform.isFirstLaunch()).toBe(false);
  });

  it('keeps browser recent files, names and documents, newest first, one per name', async () => {
    const store = memoryStore();
    const input = { type: 'file', accept: '', files: null as File[] | null, addEventListener: (name: string, listener: () => void) => name === 'change' && queueMicrotask(listener), click: () => undefined };
    const scope = { document: { createElement: () => input } } as unknown as Window;
    vi.stubGlobal('document', scope.document);
    try {
      const platform = createBrowserPlatform(scope, store);
      input.files = [new File(['{"a":1}'], 'a.json')];
      const opened = await platform.openFile();
      expect(opened).toEqual({ reference: { name: 'a.json', key: 'upload' }, text: '{"a":1}' });
      // Opening alone lists nothing: the shell adds a file once it has read as a graph.
      expect(await platform.listRecent()).toEqual([]);
      if (opened !== null) await platform.addRecent(opened.reference, opened.text);
      await platform.addRecent({ name: 'b.json', key: 'upload' }, '{"b":1}');
      await platform.addRecent({ name: 'a.json', key: 'upload' }, '{"a":2}');
      expect((await platform.listRecent()).map((file) => file.name)).toEqual(['a.json', 'b.json']);
      expect(await platform.openRecent('a.json')).toEqual({ reference: { name: 'a.json', key: 'recent' }, text: '{"a":2}' });
      expect(await platform.openRecent('missing.json')).toBeNull();
      expect(parseRecentDocuments(store.values.get(RECENT_KEY) ?? null)).toHaveLength(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads a damaged recent list as empty and caps its length', () => {
    expect(parseRecentDocuments('{ nope')).toEqual([]);
    expect(parseRecentDocuments('[{"name":"a.json"}, {"name":"b.json","text":"{}","usedAt":1}]')).toEqual([{ name: 'b.json', text: '{}', usedAt: 1 }]);
    let list = parseRecentDocuments(null);
    for (let index = 0; index < 12; index++) list = pushRecentDocument(list, { name: `f${index}.json`, text: '{}', usedAt: index });
    expect(list).toHaveLength(MAX_RECENT_DOCUMENTS);
    expect(list[0]?.name).toBe('f11.json');
  });

  it('says first launch once per storage, and never without storage', () => {
    const storage = memoryStorage();
    expect(firstLaunchFlag(storage)).toBe(true);
    expect(firstLaunchFlag(storage)).toBe(false);
    expect(firstLaunchFlag(null)).toBe(false);
  });

  it('asks Save As for a download name, and Save downloads under the file name without asking', async () => {
    expect(downloadName('  my net ')).toBe('my net.netloom.json');
    expect(downloadName('a/b.json')).toBe('a-b.json');
    expect(downloadName('')).toBeNull();
    expect(downloadName(null)).toBeNull();
    const downloads: string[] = [];
    const questions: string[] = [];
    let answer: string | null = 'lenet-wide';
    const anchor = { href: '', download: '', click: () => downloads.push(anchor.download) };
    const scope = { document: { createElement: () => anchor }, prompt: (question: string, suggested: string) => (questions.push(`${question} [${suggested}]`), answer) } as unknown as Window;
    vi.stubGlobal('document', scope.document);
    vi.stubGlobal('URL', { createObjectURL: () => 'blob:x', revokeObjectURL: () => undefined });
    try {
      const platform = createBrowserPlatform(scope, memoryStore());
      const saved = await platform.saveFileAs('lenet-5.netloom.json', '{}');
      expect(saved).toEqual({ name: 'lenet-wide.netloom.json', key: 'download' });
      expect(questions).toEqual(['Save the graph as (it downloads under this name): [lenet-5.netloom.json]']);
      if (saved !== null) await platform.saveFile(saved, '{}');
      expect(questions).toHaveLength(1);
      answer = null;
      expect(await platform.saveFileAs('lenet-5.netloom.json', '{}')).toBeNull();
      // An export downloads a copy under the suggested name without asking.
      expect(await platform.saveFileAs('lenet-5.netloom.json', '{}', 'export')).toEqual({ name: 'lenet-5.netloom.json', key: 'download' });
      expect(questions).toHaveLength(2);
      expect(downloads).toEqual(['lenet-wide.netloom.json', 'lenet-wide.netloom.json', 'lenet-5.netloom.json']);
      expect((await platform.listRecent()).map((file) => file.name)).toEqual(['lenet-5.netloom.json', 'lenet-wide.netloom.json']);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
