import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { setCollapsed } from '../../../renderer/editor/grouping.ts';
import { createNudgeBurst, nudgeDelta, nudgeLayers, NUDGE_BURST_MS } from '../../../renderer/editor/nudge.ts';
import { example } from '../documents.ts';

function positionOf(document: { nodes: readonly { id: string; position: { x: number; y: number } }[] }, id: string) {
  return document.nodes.find((node) => node.id === id)?.position;
}

describe('arrow-key moves', () => {
  it('moves by one grid step, five with Shift, and ignores other keys', () => {
    expect(nudgeDelta('ArrowRight', false)).toEqual({ x: 20, y: 0 });
    expect(nudgeDelta('ArrowUp', true)).toEqual({ x: 0, y: -100 });
    expect(nudgeDelta('a', false)).toBeNull();
  });

  it('moves the selected layers and the members of a selected collapsed block, nothing else', () => {
    const { document } = example('conv-autoencoder');
    const group = document.groups[0];
    const collapsed = setCollapsed(document, group.id, true);
    const members = collapsed.nodes.filter((node) => node.group === group.id);
    const outsider = collapsed.nodes.find((node) => node.group === undefined);
    if (outsider === undefined) throw new Error('every layer is grouped');
    const moved = nudgeLayers(collapsed, [`block:${group.id}`], { x: 0, y: 20 });
    for (const member of members) expect(positionOf(moved, member.id)).toEqual({ x: member.position.x, y: member.position.y + 20 });
    expect(positionOf(moved, outsider.id)).toEqual(outsider.position);
  });

  it('is one undoable edit per burst: a held key undoes in one step, a later press in another', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const start = positionOf(store.getState().document, 'relu1');
    if (start === undefined) throw new Error('no relu1');
    const burst = createNudgeBurst();
    const press = (key: string, at: number) => {
      const delta = nudgeDelta(key, false);
      if (delta !== null) store.edit((document) => nudgeLayers(document, ['relu1'], delta), { layoutOnly: true, label: 'Move layer', mergeKey: burst.keyFor('relu1', at) });
    };
    press('ArrowRight', 0);
    press('ArrowRight', 100);
    press('ArrowRight', 200);
    press('ArrowDown', 200 + NUDGE_BURST_MS + 1);
    expect(positionOf(store.getState().document, 'relu1')).toEqual({ x: start.x + 60, y: start.y + 20 });
    store.undo();
    expect(positionOf(store.getState().document, 'relu1')).toEqual({ x: start.x + 60, y: start.y });
    store.undo();
    expect(positionOf(store.getState().document, 'relu1')).toEqual(start);
    expect(store.getState()).toMatchObject({ undoLabel: null, redoLabel: 'Move layer', dirty: false });
    store.redo();
    expect(positionOf(store.getState().document, 'relu1')).toEqual({ x: start.x + 60, y: start.y });
  });

  it('starts a new burst when the selection changes', () => {
    const burst = createNudgeBurst();
    const first = burst.keyFor('a', 0);
    expect(burst.keyFor('a', 10)).toBe(first);
    expect(burst.keyFor('b', 20)).not.toBe(first);
  });
});
