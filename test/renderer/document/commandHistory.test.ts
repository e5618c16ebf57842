import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../engine/graph/index.ts';
import { placeEntry } from '../../../renderer/editor/canvasEdits.ts';
import { createCommandHistory, recordCommand } from '../../../renderer/document/commandHistory.ts';
import { connect, moveNodes, removeElements } from '../../../renderer/editor/documentEdits.ts';
import { applyFix } from '../../../renderer/editor/fixes.ts';
import { changeType, groupNodes, insertNodeOnEdge, setLabel, setParam, ungroup } from '../../../renderer/editor/nodeEdits.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { denseOnImage, example } from '../documents.ts';

type Edit = (document: GraphDocument) => GraphDocument;

const edits: readonly Edit[] = [
  (document) => placeEntry(document, { name: 'Dropout', kind: 'layer' }, { x: 900, y: 300 })?.document ?? document,
  (document) => setParam(document, 'conv2d1', 'kernelSize', [5, 5]),
  (document) => moveNodes(document, new Map([['relu1', { x: 500, y: 60 }], ['maxpool2d1', { x: 700, y: 60 }]])),
  (document) => setLabel(document, 'dense1', 'Classifier'),
  (document) => connect(document, { source: 'dense1', sourcePort: 'out', target: 'dropout1', targetPort: 'in' }),
  (document) => setParam(document, 'conv2d1', 'filters', 8),
  (document) => groupNodes(document, new Set(['conv2d1', 'relu1']), 'Features'),
  (document) => removeElements(document, new Set(), new Set(['e2'])),
  (document) => connect(document, { source: 'conv2d1', sourcePort: 'out', target: 'relu1', targetPort: 'in' }),
  (document) => insertNodeOnEdge(document, 'e1', 'BatchNorm')?.document ?? document,
  (document) => setParam(document, 'conv2d1', 'kernelSize', undefined),
  (document) => setLabel(document, 'dense1', ''),
  (document) => ungroup(document, 'group1'),
  (document) => placeEntry(document, { name: 'Encoder', kind: 'block' }, { x: 0, y: 400 })?.document ?? document,
  (document) => removeElements(document, new Set(['dropout1']), new Set()),
  (document) => changeType(document, 'relu1', 'Tanh'),
  (document) => moveNodes(document, new Map([['input1', { x: -200, y: 0 }]])),
  (document) => ({ ...document, metadata: { ...document.metadata, name: 'Renamed' } }),
  (document) => setParam(document, 'dense1', 'units', 3),
  (document) => removeElements(document, new Set(['conv2d1']), new Set()),
];

describe('command history', () => {
  it('undoes and redoes 20 mixed edits back and forth, matching the recorded document at each point', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const recorded = [structuredClone(store.getState().document)];
    for (const edit of edits) {
      const before = store.getState().document;
      store.edit(edit);
      expect(store.getState().document, `edit ${recorded.length} changed nothing`).not.toBe(before);
      recorded.push(structuredClone(store.getState().document));
    }
    for (let index = recorded.length - 2; index >= 0; index--) {
      store.undo();
      expect(store.getState().document).toEqual(recorded[index]);
    }
    expect(store.getState().undoLabel).toBeNull();
    for (let index = 1; index < recorded.length; index++) {
      store.redo();
      expect(store.getState().document).toEqual(recorded[index]);
    }
    expect(store.getState().redoLabel).toBeNull();
    // Back and forth: undo 7, redo 3, undo 5, redo all.
    let at = recorded.length - 1;
    for (const [steps, direction] of [[7, -1], [3, 1], [5, -1], [9, 1]] as const) {
      for (let step = 0; step < steps; step++) {
        if (direction < 0) store.undo();
        else store.redo();
        at += direction;
        expect(store.getState().document).toEqual(recorded[at]);
      }
    }
    expect(at).toBe(recorded.length - 1);
  });

  it('re-analyzes on undo, so shapes follow', () => {
    const store = createEditorStore(example('xo-cnn').document);
    store.edit((document) => setParam(document, 'conv2d1', 'kernelSize', [5, 5]), { label: 'Set kernel' });
    expect(store.getState().analysis.edgeShapes.get('e2')?.dims).toEqual([5, 5, 4]);
    expect(store.getState().undoLabel).toBe('Set kernel');
    store.undo();
    expect(store.getState().analysis.edgeShapes.get('e2')?.dims).toEqual([7, 7, 4]);
    expect(store.getState().redoLabel).toBe('Set kernel');
  });

  it('a new edit clears the redo stack, and loading a document clears the history', () => {
    const store = createEditorStore(example('xo-cnn').document);
    store.edit((document) => setLabel(document, 'dense1', 'A'));
    store.undo();
    store.edit((document) => setLabel(document, 'dense1', 'B'));
    expect(store.getState().redoLabel).toBeNull();
    store.load(example('mnist-mlp').document, null);
    expect(store.getState().undoLabel).toBeNull();
    store.undo();
    expect(store.getState().document.metadata.name).toBe(example('mnist-mlp').document.metadata.name);
  });

  it('merges consecutive edits with the same key into one command', () => {
    const store = createEditorStore(example('xo-cnn').document);
    const original = store.getState().document;
    for (const units of [1, 12, 128]) store.edit((document) => setParam(document, 'dense1', 'units', units), { mergeKey: 'dense1.units' });
    store.edit((document) => setParam(document, 'conv2d1', 'filters', 6), { mergeKey: 'conv2d1.filters' });
    store.undo();
    expect(store.getState().document.nodes.find((node) => node.id === 'dense1')?.params.units).toBe(128);
    store.undo();
    expect(store.getState().document).toEqual(original);
  });

  it('applies a fix as one undoable command', () => {
    const { document } = denseOnImage();
    const store = createEditorStore(document);
    const fix = store.getState().analysis.diagnostics.find((diagnostic) => diagnostic.fix?.kind === 'insertNode')?.fix;
    expect(fix).toBeDefined();
    if (fix === undefined || fix.kind !== 'insertNode') return;
    store.edit((current) => applyFix(current, fix), { label: 'Insert Flatten' });
    expect(store.getState().analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(store.getState().document.nodes.some((node) => node.type === 'Flatten')).toBe(true);
    store.undo();
    expect(store.getState().document).toEqual(document);
  });

  it('keeps at most the history limit', () => {
    const history = createCommandHistory(2);
    let document = example('xo-cnn').document;
    for (const label of ['a', 'b', 'c']) {
      const next = setLabel(document, 'dense1', label);
      const command = recordCommand(label, document, next);
      if (command !== null) history.push(command, document, next);
      document = next;
    }
    document = history.undo(document) ?? document;
    document = history.undo(document) ?? document;
    expect(history.undo(document)).toBeNull();
    expect(document.nodes.find((node) => node.id === 'dense1')?.label).toBe('a');
  });
});
