import { describe, expect, it } from 'vitest';
import { analyzeGraph, type GraphDocument } from '../../../engine/graph/index.ts';
import { checkConnection } from '../../../renderer/editor/connectionCheck.ts';
import { example } from '../documents.ts';

/** The MNIST MLP with its first edge (input -> flatten) and the Flatten's outgoing edge removed. */
function loose(): { document: GraphDocument; analysis: ReturnType<typeof analyzeGraph> } {
  const { document } = example('mnist-mlp');
  const cut: GraphDocument = { ...document, edges: document.edges.filter((edge) => edge.source !== 'flatten1') };
  return { document: cut, analysis: analyzeGraph(cut) };
}

describe('connection check', () => {
  it('accepts a connection whose shapes work', () => {
    const { document, analysis } = loose();
    expect(checkConnection(document, analysis, { source: 'flatten1', target: 'dense1', targetPort: 'in' })).toEqual({ ok: true });
  });

  it('refuses an image into Dense, saying to insert a Flatten', () => {
    const { document, analysis } = loose();
    const verdict = checkConnection(document, analysis, { source: 'input1', target: 'dense1', targetPort: 'in' });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.reason).toBe('Dense expects a vector, but receives an image (28×28×1). Insert a Flatten layer before it.');
  });

  it('refuses a second edge into an occupied port', () => {
    const { document, analysis } = example('mnist-mlp');
    const verdict = checkConnection(document, analysis, { source: 'input1', target: 'relu1', targetPort: 'in' });
    expect(verdict).toEqual({ ok: false, reason: "relu1's input is already fed by dense1; delete that edge first." });
  });

  it('refuses a cycle', () => {
    const { document } = example('mnist-mlp');
    const open: GraphDocument = { ...document, edges: document.edges.filter((edge) => edge.target !== 'dense1') };
    const verdict = checkConnection(open, analyzeGraph(open), { source: 'dense2', target: 'dense1', targetPort: 'in' });
    expect(verdict).toEqual({ ok: false, reason: 'That would make a loop: dense1 already feeds dense2.' });
  });

  it('refuses a connection into an Input, out of a loss head, or onto itself', () => {
    const { document, analysis } = loose();
    expect(checkConnection(document, analysis, { source: 'flatten1', target: 'input1', targetPort: null })).toMatchObject({ ok: false, reason: expect.stringContaining('Input takes no input') });
    expect(checkConnection(document, analysis, { source: 'softmaxcrossentropy1', target: 'dense1', targetPort: 'in' })).toMatchObject({ ok: false, reason: expect.stringContaining('loss head') });
    expect(checkConnection(document, analysis, { source: 'dense1', target: 'dense1', targetPort: 'in' }).ok).toBe(false);
  });

  it('checks a second input against the first (Add needs equal shapes)', () => {
    const base = example('mnist-mlp').document;
    const document: GraphDocument = {
      ...base,
      nodes: [...base.nodes, { id: 'add1', type: 'Add', params: {}, position: { x: 0, y: 300 } }],
      edges: [...base.edges, { id: 'ea', source: 'dense1', sourcePort: 'out', target: 'add1', targetPort: 'a' }],
    };
    const analysis = analyzeGraph(document);
    expect(checkConnection(document, analysis, { source: 'relu1', target: 'add1', targetPort: 'b' })).toEqual({ ok: true });
    expect(checkConnection(document, analysis, { source: 'dense2', target: 'add1', targetPort: 'b' }).ok).toBe(false);
  });
});
