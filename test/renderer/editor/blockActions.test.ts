import { describe, expect, it } from 'vitest';
import { blockActions } from '../../../renderer/editor/blockActions.ts';
import { createPersonalLibrary } from '../../../renderer/editor/personalLibrary.ts';
import { createEditorStore } from '../../../renderer/shell/editorStore.ts';
import { example } from '../documents.ts';

describe('block actions', () => {
  it('collapse and expand are undoable commands; collapsing lets go of a selected member', () => {
    const store = createEditorStore(example('dense-autoencoder').document);
    const actions = blockActions(store, createPersonalLibrary({ read: () => null, write: () => undefined }));
    store.select('dense1');
    actions.setCollapsed('encoder', true);
    expect(store.getState().document.groups[0].collapsed).toBe(true);
    expect(store.getState().selectedNodeId).toBeNull();
    expect(store.getState().undoLabel).toBe('Collapse Encoder');
    actions.setCollapsed('encoder', false);
    expect(store.getState().undoLabel).toBe('Expand Encoder');
    store.undo();
    expect(store.getState().document.groups[0].collapsed).toBe(true);
    store.undo();
    expect(store.getState().document.groups[0].collapsed).toBe(false);
    expect(store.getState().redoLabel).toBe('Collapse Encoder');
  });

  it('saves a block to the library and says so, leaving the document and its history alone', () => {
    let written: string | null = null;
    const library = createPersonalLibrary({ read: () => written, write: (text) => (written = text) });
    const store = createEditorStore(example('dense-autoencoder').document);
    const before = store.getState().document;
    blockActions(store, library).saveToLibrary('decoder');
    expect(library.list().map((block) => [block.name, block.nodes.length, block.edges.length])).toEqual([['Decoder', 5, 4]]);
    expect(store.getState().notice?.text).toBe('Saved “Decoder” to My blocks (5 layers).');
    expect(store.getState().document).toBe(before);
    expect(store.getState().undoLabel).toBeNull();
    expect(createPersonalLibrary({ read: () => written, write: () => undefined }).list()).toHaveLength(1);
  });
});
