import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../engine/graph/index.ts';
import { copyNodes, fragmentText, freeOffset, LAYER_FOOTPRINT, offsetTo, pasteFragment, PASTE_OFFSET, readFragment, withoutEdges } from '../../../renderer/editor/clipboard.ts';
import { exampleInOneRow } from '../documents.ts';

describe('clipboard', () => {
  it('copies layers with the edges among them and pastes them with fresh ids, offset', () => {
    const { document } = exampleInOneRow('xo-cnn');
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
    const { document } = exampleInOneRow('conv-autoencoder');
    expect(copyNodes(document, new Set(['missing']))).toBeNull();
    const grouped = document.nodes.find((node) => node.group !== undefined);
    const fragment = grouped === undefined ? null : copyNodes(document, new Set([grouped.id]));
    if (fragment === null) throw new Error('the autoencoder has no grouped layer');
    const pasted = pasteFragment(document, fragment);
    expect(pasted.document.nodes.at(-1)?.group).toBeUndefined();
  });

  it('travels as clipboard text into another graph, with or without its edges', () => {
    const source = exampleInOneRow('xo-cnn').document;
    const fragment = copyNodes(source, new Set(['conv2d1', 'relu1', 'maxpool2d1']));
    if (fragment === null) throw new Error('nothing copied');
    const text = fragmentText(fragment);
    expect(readFragment(text)).toEqual(fragment);
    const target = exampleInOneRow('mnist-mlp').document;
    const pasted = pasteFragment(target, readFragment(text) ?? fragment);
    expect(pasted.document.nodes.length).toBe(target.nodes.length + 3);
    expect(pasted.document.edges.length).toBe(target.edges.length + 2);
    const bare = pasteFragment(target, withoutEdges(fragment));
    expect(bare.document.edges).toEqual(target.edges);
    expect(bare.document.nodes.slice(-3).map((node) => node.type)).toEqual(['Conv2D', 'ReLU', 'MaxPool2D']);
  });

  it('lands a paste with its top-left layer at the pointer', () => {
    const { document } = exampleInOneRow('xo-cnn');
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

  it('puts each repeated paste in free space: none lands on the original or an earlier paste', () => {
    let { document } = exampleInOneRow('xo-cnn');
    const fragment = copyNodes(document, new Set(['conv2d1', 'relu1']));
    if (fragment === null) throw new Error('nothing copied');
    const pastes: string[][] = [];
    for (let round = 0; round < 3; round++) {
      const pasted = pasteFragment(document, fragment, freeOffset(document, fragment));
      pastes.push(pasted.nodeIds);
      document = pasted.document;
    }
    const positions = document.nodes.map((node) => ({ id: node.id, ...node.position }));
    for (const a of positions)
      for (const b of positions) {
        if (a.id === b.id) continue;
        const apart = Math.abs(a.x - b.x) >= LAYER_FOOTPRINT.width || Math.abs(a.y - b.y) >= LAYER_FOOTPRINT.height;
        expect(apart, `${a.id} and ${b.id}`).toBe(true);
      }
    expect(pastes).toEqual([['conv2d2', 'relu2'], ['conv2d3', 'relu3'], ['conv2d4', 'relu4']]);
  });

  it('keeps the place asked for when it is free', () => {
    const { document } = exampleInOneRow('xo-cnn');
    const fragment = copyNodes(document, new Set(['relu1']));
    if (fragment === null) throw new Error('nothing copied');
    const far = offsetTo(fragment, { x: 5000, y: 5000 });
    expect(freeOffset(document, fragment, far)).toEqual(far);
    // Right on top of the original: the first free place is below every layer it would cover.
    const onTop = freeOffset(document, fragment, { x: 0, y: 0 });
    expect(onTop.x).toBe(0);
    const relu = fragment.nodes[0].position;
    const landed = { x: relu.x, y: relu.y + onTop.y };
    expect(document.nodes.every((node) => Math.abs(node.position.x - landed.x) >= LAYER_FOOTPRINT.width || Math.abs(node.position.y - landed.y) >= LAYER_FOOTPRINT.height)).toBe(true);
    expect(onTop.y).toBeGreaterThanOrEqual(LAYER_FOOTPRINT.height);
    expect(onTop.y).toBeLessThan(LAYER_FOOTPRINT.height + 40);
  });
});
