import { describe, expect, it } from 'vitest';
import { blockActions } from '../../../renderer/editor/blockActions.ts';
import { createPersonalLibrary } from '../../../renderer/editor/personalLibrary.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
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

  it('renames a block as one undoable command; its kind follows the name; blank and unchanged names do nothing', () => {
    const store = createEditorStore(example('dense-autoencoder').document);
    const actions = blockActions(store, createPersonalLibrary({ read: () => null, write: () => undefined }));
    const before = store.getState().document;
    actions.rename('decoder', '  Upsampler ');
    expect(store.getState().document.groups[2]).toEqual({ id: 'decoder', name: 'Upsampler', kind: 'Custom', collapsed: false });
    expect(store.getState().undoLabel).toBe('Rename Decoder');
    actions.rename('decoder', 'generator');
    expect(store.getState().document.groups[2]).toMatchObject({ name: 'generator', kind: 'Generator' });
    const named = store.getState().document;
    actions.rename('decoder', '   ');
    actions.rename('decoder', 'generator');
    expect(store.getState().document).toBe(named);
    store.undo();
    store.undo();
    expect(store.getState().document).toEqual(before);
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
