import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { moveNodes } from '../../../renderer/editor/documentEdits.ts';
import { startAutosave } from '../../../renderer/shell/autosave.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { example } from '../documents.ts';
import { createFakePlatform } from '../fakePlatform.ts';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes the latest document once edits pause, and not on load', async () => {
    const store = createEditorStore(example('xo-cnn').document);
    const platform = createFakePlatform();
    const stop = startAutosave(store, platform, 1000);
    store.load(example('lenet5').document, null);
    await vi.advanceTimersByTimeAsync(2000);
    expect(platform.calls).toEqual([]);
    store.edit((document) => moveNodes(document, new Map([['relu1', { x: 1, y: 1 }]])), { layoutOnly: true });
    await vi.advanceTimersByTimeAsync(500);
    store.edit((document) => moveNodes(document, new Map([['relu1', { x: 2, y: 2 }]])), { layoutOnly: true });
    await vi.advanceTimersByTimeAsync(999);
    expect(platform.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(platform.calls).toEqual(['autosave']);
    const saved = JSON.parse(platform.autosaved ?? '') as { metadata: { name: string }; nodes: { id: string; position: unknown }[] };
    expect(saved.metadata.name).toBe('LeNet-5');
    expect(saved.nodes.find((node) => node.id === 'relu1')?.position).toEqual({ x: 2, y: 2 });
    stop();
    store.edit((document) => moveNodes(document, new Map([['relu1', { x: 3, y: 3 }]])), { layoutOnly: true });
    await vi.advanceTimersByTimeAsync(5000);
    expect(platform.calls).toEqual(['autosave']);
  });

  it('remembers the file with each autosave, and a save marks it saved at once', async () => {
    const store = createEditorStore(example('xo-cnn').document);
    const platform = createFakePlatform();
    const stop = startAutosave(store, platform, 1000);
    const file = { name: 'xo.netloom.json', key: '/home/ada/xo.netloom.json' };
    store.load(example('xo-cnn').document, file);
    store.edit((document) => moveNodes(document, new Map([['relu1', { x: 5, y: 5 }]])), { layoutOnly: true });
    await vi.advanceTimersByTimeAsync(1000);
    expect(platform.calls).toEqual(['autosave']);
    expect(platform.autosaveState).toEqual({ file, saved: false });
    // An edit, then a save before the autosave's pause is over: one write, saved, and no later unsaved one.
    store.edit((document) => moveNodes(document, new Map([['relu1', { x: 6, y: 6 }]])), { layoutOnly: true });
    store.markSaved(file);
    await vi.advanceTimersByTimeAsync(5000);
    expect(platform.calls).toEqual(['autosave', 'autosave saved']);
    expect(platform.autosaveState).toEqual({ file, saved: true });
    expect(JSON.parse(platform.autosaved ?? '').nodes.find((node: { id: string }) => node.id === 'relu1').position).toEqual({ x: 6, y: 6 });
    // Save As binds the autosave to the new file.
    const copy = { name: 'copy.netloom.json', key: '/home/ada/copy.netloom.json' };
    store.edit((document) => moveNodes(document, new Map([['relu1', { x: 7, y: 7 }]])), { layoutOnly: true });
    store.markSaved(copy);
    await vi.advanceTimersByTimeAsync(0);
    expect(platform.autosaveState).toEqual({ file: copy, saved: true });
    stop();
  });
});
