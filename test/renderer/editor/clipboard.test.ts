import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../engine/graph/index.ts';
import { copyNodes, fragmentText, offsetTo, pasteFragment, PASTE_OFFSET, readFragment, withoutEdges } from '../../../renderer/editor/clipboard.ts';
import { example } from '../documents.ts';

describe('clipboard', () => {
  it('copies layers with the edges among them and pastes them with fresh ids, offset', () => {
    const { document } = example('xo-cnn');
    const fragment = copyNodes(document, new Set(['conv2d1', 'relu1']));
    expect(fragment?.nodes.map((node) => node.id)).toEqual(['conv2d1', 'relu1']);
    expect(fragment?.edges.map((edge) => edge.id)).toEqual(['e2']);
    if (fragment === null) return;
    const pasted = pasteFragment(document, fragment);
    expect(pasted.nodeIds).toEqual(['conv2d2', 'relu2']);
    const copy = pasted.document.nodes.find((node) => node.id === 'conv2d2');
    expect(copy?.params).toEqual(document.nodes[1].params);
    expect(copy?.position).toEqual({ x: document.nodes[1].position.x + PASTE_OFFSET.x, y: document.nodes[1].position.y + PASTE_OFFSET.y });
    const edge = pasted.document.edges.at(-1);
    expect(edge).toMatchObject({ source: 'conv2d2', target: 'relu2' });
    expect(new Set(pasted.document.edges.map((item) => item.id)).size).toBe(pasted.document.edges.length);
    expect(analyzeGraph(pasted.document).document).not.toBeNull();
  });

  it('copies nothing for no layers, and leaves groups behind', () => {
    const { document } = example('conv-autoencoder');
    expect(copyNodes(document, new Set(['missing']))).toBeNull();
    const grouped = document.nodes.find((node) => node.group !== undefined);
    const fragment = grouped === undefined ? null : copyNodes(document, new Set([grouped.id]));
    if (fragment === null) throw new Error('the autoencoder has no grouped layer');
    const pasted = pasteFragment(document, fragment);
    expect(pasted.document.nodes.at(-1)?.group).toBeUndefined();
  });

  it('travels as clipboard text into another graph, with or without its edges', () => {
    const source = example('xo-cnn').document;
    const fragment = copyNodes(source, new Set(['conv2d1', 'relu1', 'maxpool2d1']));
    if (fragment === null) throw new Error('nothing copied');
    const text = fragmentText(fragment);
    expect(readFragment(text)).toEqual(fragment);
    const target = example('mnist-mlp').document;
    const pasted = pasteFragment(target, readFragment(text) ?? fragment);
    expect(pasted.document.nodes.length).toBe(target.nodes.length + 3);
    expect(pasted.document.edges.length).toBe(target.edges.length + 2);
    const bare = pasteFragment(target, withoutEdges(fragment));
    expect(bare.document.edges).toEqual(target.edges);
    expect(bare.document.nodes.slice(-3).map((node) => node.type)).toEqual(['Conv2D', 'ReLU', 'MaxPool2D']);
  });

  it('lands a paste with its top-left layer at the pointer', () => {
    const { document } = example('xo-cnn');
    const fragment = copyNodes(document, new Set(['conv2d1', 'relu1']));
    if (fragment === null) throw new Error('nothing copied');
    const pasted = pasteFragment(document, fragment, offsetTo(fragment, { x: 1000.4, y: -50 }));
    const placed = pasted.document.nodes.slice(-2).map((node) => node.position);
    expect(Math.min(...placed.map((position) => position.x))).toBe(1000);
    expect(Math.min(...placed.map((position) => position.y))).toBe(-50);
  });

  it('reads other text as no fragment, and drops edges that leave it', () => {
    expect(readFragment('hello')).toBeNull();
    expect(readFragment('{"format": "netloom.layers", broken')).toBeNull();
    expect(readFragment(JSON.stringify({ format: 'netloom.layers', version: 1, nodes: [], edges: [] }))).toBeNull();
    expect(readFragment(JSON.stringify({ format: 'netloom.layers', version: 1, nodes: [{ id: 'a', type: 'ReLU' }], edges: [] }))).toBeNull();
    const node = { id: 'relu1', type: 'ReLU', params: {}, position: { x: 0, y: 0 } };
    const stray = { id: 'e1', source: 'relu1', sourcePort: 'out', target: 'elsewhere', targetPort: 'in' };
    expect(readFragment(JSON.stringify({ format: 'netloom.layers', version: 1, nodes: [node], edges: [stray] }))).toEqual({ nodes: [node], edges: [] });
  });
});
