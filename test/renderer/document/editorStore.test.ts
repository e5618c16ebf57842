import { describe, expect, it, vi } from 'vitest';
import { moveNodes, removeElements } from '../../../renderer/editor/documentEdits.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { example } from '../documents.ts';

describe('editor store', () => {
  it('marks edits dirty and re-analyzes them', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const listener = vi.fn();
    store.subscribe(listener);
    store.edit((document) => removeElements(document, new Set(['flatten1']), new Set()));
    const state = store.getState();
    expect(state.dirty).toBe(true);
    expect(state.analysis.diagnostics.some((diagnostic) => diagnostic.nodeId === 'dense1' && diagnostic.severity === 'error')).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps the analysis for layout-only edits, and ignores edits that change nothing', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const before = store.getState();
    store.edit((document) => moveNodes(document, new Map([['relu1', { x: 460, y: 40 }]])), { layoutOnly: true });
    expect(store.getState().analysis).toBe(before.analysis);
    expect(store.getState().document.nodes[2].position).toEqual({ x: 460, y: 40 });
    const after = store.getState();
    store.edit((document) => document);
    expect(store.getState()).toBe(after);
  });

  it('counts requests to reveal a selection, even of the layer already selected', () => {
    const store = createEditorStore(example('xo-cnn').document);
    store.select('dense1');
    expect(store.getState().revealSerial).toBe(0);
    store.select('dense1', { reveal: true });
    expect(store.getState()).toMatchObject({ selectedNodeId: 'dense1', revealSerial: 1 });
    store.select('relu1', { reveal: true });
    expect(store.getState()).toMatchObject({ selectedNodeId: 'relu1', revealSerial: 2 });
    store.select(null, { reveal: true });
    expect(store.getState()).toMatchObject({ selectedNodeId: null, revealSerial: 2 });
  });

  it('restores an autosave bound to its file, unsaved unless the file had it', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const file = { name: 'lenet.netloom.json', key: '/home/ada/lenet.netloom.json' };
    store.restore(example('lenet5').document, file, false);
    expect(store.getState()).toMatchObject({ file, dirty: true, generation: 1, undoLabel: null });
    expect(store.getState().document.metadata.name).toBe('LeNet-5');
    store.restore(example('lenet5').document, file, true);
    expect(store.getState()).toMatchObject({ file, dirty: false, generation: 2 });
  });

  it('clears a selection whose node was deleted', () => {
    const store = createEditorStore(example('xo-cnn').document);
    store.select('relu1');
    store.edit((document) => removeElements(document, new Set(['dense1']), new Set()));
    expect(store.getState().selectedNodeId).toBe('relu1');
    store.edit((document) => removeElements(document, new Set(['relu1']), new Set()));
    expect(store.getState().selectedNodeId).toBeNull();
  });

  it('loads a document clean, unselected, as a new generation', () => {
    const store = createEditorStore(example('xo-cnn').document);
    store.select('relu1');
    store.edit((document) => moveNodes(document, new Map([['relu1', { x: 0, y: 100 }]])), { layoutOnly: true });
    store.load(example('lenet5').document, { name: 'lenet5.json', key: 'k1' });
    expect(store.getState()).toMatchObject({ dirty: false, selectedNodeId: null, generation: 1, file: { name: 'lenet5.json' } });
    expect(store.getState().document.metadata.name).toBe('LeNet-5');
  });

  it('drops the unsaved mark when undo returns to the saved document, and brings it back on redo', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const file = { name: 'xo.netloom.json', key: 'k1' };
    store.load(example('xo-cnn').document, file);
    const move = (x: number) => store.edit((document) => moveNodes(document, new Map([['relu1', { x, y: 0 }]])), { layoutOnly: true, label: 'Move layer' });
    move(100);
    expect(store.getState().dirty).toBe(true);
    store.undo();
    expect(store.getState().dirty).toBe(false);
    store.redo();
    expect(store.getState().dirty).toBe(true);
    // Saved after the first move: undoing the second returns to it; undoing the first leaves it.
    store.markSaved(file);
    move(200);
    store.undo();
    expect(store.getState()).toMatchObject({ dirty: false });
    expect(store.getState().document.nodes.find((node) => node.id === 'relu1')?.position).toEqual({ x: 100, y: 0 });
    store.undo();
    expect(store.getState().dirty).toBe(true);
    store.redo();
    expect(store.getState().dirty).toBe(false);
  });

  it('keeps a restored autosave the file lacks unsaved, even after undoing every edit', () => {
    const store = createEditorStore(example('xo-cnn').document);
    store.restore(example('lenet5').document, { name: 'lenet.netloom.json', key: 'k' }, false);
    store.edit((document) => moveNodes(document, new Map([['input1', { x: 40, y: 40 }]])), { layoutOnly: true });
    store.undo();
    expect(store.getState().dirty).toBe(true);
  });

  it('a merged edit on top of the saved one makes the document unsaved', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const file = { name: 'xo.netloom.json', key: 'k1' };
    const label = (text: string) => store.edit((document) => ({ ...document, metadata: { ...document.metadata, name: text } }), { mergeKey: 'name' });
    label('A');
    store.markSaved(file);
    label('AB');
    expect(store.getState().dirty).toBe(true);
    store.undo();
    // The merged command undoes both keystrokes: back before the save.
    expect(store.getState()).toMatchObject({ dirty: true });
    expect(store.getState().document.metadata.name).toBe('X vs O CNN');
  });

  it('selects several layers at once, drops deleted ones from the selection, and clears it on a single select', () => {
    const store = createEditorStore(example('xo-cnn').document);
    store.selectNodes(['relu1', 'dense1']);
    expect(store.getState()).toMatchObject({ selectedNodeId: 'relu1', selectedNodeIds: ['relu1', 'dense1'] });
    store.edit((document) => removeElements(document, new Set(['dense1']), new Set()));
    expect(store.getState()).toMatchObject({ selectedNodeId: 'relu1', selectedNodeIds: ['relu1'] });
    store.select(null);
    expect(store.getState()).toMatchObject({ selectedNodeId: null, selectedNodeIds: [] });
  });
});
