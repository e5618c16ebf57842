import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../engine/graph/index.ts';
import { copyNodes, pasteFragment, PASTE_OFFSET } from '../../renderer/editor/clipboard.ts';
import { example } from './documents.ts';

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
});
