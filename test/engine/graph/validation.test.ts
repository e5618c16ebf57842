// Validation: each kind of problem is reported on the right node or field, with a fix where one exists.
import { describe, expect, it } from 'vitest';
import { analyzeGraph, formatDiagnostic, formatShape, hasErrors, type Diagnostic } from '../../../engine/graph/index.ts';
import { chainDocument } from './build.ts';

const image = { type: 'Input', params: { kind: 'image', height: 28, width: 28, channels: 1 } };
const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 'error');

describe('analyzeGraph', () => {
  it('infers every node and edge shape of a valid chain', () => {
    const chain = chainDocument([image, { type: 'Conv2D', params: { filters: 8 } }, { type: 'ReLU' }, { type: 'Flatten' }, { type: 'Dense', params: { units: 10 } }, { type: 'SoftmaxCrossEntropy' }]);
    const analysis = analyzeGraph({ ...chain, dataset: { source: 'builtin', name: 'mnist' } });
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.order).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
    expect(['e0', 'e1', 'e2', 'e3', 'e4'].map((id) => formatShape(analysis.edgeShapes.get(id)!))).toEqual(['28×28×1', '26×26×8', '26×26×8', '5408', '10']);
    expect(analysis.totalParameters).toBe(3 * 3 * 8 + 8 + 5408 * 10 + 10);
  });

  it('Dense straight after Conv2D says so and suggests inserting Flatten on that edge', () => {
    const analysis = analyzeGraph(chainDocument([image, { type: 'Conv2D' }, { type: 'Dense' }, { type: 'SoftmaxCrossEntropy' }]));
    const [problem] = errors(analysis.diagnostics);
    expect(problem.nodeId).toBe('n2');
    expect(problem.message).toContain('Dense expects a vector');
    expect(problem.suggestion).toContain('Flatten');
    expect(problem.fix).toEqual({ kind: 'insertNode', edgeId: 'e1', type: 'Flatten', params: undefined });
    expect(formatDiagnostic(problem)).toMatch(/^node n2: Dense expects a vector, but receives an image \(26×26×8\)\. Insert a Flatten/);
  });

  it('reports a cycle on each node in it, with the path', () => {
    const document = chainDocument([image, { type: 'Dense' }, { type: 'ReLU' }, { type: 'Dense', params: { units: 2 } }, { type: 'SoftmaxCrossEntropy' }], 'classify');
    document.nodes[1].type = 'Add';
    document.edges[0].targetPort = 'a';
    document.edges.push({ id: 'back', source: 'n3', sourcePort: 'out', target: 'n1', targetPort: 'b' });
    const cycle = analyzeGraph(document).diagnostics.filter((diagnostic) => diagnostic.message.includes('part of a cycle'));
    expect(cycle.map((diagnostic) => diagnostic.nodeId).sort()).toEqual(['n1', 'n2', 'n3']);
    expect(cycle[0].message).toMatch(/n\d → n\d → n\d → n\d/);
  });

  it('reports unconnected inputs, dangling edges, doubled ports and self-loops', () => {
    const document = chainDocument([image, { type: 'Flatten' }, { type: 'Dense' }, { type: 'SoftmaxCrossEntropy' }]);
    document.edges.splice(1, 1);
    document.edges.push({ id: 'ghost', source: 'n0', sourcePort: 'out', target: 'nowhere', targetPort: 'in' });
    document.edges.push({ id: 'twice', source: 'n0', sourcePort: 'out', target: 'n1', targetPort: 'in' });
    document.edges.push({ id: 'loop', source: 'n3', sourcePort: 'out', target: 'n3', targetPort: 'in' });
    const messages = analyzeGraph(document).diagnostics.map((diagnostic) => formatDiagnostic(diagnostic));
    expect(messages).toContain('node n2: The input is not connected. Connect a vector, or a sequence (applied per time step).');
    expect(messages).toContain('edge ghost: The edge connects node "nowhere", which does not exist. Delete the edge.');
    expect(messages.some((message) => message.startsWith('node n1: Input "in" already receives node "n0"'))).toBe(true);
    expect(messages.some((message) => message.startsWith('node n3: The edge connects a node to itself'))).toBe(true);
  });

  it('reports bad params by field, with the default as a fix', () => {
    const analysis = analyzeGraph(chainDocument([image, { type: 'Conv2D', params: { filters: 0, kernelSize: [3, 3, 3], padding: 'full', bogus: 1 } }, { type: 'Flatten' }, { type: 'Dense', params: { units: 2.5 } }, { type: 'SoftmaxCrossEntropy' }]));
    const byField = new Map(analysis.diagnostics.map((diagnostic) => [diagnostic.field, diagnostic]));
    expect(byField.get('filters')?.message).toBe('filters must be between 1 and 4096; it is 0.');
    expect(byField.get('filters')?.fix).toEqual({ kind: 'setParam', nodeId: 'n1', field: 'filters', value: 8 });
    expect(byField.get('kernelSize')?.message).toMatch(/list of 1 to 2 whole numbers/);
    expect(byField.get('padding')?.message).toMatch(/must be one of "valid", "same", "explicit"/);
    expect(byField.get('bogus')?.severity).toBe('warning');
    expect(byField.get('units')?.message).toMatch(/whole number/);
  });

  it('a kernel that does not fit offers a one-click kernel size', () => {
    const analysis = analyzeGraph(chainDocument([{ type: 'Input', params: { kind: 'image', height: 4, width: 4, channels: 1 } }, { type: 'Conv2D', params: { kernelSize: [7, 7] } }, { type: 'Flatten' }, { type: 'Dense', params: { units: 2 } }, { type: 'SoftmaxCrossEntropy' }]));
    const [problem] = errors(analysis.diagnostics);
    expect(problem.fix).toEqual({ kind: 'setParam', nodeId: 'n1', field: 'kernelSize', value: [4, 4] });
  });

  it('no input, no loss, the wrong loss for the task', () => {
    const noInput = analyzeGraph(chainDocument([{ type: 'Dense' }, { type: 'MSE' }], 'regress'));
    expect(noInput.diagnostics.map((diagnostic) => diagnostic.message)).toContain('The graph has no Input node.');
    const noLoss = analyzeGraph(chainDocument([image, { type: 'Flatten' }]));
    expect(noLoss.diagnostics.find((diagnostic) => diagnostic.field === 'training.task')?.message).toBe('The graph has no loss for the task "classify".');
    const wrong = analyzeGraph(chainDocument([image, { type: 'Flatten' }, { type: 'MSE' }], 'classify'));
    expect(errors(wrong.diagnostics).map((diagnostic) => diagnostic.message)).toEqual(['MSE is not a loss for the task "classify".']);
  });

  it('an autoencoder must reconstruct its input shape', () => {
    const analysis = analyzeGraph(chainDocument([image, { type: 'Flatten' }, { type: 'Dense', params: { units: 32 } }, { type: 'MSE' }], 'autoencode'));
    expect(errors(analysis.diagnostics)[0].message).toContain('the loss receives 32 but the input is 28×28×1');
  });

  it('unknown layer types suggest the closest name', () => {
    const analysis = analyzeGraph(chainDocument([image, { type: 'Conv2d' }, { type: 'Flatten' }, { type: 'Dense' }, { type: 'SoftmaxCrossEntropy' }]));
    const [problem] = errors(analysis.diagnostics);
    expect(problem).toMatchObject({ nodeId: 'n1', field: 'type', suggestion: 'Did you mean Conv2D?', fix: { kind: 'changeType', nodeId: 'n1', type: 'Conv2D' } });
  });

  it('a built-in dataset must exist and fit the Input', () => {
    const document = { ...chainDocument([{ type: 'Input', params: { kind: 'image', height: 32, width: 32, channels: 1 } }, { type: 'Flatten' }, { type: 'Dense', params: { units: 10 } }, { type: 'SoftmaxCrossEntropy' }]), dataset: { source: 'builtin', name: 'mnist' } };
    expect(errors(analyzeGraph(document).diagnostics).map((diagnostic) => formatDiagnostic(diagnostic))).toEqual(['node n0: The dataset "mnist" has examples of 28×28×1, but this Input is 32×32×1. Set the Input to 28×28×1.']);
    const misspelt = analyzeGraph({ ...document, dataset: { source: 'builtin', name: 'minst' } });
    expect(misspelt.diagnostics[0].suggestion).toBe('Did you mean "mnist"?');
  });

  it('structure errors name the node and path', () => {
    const document = chainDocument([image, { type: 'Flatten' }]);
    (document.nodes[1] as Record<string, unknown>).position = { x: 'left', y: 0 };
    const analysis = analyzeGraph(document);
    expect(analysis.document).toBeNull();
    expect(analysis.diagnostics[0]).toMatchObject({ nodeId: 'n1', field: 'nodes[1].position.x' });
    expect(hasErrors(analysis)).toBe(true);
  });
});
