import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../engine/graph/index.ts';
import { commitDrag } from '../../../renderer/editor/canvasEdits.ts';
import { collapsedBlocks, memberMoves, routeEdges, selectedLayers } from '../../../renderer/editor/collapsedBlocks.ts';
import { isLayerNode, toFlowModel, type CollapsedFlowNode } from '../../../renderer/editor/flowModel.ts';
import { setCollapsed } from '../../../renderer/editor/grouping.ts';
import { exampleInOneRow } from '../documents.ts';

describe('collapsed blocks', () => {
  const { document: autoencoder } = exampleInOneRow('dense-autoencoder');
  const document = setCollapsed(autoencoder, 'encoder', true);
  const analysis = analyzeGraph(document);

  it('sums a collapsed block: name, shapes in and out, parameters, members', () => {
    const [encoder] = collapsedBlocks(document, analysis);
    expect(encoder).toMatchObject({ nodeId: 'block:encoder', position: { x: 220, y: 0 }, memberIds: ['flatten1', 'dense1', 'relu1'], inputShapes: ['28×28×1'], outputShapes: ['128'] });
    expect(encoder.parameterCount).toBe(784 * 128 + 128);
    expect(collapsedBlocks(autoencoder, analyzeGraph(autoencoder))).toEqual([]);
  });

  it('reroutes edges to the collapsed node and hides the ones inside it', () => {
    const routed = routeEdges(document, collapsedBlocks(document, analysis));
    expect(routed.map((edge) => edge.edge.id)).toEqual(['e1', 'e4', 'e5', 'e6', 'e7', 'e8', 'e9', 'e10']);
    expect(routed[0]).toMatchObject({ source: 'input1', target: 'block:encoder', targetPort: 'in' });
    expect(routed[1]).toMatchObject({ source: 'block:encoder', sourcePort: 'out', target: 'dense2' });
  });

  it('draws one node in place of the members, and no frame for the collapsed group', () => {
    const model = toFlowModel(document, analysis);
    const layers = model.nodes.filter(isLayerNode).map((node) => node.id);
    expect(layers).not.toContain('dense1');
    expect(layers).toContain('dense2');
    expect(model.nodes.filter((node) => node.type === 'block').map((node) => node.id)).toEqual(['group:bottleneck', 'group:decoder']);
    const collapsed = model.nodes.find((node): node is CollapsedFlowNode => node.type === 'collapsed');
    expect(collapsed?.data).toMatchObject({ groupId: 'encoder', name: 'Encoder', memberCount: 3, inputShapes: ['28×28×1'], outputShapes: ['128'], parameterCount: 100480 });
    expect(model.edges.find((edge) => edge.id === 'e1')).toMatchObject({ target: 'block:encoder', targetHandle: 'in' });
  });

  it('moves every member when the collapsed node is dragged, and selects its members', () => {
    const moves = memberMoves(document, 'encoder', { x: 240, y: 100 });
    expect(moves.get('flatten1')).toEqual({ x: 240, y: 100 });
    expect(moves.get('relu1')).toEqual({ x: 680, y: 100 });
    const dragged = commitDrag(document, [{ id: 'block:encoder', position: { x: 240, y: 100 }, data: {} }]);
    expect(dragged.nodes.find((node) => node.id === 'dense1')?.position).toEqual({ x: 460, y: 100 });
    expect([...selectedLayers(document, ['block:encoder', 'mse1'])]).toEqual(['flatten1', 'dense1', 'relu1', 'mse1']);
  });
});
