import type { NodeChange } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { commitDrag, connectFlow, dropEntry, placeEntry, snapToGrid } from '../../../renderer/editor/canvasEdits.ts';
import type { FlowNode } from '../../../renderer/editor/flowModel.ts';
import { updateMeasuredSizes } from '../../../renderer/editor/measuredSizes.ts';
import { example } from '../documents.ts';

describe('canvas gestures', () => {
  const { document } = example('xo-cnn');

  it('snaps drops to the grid and places layers and blocks', () => {
    expect(snapToGrid({ x: 31, y: -9 })).toEqual({ x: 40, y: 0 });
    const layer = placeEntry(document, { name: 'Dropout', kind: 'layer' }, { x: 101, y: 249 });
    expect(layer?.nodeId).toBe('dropout1');
    expect(layer?.document.nodes.at(-1)?.position).toEqual({ x: 100, y: 240 });
    const block = placeEntry(document, { name: 'Generator', kind: 'block' }, { x: 0, y: 400 });
    expect(block?.document.groups.map((group) => group.kind)).toEqual(['Generator']);
    expect(placeEntry(document, { name: 'Nope', kind: 'layer' }, { x: 0, y: 0 })).toBeNull();
  });

  it('turns a React Flow connection into an edge between ports', () => {
    const wired = connectFlow(document, { source: 'input1', sourceHandle: null, target: 'flatten1', targetHandle: 'in' });
    expect(wired.edges.find((edge) => edge.target === 'flatten1')).toMatchObject({ source: 'input1', sourcePort: 'out', targetPort: 'in' });
  });

  it('commits dragged layers, not group frames', () => {
    const dragged = [
      { id: 'relu1', position: { x: 460, y: 80 }, data: {} },
      { id: 'group:encoder', position: { x: 0, y: 0 }, data: {} },
    ];
    const moved = commitDrag(document, dragged);
    expect(moved.nodes.find((node) => node.id === 'relu1')?.position).toEqual({ x: 460, y: 80 });
  });

  it('records measured sizes only when they change', () => {
    const change = (id: string, width: number, height: number): NodeChange<FlowNode> => ({ type: 'dimensions', id, dimensions: { width, height } });
    const first = updateMeasuredSizes(new Map(), [change('relu1', 150, 64), change('group:encoder', 500, 200)]);
    expect([...first.entries()]).toEqual([['relu1', { width: 150, height: 64 }]]);
    expect(updateMeasuredSizes(first, [change('relu1', 150.2, 64)])).toBe(first);
    expect(updateMeasuredSizes(first, [change('relu1', 150, 80)]).get('relu1')).toEqual({ width: 150, height: 80 });
  });
});

describe('dropping onto an edge', () => {
  const { document } = example('mnist-mlp');

  it('splits the edge with a dropped layer', () => {
    const edge = document.edges.find((item) => item.source === 'dense1');
    const dropped = dropEntry(document, { name: 'Dropout', kind: 'layer' }, { x: 0, y: 500 }, edge?.id ?? null);
    expect(dropped?.nodeId).toBe('dropout1');
    const edges = dropped?.document.edges ?? [];
    expect(edges.find((item) => item.target === 'dropout1')?.source).toBe('dense1');
    expect(edges.find((item) => item.source === 'dropout1')?.target).toBe('relu1');
    expect(edges.filter((item) => item.source === 'dense1')).toHaveLength(1);
  });

  it('places the entry at the point when no edge is under it, or for a block', () => {
    const placed = dropEntry(document, { name: 'Dropout', kind: 'layer' }, { x: 101, y: 499 }, null);
    expect(placed?.document.nodes.at(-1)?.position).toEqual({ x: 100, y: 500 });
    expect(placed?.document.edges).toEqual(document.edges);
    const block = dropEntry(document, { name: 'Generator', kind: 'block' }, { x: 0, y: 600 }, document.edges[0].id);
    expect(block?.document.groups.map((group) => group.kind)).toEqual(['Generator']);
  });
});
