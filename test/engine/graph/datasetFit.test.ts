// The fit between a graph and its data: every problem names the numbers, and its one-click fix
// (applied here as the editor applies it: the fix's params on the node) leaves no problem behind.
import { describe, expect, it } from 'vitest';
import { analyzeGraph, classifierUnitsFor, type Diagnostic, type DocumentFix, type GraphDocument } from '../../../engine/graph/index.ts';
import { chainDocument } from './build.ts';

const mnist = { source: 'builtin', name: 'mnist' } as const;

/** `dataset` null: the graph names none. */
function mlp(input: Record<string, unknown>, lastUnits: number, dataset: unknown = mnist) {
  const chain = chainDocument([
    { id: 'input1', type: 'Input', params: input },
    { id: 'flatten1', type: 'Flatten' },
    { id: 'dense1', type: 'Dense', params: { units: 32 } },
    { id: 'relu1', type: 'ReLU' },
    { id: 'dense2', type: 'Dense', params: { units: lastUnits } },
    { id: 'loss', type: 'SoftmaxCrossEntropy' },
  ]);
  return dataset === null ? chain : { ...chain, dataset };
}

const image = (height: number, width: number, channels: number) => ({ kind: 'image', height, width, channels });

function analyzed(input: unknown): { document: GraphDocument; diagnostics: readonly Diagnostic[] } {
  const analysis = analyzeGraph(input);
  if (analysis.document === null) throw new Error(`does not parse: ${analysis.diagnostics[0]?.message}`);
  return { document: analysis.document, diagnostics: analysis.diagnostics };
}

/** The edit a document fix makes, as the editor's applyFix does it. */
function apply(document: GraphDocument, fix: DocumentFix): GraphDocument {
  const params: Record<string, unknown> = fix.kind === 'setInputShape' ? fix.params : fix.kind === 'setUnits' ? { units: fix.units } : {};
  const nodeId = 'nodeId' in fix ? fix.nodeId : '';
  return { ...document, nodes: document.nodes.map((node) => (node.id === nodeId ? { ...node, params: { ...node.params, ...params } } : node)) };
}

function onlyFix(diagnostics: readonly Diagnostic[]): DocumentFix {
  expect(diagnostics).toHaveLength(1);
  const fix = diagnostics[0].fix;
  if (fix === undefined || fix.kind === 'chooseDataset') throw new Error('expected a document fix');
  return fix;
}

