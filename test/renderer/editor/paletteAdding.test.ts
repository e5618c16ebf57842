import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { LAYER_FOOTPRINT } from '../../../renderer/editor/clipboard.ts';
import { NODE_SPACING, newDocument } from '../../../renderer/editor/documentEdits.ts';
import { addFromPalette, appendEntry } from '../../../renderer/editor/paletteAdding.ts';
import { example } from '../documents.ts';

const layer = (name: string) => ({ name, kind: 'layer' as const, category: 'Core', summary: '' });

describe('adding from the palette', () => {
  it('chains layers from the selected one: each wired after the last and placed below it', () => {
    const store = createEditorStore(newDocument());
    store.select('input1');
    for (const name of ['Conv2D', 'ReLU', 'MaxPool2D', 'Flatten', 'Dense']) addFromPalette(store, layer(name) as never);
    const { document, selectedNodeId, undoLabel } = store.getState();
    expect(document.edges.map((edge) => `${edge.source}->${edge.target}:${edge.targetPort}`)).toEqual([
      'input1->conv2d1:in',
      'conv2d1->relu1:in',
      'relu1->maxpool2d1:in',
      'maxpool2d1->flatten1:in',
      'flatten1->dense1:in',
    ]);
    expect(document.nodes.map((node) => node.position)).toEqual([0, 1, 2, 3, 4, 5].map((step) => ({ x: 0, y: step * LAYER_FOOTPRINT.height })));
    expect(selectedNodeId).toBe('dense1');
    expect(undoLabel).toBe('Add Dense after flatten1');
    // Every layer's shape follows from the chain; only the loss head is still missing.
    expect(store.getState().analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.field)).toEqual(['training.task']);
    expect(store.getState().analysis.nodeShapes.size).toBe(6);
  });

  it('goes further down when the place below the selected layer is taken', () => {
    const { document } = example('xo-cnn');
    const relu = document.nodes.find((node) => node.id === 'relu1');
    if (relu === undefined) throw new Error('no relu1');
    const crowded = { ...document, nodes: document.nodes.map((node) => (node.id === 'dense1' ? { ...node, position: { x: relu.position.x, y: relu.position.y + LAYER_FOOTPRINT.height } } : node)) };
    const added = appendEntry(crowded, layer('Dropout'), 'relu1');
    const dropout = added?.document.nodes.find((node) => node.id === added.nodeId);
    expect(dropout?.position.x).toBe(relu.position.x);
    expect(dropout?.position.y).toBeGreaterThanOrEqual(relu.position.y + 2 * LAYER_FOOTPRINT.height);
    expect(added?.document.edges.at(-1)).toMatchObject({ source: 'relu1', target: 'dropout1', targetPort: 'in' });
  });

  it('with nothing selected, adds right of the rightmost layer, unwired', () => {
    const { document } = example('xo-cnn');
    const rightmost = Math.max(...document.nodes.map((node) => node.position.x));
    const added = appendEntry(document, layer('Dropout'), null);
    expect(added?.after).toBeNull();
    expect(added?.document.edges).toEqual(document.edges);
    expect(added?.document.nodes.at(-1)?.position.x).toBe(rightmost + NODE_SPACING);
  });

  it('adds an Input below the selected layer without wiring it (it has no input port)', () => {
    const { document } = example('xo-cnn');
    const added = appendEntry(document, layer('Input'), 'relu1');
    expect(added?.after).toBeNull();
    expect(added?.document.edges).toEqual(document.edges);
  });
});
