// The data-fit fixes as the editor shows and applies them, the status bar's word on a graph without
// data, and the class count a classifier's last Dense gets when it is added from the palette.
import { describe, expect, it } from 'vitest';
import { analyzeGraph, type DocumentFix, type GraphDocument } from '../../../engine/graph/index.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { newDocument } from '../../../renderer/editor/documentEdits.ts';
import { applyFix, fixLabel } from '../../../renderer/editor/fixes.ts';
import { graphHealth, summarizeGraph } from '../../../renderer/editor/graphSummary.ts';
import { addFromPalette } from '../../../renderer/editor/paletteAdding.ts';
import { example } from '../documents.ts';

const layer = (name: string) => ({ name, kind: 'layer' as const, category: 'Core', summary: '' });

function withParam(document: GraphDocument, nodeId: string, field: string, value: unknown): GraphDocument {
  return { ...document, nodes: document.nodes.map((node) => (node.id === nodeId ? { ...node, params: { ...node.params, [field]: value } } : node)) };
}

function documentFixes(document: GraphDocument): DocumentFix[] {
  return analyzeGraph(document).diagnostics.flatMap((diagnostic) => (diagnostic.fix === undefined || diagnostic.fix.kind === 'chooseDataset' ? [] : [diagnostic.fix]));
}

describe('data-fit fixes in the editor', () => {
  it('the MNIST MLP with a 32×32×1 Input offers "Set Input to 28×28×1", which gives 28, 28, 1', () => {
    const wide = withParam(withParam(example('mnist-mlp').document, 'input1', 'height', 32), 'input1', 'width', 32);
    const [fix] = documentFixes(wide);
    expect(fixLabel(fix)).toBe('Set Input to 28×28×1');
    const fixed = applyFix(wide, fix);
    const input = fixed.nodes.find((node) => node.id === 'input1')!;
    expect([input.params.height, input.params.width, input.params.channels]).toEqual([28, 28, 1]);
    expect(analyzeGraph(fixed).diagnostics).toEqual([]);
  });

  it('a last Dense of 8 units on MNIST offers "Set units to 10", which gives 10', () => {
    const narrow = withParam(example('mnist-mlp').document, 'dense2', 'units', 8);
    const [fix] = documentFixes(narrow);
    expect(fixLabel(fix)).toBe('Set units to 10');
    const fixed = applyFix(narrow, fix);
    expect(fixed.nodes.find((node) => node.id === 'dense2')!.params.units).toBe(10);
    expect(analyzeGraph(fixed).diagnostics).toEqual([]);
  });

  it('a graph without data offers "Choose a dataset" and is not only "Shapes check out"', () => {
    const { dataset: _dataset, ...bare } = example('mnist-mlp').document;
    const analysis = analyzeGraph(bare);
    const problem = analysis.diagnostics[0];
    expect(problem.fix).toEqual({ kind: 'chooseDataset' });
    expect(fixLabel(problem.fix!)).toBe('Choose a dataset');
    const summary = summarizeGraph(bare, analysis);
    expect(summary.dataset).toBeNull();
    expect(graphHealth(summary)).toEqual({ level: 'warning', text: 'Shapes check out · choose a dataset to train' });
    const withData = example('mnist-mlp');
    expect(graphHealth(summarizeGraph(withData.document, withData.analysis))).toEqual({ level: 'ok', text: 'Shapes check out' });
    const narrow = withParam(bare, 'dense2', 'units', 8);
    expect(graphHealth(summarizeGraph(narrow, analyzeGraph(narrow))).text).toBe('Shapes check out · choose a dataset to train');
    const broken = withParam(withData.document, 'dense2', 'units', 8);
    expect(graphHealth(summarizeGraph(broken, analyzeGraph(broken)))).toEqual({ level: 'error', text: '1 error, 0 warnings' });
  });

  it('names a file dataset by its file name, not its path', () => {
    const { document } = example('mnist-mlp');
    const file: GraphDocument = { ...document, dataset: { source: 'file', format: 'csv', path: '/home/ada/data/points.csv' } };
    expect(summarizeGraph(file, analyzeGraph(file)).dataset).toBe('points.csv');
  });
});

describe('a new graph and its classifier', () => {
  it('starts with no dataset', () => {
    expect(newDocument().dataset).toBeUndefined();
  });

  it('a softmax head added after a default Dense gives it the class count (10 on MNIST), in the same undoable edit', () => {
    const store = createEditorStore({ ...newDocument(), dataset: { source: 'builtin', name: 'mnist' } });
    store.select('input1');
    for (const name of ['Flatten', 'Dense', 'SoftmaxCrossEntropy']) addFromPalette(store, layer(name) as never);
    const { document, analysis } = store.getState();
    expect(document.nodes.find((node) => node.id === 'dense1')!.params.units).toBe(10);
    expect(analysis.diagnostics).toEqual([]);
    store.undo();
    expect(store.getState().document.nodes.find((node) => node.id === 'dense1')!.params.units).toBe(64);
  });

  it('keeps units the user typed, and the catalog default where the graph has no data', () => {
    const typed = createEditorStore({ ...newDocument(), dataset: { source: 'builtin', name: 'mnist' } });
    typed.select('input1');
    for (const name of ['Flatten', 'Dense']) addFromPalette(typed, layer(name) as never);
    typed.edit((document) => withParam(document, 'dense1', 'units', 12), { label: 'units' });
    addFromPalette(typed, layer('SoftmaxCrossEntropy') as never);
    expect(typed.getState().document.nodes.find((node) => node.id === 'dense1')!.params.units).toBe(12);
    const bare = createEditorStore(newDocument());
    bare.select('input1');
    for (const name of ['Flatten', 'Dense', 'SoftmaxCrossEntropy']) addFromPalette(bare, layer(name) as never);
    expect(bare.getState().document.nodes.find((node) => node.id === 'dense1')!.params.units).toBe(64);
  });
});
