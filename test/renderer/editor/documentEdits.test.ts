import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../engine/graph/index.ts';
import { addBlock } from '../../../renderer/editor/blockEdits.ts';
import { addNode, connect, freshId, moveNodes, newDocument, nextFreePosition, removeElements } from '../../../renderer/editor/documentEdits.ts';
import { exampleInOneRow } from '../documents.ts';

describe('document edits', () => {
  const { document } = exampleInOneRow('xo-cnn');

  it('starts a new graph that parses, with one Input', () => {
    const fresh = newDocument();
    const analysis = analyzeGraph(fresh);
    expect(analysis.document).not.toBeNull();
    expect(fresh.nodes.map((node) => node.type)).toEqual(['Input']);
  });

  it('moves nodes to whole-pixel positions and leaves the original alone', () => {
    const moved = moveNodes(document, new Map([['relu1', { x: 450.4, y: 19.6 }]]));
    expect(moved.nodes.find((node) => node.id === 'relu1')?.position).toEqual({ x: 450, y: 20 });
    expect(document.nodes.find((node) => node.id === 'relu1')?.position).toEqual({ x: 440, y: 0 });
    expect(moveNodes(document, new Map())).toBe(document);
  });

  it('adds a catalog layer with a fresh id and its usual params', () => {
    const added = addNode(document, 'Conv2D', { x: 10, y: 20 });
    expect(added?.node).toMatchObject({ id: 'conv2d2', type: 'Conv2D', position: { x: 10, y: 20 }, params: { filters: 8, kernelSize: [3, 3], stride: [1, 1] } });
    expect(added?.document.nodes).toHaveLength(8);
    expect(addNode(document, 'NoSuchLayer', { x: 0, y: 0 })).toBeNull();
    expect(freshId('ReLU', new Set(['relu1', 'relu2']))).toBe('relu3');
  });

  it('connects ports, replacing an edge already into the target port', () => {
    const rewired = connect(document, { source: 'input1', sourcePort: 'out', target: 'relu1', targetPort: 'in' });
    const into = rewired.edges.filter((edge) => edge.target === 'relu1');
    expect(into).toEqual([{ id: 'e7', source: 'input1', sourcePort: 'out', target: 'relu1', targetPort: 'in' }]);
    expect(connect(document, { source: 'relu1', sourcePort: 'out', target: 'relu1', targetPort: 'in' })).toBe(document);
  });

  it('removes nodes with their edges', () => {
    const removed = removeElements(document, new Set(['relu1']), new Set(['e6']));
    expect(removed.nodes.map((node) => node.id)).not.toContain('relu1');
    expect(removed.edges.map((edge) => edge.id)).toEqual(['e1', 'e4', 'e5']);
  });

  it('places an appended layer right of the rightmost node', () => {
    expect(nextFreePosition(document)).toEqual({ x: 1540, y: 0 });
    expect(nextFreePosition({ ...document, nodes: [] })).toEqual({ x: 0, y: 0 });
  });

  it('places a block as a chained group of layers whose shapes check out', () => {
    const fresh = newDocument();
    const start = { ...fresh, nodes: [{ ...fresh.nodes[0], params: { kind: 'vector', features: 784 } }] };
    const placed = addBlock(start, 'Encoder', { x: 220, y: 0 });
    if (placed === null) throw new Error('Encoder did not expand');
    const group = placed.document.groups[0];
    expect(group).toMatchObject({ name: 'Encoder', kind: 'Encoder' });
    expect(placed.nodes.every((node) => node.group === group.id)).toBe(true);
    expect(placed.document.edges).toHaveLength(placed.nodes.length - 1);
    const wired = connect(placed.document, { source: 'input1', sourcePort: 'out', target: placed.nodes[0].id, targetPort: 'in' });
    const analysis = analyzeGraph(wired);
    expect(analysis.document).not.toBeNull();
    expect(analysis.diagnostics.filter((diagnostic) => placed.nodes.some((node) => node.id === diagnostic.nodeId) && diagnostic.severity === 'error')).toEqual([]);
    expect(placed.nodes.map((node) => analysis.nodeShapes.get(node.id)?.dims)).toEqual([[128], [128], [64], [64]]);
    expect(addBlock(start, 'Nothing', { x: 0, y: 0 })).toBeNull();
  });
});