describe('the fit between graph and data', () => {
  it('an MNIST graph with a 32×32×1 Input is told 28×28×1, and the fix sets exactly that', () => {
    const { document, diagnostics } = analyzed(mlp(image(32, 32, 1), 10));
    expect(diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.nodeId, diagnostic.message])).toEqual([
      ['error', 'input1', 'The dataset "mnist" has examples of 28×28×1, but this Input is 32×32×1.'],
    ]);
    const fix = onlyFix(diagnostics);
    expect(fix).toEqual({ kind: 'setInputShape', nodeId: 'input1', dims: [28, 28, 1], params: { kind: 'image', height: 28, width: 28, channels: 1 } });
    const fixed = analyzed(apply(document, fix));
    const input = fixed.document.nodes.find((node) => node.id === 'input1')!;
    expect([input.params.height, input.params.width, input.params.channels]).toEqual([28, 28, 1]);
    expect(fixed.diagnostics).toEqual([]);
  });

  it('a vector Input on images becomes an image Input; moons (2 features) turns an image Input into a vector of 2', () => {
    const fromVector = onlyFix(analyzed(mlp({ kind: 'vector', features: 784 }, 10)).diagnostics);
    expect(fromVector).toMatchObject({ dims: [28, 28, 1], params: { kind: 'image', height: 28, width: 28, channels: 1 } });
    const { document, diagnostics } = analyzed(mlp(image(28, 28, 1), 2, { source: 'builtin', name: 'moons' }));
    expect(diagnostics[0].message).toBe('The dataset "moons" has examples of 2, but this Input is 28×28×1.');
    const fix = onlyFix(diagnostics);
    expect(fix).toMatchObject({ dims: [2], params: { kind: 'vector', features: 2 } });
    expect(analyzed(apply(document, fix)).diagnostics).toEqual([]);
  });

  it('a last Dense of 8 units on 10 classes is an error with "set units to 10"; the fix gives 10 scores', () => {
    const { document, diagnostics } = analyzed(mlp(image(28, 28, 1), 8));
    expect(diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.nodeId, diagnostic.field, diagnostic.message])).toEqual([
      ['error', 'dense2', 'units', 'The dataset "mnist" has 10 classes, but loss receives 8 scores.'],
    ]);
    expect(diagnostics[0].suggestion).toBe('Set units to 10, one per class.');
    const fix = onlyFix(diagnostics);
    expect(fix).toEqual({ kind: 'setUnits', nodeId: 'dense2', units: 10 });
    const fixed = analyzed(apply(document, fix));
    expect(fixed.document.nodes.find((node) => node.id === 'dense2')!.params.units).toBe(10);
    expect(fixed.diagnostics).toEqual([]);
  });

  it('more scores than classes is a warning that counts the scores never a target', () => {
    const [problem] = analyzed(mlp(image(28, 28, 1), 12)).diagnostics;
    expect(problem.severity).toBe('warning');
    expect(problem.message).toBe('The dataset "mnist" has 10 classes, but loss receives 12 scores (2 never a target).');
    expect(problem.fix).toEqual({ kind: 'setUnits', nodeId: 'dense2', units: 10 });
  });

  it('finds the Dense behind layers that keep its width (a Dropout before the head)', () => {
    const chain = chainDocument([
      { id: 'input1', type: 'Input', params: { kind: 'vector', features: 2 } },
      { id: 'dense1', type: 'Dense', params: { units: 5 } },
      { id: 'dropout1', type: 'Dropout' },
      { id: 'loss', type: 'SoftmaxCrossEntropy' },
    ]);
    const [problem] = analyzed({ ...chain, dataset: { source: 'builtin', name: 'xor' } }).diagnostics;
    expect(problem.fix).toEqual({ kind: 'setUnits', nodeId: 'dense1', units: 2 });
    expect(problem.message).toBe('The dataset "xor" has 2 classes, but loss receives 5 scores (3 never a target).');
  });

  it('a graph without a dataset warns that it cannot train, with the "choose a dataset" fix', () => {
    const { diagnostics } = analyzed(mlp(image(28, 28, 1), 10, null));
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        message: 'The graph names no dataset, so it cannot train yet.',
        field: 'dataset',
        suggestion: 'Choose a dataset: a built-in set or a file of your own.',
        fix: { kind: 'chooseDataset' },
      },
    ]);
  });

  it('a file is checked by the summary recorded when it was chosen: 3 features and 2 classes', () => {
    const file = { source: 'file', format: 'csv', path: '/data/points.csv', labelColumn: 'label', summary: { inputDims: [3], classCount: 2, exampleCount: 40 } };
    const chain = chainDocument([
      { id: 'input1', type: 'Input', params: { kind: 'vector', features: 4 } },
      { id: 'dense1', type: 'Dense', params: { units: 3 } },
      { id: 'loss', type: 'SoftmaxCrossEntropy' },
    ]);
    const { document, diagnostics } = analyzed({ ...chain, dataset: file });
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'The dataset "points.csv" has examples of 3, but this Input is 4.',
      'The dataset "points.csv" has 2 classes, but loss receives 3 scores (1 never a target).',
    ]);
    const fixed = diagnostics.reduce((edited, diagnostic) => apply(edited, diagnostic.fix as DocumentFix), document);
    expect(fixed.nodes.map((node) => node.params.features ?? node.params.units)).toEqual([3, 2, undefined]);
    expect(analyzed(fixed).diagnostics).toEqual([]);
    // Without a summary nothing is known of the file, so nothing is claimed.
    const { summary: _summary, ...unread } = file;
    expect(analyzed({ ...chain, dataset: unread }).diagnostics).toEqual([]);
  });

  it('a label column on a format other than CSV is a warning; token ids cannot be normalized', () => {
    const chain = chainDocument([{ id: 'input1', type: 'Input', params: { kind: 'vector', features: 2 } }, { type: 'Dense', params: { units: 2 } }, { type: 'SoftmaxCrossEntropy' }]);
    const [labelled] = analyzed({ ...chain, dataset: { source: 'file', format: 'npy', path: 'x.npy', labelColumn: 'y' } }).diagnostics;
    expect([labelled.severity, labelled.field]).toEqual(['warning', 'dataset.labelColumn']);
    const text = chainDocument([{ type: 'Input', params: { kind: 'tokens', steps: 4 } }, { type: 'Embedding' }, { type: 'Dense', params: { units: 2 } }, { type: 'SoftmaxCrossEntropy' }], 'sequence');
    const tokens = analyzed({ ...text, dataset: { source: 'file', format: 'text', path: 'a.txt', normalization: 'standardize', summary: { inputDims: [4], classCount: 2, exampleCount: 9 } } });
    expect(tokens.diagnostics.map((diagnostic) => [diagnostic.severity, diagnostic.field])).toContainEqual(['error', 'dataset.normalization']);
  });
});

describe('the Dense that ends a classifier', () => {
  const classifier = (units: number) => mlp(image(28, 28, 1), units);

  it('gets the class count when it or the head is the layer just added, while its units are the default (64)', () => {
    const document = analyzed(classifier(64)).document;
    expect(classifierUnitsFor(document, new Set(['loss']))).toEqual([{ nodeId: 'dense2', units: 10 }]);
    expect(classifierUnitsFor(document, new Set(['dense2']))).toEqual([{ nodeId: 'dense2', units: 10 }]);
    expect(classifierUnitsFor(document, new Set(['relu1']))).toEqual([]);
  });

  it('keeps a count the user typed, and gives nothing where the classes are unknown', () => {
    expect(classifierUnitsFor(analyzed(classifier(7)).document, new Set(['loss']))).toEqual([]);
    const { dataset: _dataset, ...noData } = analyzed(classifier(64)).document;
    expect(classifierUnitsFor(noData, new Set(['loss']))).toEqual([]);
    const regress = { ...analyzed(classifier(64)).document, dataset: { source: 'builtin' as const, name: 'sine' } };
    expect(classifierUnitsFor(regress, new Set(['loss']))).toEqual([]);
  });
});
