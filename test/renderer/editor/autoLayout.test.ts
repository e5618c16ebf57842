import { describe, expect, it } from 'vitest';
import { autoLayout, needsLayout } from '../../../renderer/editor/autoLayout.ts';
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

describe('auto layout', () => {
  it('lays a chain out left to right, on the grid, without overlaps', async () => {
    const document = piled('xo-cnn');
    expect(needsLayout(document)).toBe(true);
    const positions = await autoLayout(document);
    const order = ['input1', 'conv2d1', 'relu1', 'maxpool2d1', 'flatten1', 'dense1', 'softmaxcrossentropy1'];
    const xs = order.map((id) => positions.get(id)?.x ?? Number.NaN);
    for (let index = 1; index < xs.length; index++) expect(xs[index]).toBeGreaterThan(xs[index - 1] + 150);
    for (const position of positions.values()) expect(position.x % 20 === 0 && position.y % 20 === 0).toBe(true);
    expect(needsLayout(moveNodes(document, positions))).toBe(false);
  });

  it('keeps every edge pointing rightwards in a branching graph', async () => {
    const document = piled('conv-autoencoder');
    const positions = await autoLayout(document);
    for (const edge of document.edges) expect(positions.get(edge.target)?.x ?? 0).toBeGreaterThan(positions.get(edge.source)?.x ?? 0);
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
