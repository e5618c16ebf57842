import { describe, expect, it } from 'vitest';
import { autoLayout, connectedParts, elkGraph, needsLayout } from '../../../renderer/editor/autoLayout.ts';
import type { GraphDocument } from '../../../engine/graph/index.ts';
import { moveNodes } from '../../../renderer/editor/documentEdits.ts';
import { createFileCommands } from '../../../renderer/shell/fileCommands.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { writeDocumentText } from '../../../renderer/document/documentText.ts';
import { example } from '../documents.ts';
import { createFakePlatform } from '../fakePlatform.ts';

function piled(name: string) {
  const { document } = example(name);
  return { ...document, nodes: document.nodes.map((node) => ({ ...node, position: { x: 0, y: 0 } })) };
}

/** Pairs of layers whose boxes (the sizes the layout was given, at the positions it returned) overlap. */
function overlaps(document: GraphDocument, positions: Map<string, { x: number; y: number }>): string[] {
  const boxes = (elkGraph(document).children ?? []).map((child) => {
    const at = positions.get(child.id) ?? { x: Number.NaN, y: Number.NaN };
    return { id: child.id, left: at.x, top: at.y, right: at.x + (child.width ?? 0), bottom: at.y + (child.height ?? 0) };
  });
  const found: string[] = [];
  for (const [index, a] of boxes.entries()) {
    for (const b of boxes.slice(index + 1)) {
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      if (!apart) found.push(`${a.id} and ${b.id}`);
    }
  }
  return found;
}

describe('auto layout', () => {
  it('lays a chain out left to right, on the grid, without overlaps', async () => {
    const document = piled('xo-cnn');
    expect(needsLayout(document)).toBe(true);
    // Piled at one point, each of the 7 layers overlaps the 6 others: 21 pairs.
    expect(overlaps(document, new Map(document.nodes.map((node) => [node.id, node.position])))).toHaveLength(21);
    const positions = await autoLayout(document);
    const order = ['input1', 'conv2d1', 'relu1', 'maxpool2d1', 'flatten1', 'dense1', 'softmaxcrossentropy1'];
    const xs = order.map((id) => positions.get(id)?.x ?? Number.NaN);
    for (let index = 1; index < xs.length; index++) expect(xs[index]).toBeGreaterThan(xs[index - 1] + 150);
    for (const position of positions.values()) expect(position.x % 20 === 0 && position.y % 20 === 0).toBe(true);
    expect(positions.size).toBe(document.nodes.length);
    expect(overlaps(document, positions)).toEqual([]);
    expect(needsLayout(moveNodes(document, positions))).toBe(false);
  });

  it('keeps every edge pointing rightwards in a branching graph', async () => {
    const document = piled('conv-autoencoder');
    const positions = await autoLayout(document);
    for (const edge of document.edges) expect(positions.get(edge.target)?.x ?? 0).toBeGreaterThan(positions.get(edge.source)?.x ?? 0);
    expect(overlaps(document, positions)).toEqual([]);
  });

  it('places the layers of a graph with two chains side by side without overlaps', async () => {
    const document = piled('dcgan-mnist');
    const positions = await autoLayout(document);
    expect(positions.size).toBe(document.nodes.length);
    expect(overlaps(document, positions)).toEqual([]);
  });

  it('leaves graphs with their own layout alone, and lays out opened files whose layers overlap', async () => {
    expect(needsLayout(example('xo-cnn').document)).toBe(false);
    const platform = createFakePlatform();
    const store = createEditorStore(example('mnist-mlp').document);
    const commands = createFileCommands(store, platform, () => true);
    platform.nextOpen = { text: writeDocumentText(piled('xo-cnn')), reference: { name: 'piled.json', key: 'piled' } };
    await commands.open();
    expect(store.getState().file?.name).toBe('piled.json');
    expect(needsLayout(store.getState().document)).toBe(false);
  });
});

describe('autoLayout in rows', () => {
  it('numbers the DCGAN\'s two connected parts in document order', () => {
    const parts = connectedParts(example('dcgan-mnist').document);
    expect([parts.get('input1'), parts.get('tanh1'), parts.get('input2'), parts.get('bce1')]).toEqual([0, 0, 1, 1]);
  });

  it('lays the convolutional autoencoder out for a 920 × 452 canvas as encoder, bottleneck and decoder rows', async () => {
    const { document } = example('conv-autoencoder');
    const positions = await autoLayout(piled('conv-autoencoder'), { width: 920, height: 452, readableZoom: 0.82, margins: { x: 60, y: 64 } });
    // Rows are 160 to 180 px apart here; a layer sits up to 40 px below its row's top.
    const rowOf = (group: string) => new Set(document.nodes.filter((node) => node.group === group).map((node) => Math.round((positions.get(node.id)?.y ?? Number.NaN) / 160)));
    expect(rowOf('encoder')).toEqual(new Set([0]));
    expect(rowOf('bottleneck')).toEqual(new Set([1]));
    expect(rowOf('decoder')).toEqual(new Set([2]));
    expect(overlaps(document, positions)).toEqual([]);
  });
});
