import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { blockActions } from '../../../renderer/editor/blockActions.ts';
import { COLLAPSED_NODE_HEIGHT, collapseBlock, expandBlock } from '../../../renderer/editor/collapseLayout.ts';
import { COLLAPSED_NODE_WIDTH } from '../../../renderer/editor/flowModel.ts';
import { example, exampleInOneRow } from '../documents.ts';

const xOf = (document: { nodes: readonly { id: string; position: { x: number } }[] }, id: string) => document.nodes.find((node) => node.id === id)?.position.x;

describe('collapsing closes up the space', () => {
  // The conv autoencoder runs left to right, 220 apart: Encoder conv2d1..relu2 at x 220..880, then conv2d3 at 1100.
  const { document } = exampleInOneRow('conv-autoencoder');

  it('moves the layers after a collapsed block left by the width it no longer takes', () => {
    const collapsed = collapseBlock(document, 'encoder');
    // The encoder spans 220..1030 (its last layer is 150 wide): 810 wide, 640 more than its node.
    expect(xOf(collapsed, 'conv2d3')).toBe(1100 - 640);
    expect(xOf(collapsed, 'mse1')).toBe(2420 - 640);
    expect(xOf(collapsed, 'input1')).toBe(0);
    expect(xOf(collapsed, 'conv2d1')).toBe(220);
    // The next layer keeps the gap the encoder's last layer had to it (70).
    expect((xOf(collapsed, 'conv2d3') ?? 0) - (220 + COLLAPSED_NODE_WIDTH)).toBe(70);
    expect(collapsed.groups.find((group) => group.id === 'encoder')?.collapsed).toBe(true);
  });

  it('expanding moves them back, so collapse then expand is the layout it started from', () => {
    const roundTrip = expandBlock(collapseBlock(document, 'encoder'), 'encoder');
    expect(roundTrip.nodes.map((node) => node.position)).toEqual(document.nodes.map((node) => node.position));
    const both = expandBlock(expandBlock(collapseBlock(collapseBlock(document, 'encoder'), 'decoder'), 'encoder'), 'decoder');
    expect(both.nodes.map((node) => node.position)).toEqual(document.nodes.map((node) => node.position));
  });

  it('in a graph laid out in rows, moves only the layers in the rows of the block', () => {
    // As stored: encoder row (input1 0, conv2d1 220 … relu2 880, y 0..40), bottleneck row (y 180..200),
    // decoder row: convtranspose2d1 0 … sigmoid1 660 (y 340..380), then mse1 at 880.
    const { document: rows } = example('conv-autoencoder');
    const collapsed = collapseBlock(rows, 'decoder');
    expect(xOf(collapsed, 'mse1')).toBe(880 - 640);
    // relu2 (encoder) is right of the decoder's edge too, but in another row: it stays.
    expect(xOf(collapsed, 'relu2')).toBe(880);
    expect(expandBlock(collapsed, 'decoder').nodes.map((node) => node.position)).toEqual(rows.nodes.map((node) => node.position));
  });

  it('closes up vertically for a block laid out top to bottom', () => {
    const tall = { ...document, nodes: document.nodes.map((node, index) => ({ ...node, position: { x: 0, y: index * 140 } })) };
    const collapsed = collapseBlock(tall, 'encoder');
    // Encoder: y 140..560 + 120 tall = 540 high, 440 more than its node.
    expect(collapsed.nodes.find((node) => node.id === 'conv2d3')?.position.y).toBe(5 * 140 - (540 - COLLAPSED_NODE_HEIGHT));
  });

  it('is one undoable edit through the block buttons', () => {
    const store = createEditorStore(document);
    const actions = blockActions(store, { save: (block) => ({ ...block, id: 'saved' }) });
    actions.setCollapsed('encoder', true);
    expect(xOf(store.getState().document, 'conv2d3')).toBe(460);
    expect(store.getState().undoLabel).toBe('Collapse Encoder');
    store.undo();
    expect(store.getState().document).toEqual(document);
  });
});
