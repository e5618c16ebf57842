import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../engine/graph/index.ts';
import { isLayerNode, mergeFlowNodes, toFlowModel, type FlowNode, type LayerFlowNode } from '../../../renderer/editor/flowModel.ts';
import { denseOnImage, exampleInOneRow } from '../documents.ts';

function layer(nodes: readonly FlowNode[], id: string): LayerFlowNode {
  const node = nodes.find((item) => item.id === id);
  if (node === undefined || !isLayerNode(node)) throw new Error(`no layer node ${id}`);
  return node;
}

describe('toFlowModel', () => {
  const xo = exampleInOneRow('xo-cnn');
  const model = toFlowModel(xo.document, xo.analysis);

  it('makes one layer node per document node, at its position', () => {
    expect(model.nodes.filter(isLayerNode).map((node) => node.id)).toEqual(['input1', 'conv2d1', 'relu1', 'maxpool2d1', 'flatten1', 'dense1', 'softmaxcrossentropy1']);
    expect(layer(model.nodes, 'maxpool2d1').position).toEqual({ x: 660, y: 0 });
    expect(model.nodes.some((node) => node.type === 'block')).toBe(false);
  });

  it('labels each edge with the shape it carries', () => {
    expect(model.edges.map((edge) => [edge.id, edge.data?.shape])).toEqual([
      ['e1', '9×9×1'],
      ['e2', '7×7×4'],
      ['e3', '7×7×4'],
      ['e4', '3×3×4'],
      ['e5', '36'],
      ['e6', '2'],
    ]);
    expect(model.edges[0]).toMatchObject({ source: 'input1', sourceHandle: 'out', target: 'conv2d1', targetHandle: 'in', type: 'shape' });
  });

  it('shows a layer type, key params, output shape and parameter count', () => {
    const conv = layer(model.nodes, 'conv2d1').data;
    expect(conv).toMatchObject({ layerType: 'Conv2D', title: 'conv2d1', category: 'Convolution', tone: 'convolution', outputShape: '7×7×4', parameterCount: 40, problems: [] });
    expect(conv.params).toEqual([
      { name: 'filters', value: '4' },
      { name: 'kernel', value: '3×3' },
    ]);
    expect(layer(model.nodes, 'input1').data.params).toEqual([{ name: 'kind', value: 'image' }]);
    expect(layer(model.nodes, 'softmaxcrossentropy1').data).toMatchObject({ hasOutput: false, outputShape: 'scalar' });
  });

  it('marks the selected node', () => {
    const selected = toFlowModel(xo.document, xo.analysis, { selectedNodeId: 'relu1' });
    expect(selected.nodes.filter((node) => node.selected === true).map((node) => node.id)).toEqual(['relu1']);
    const pasted = toFlowModel(xo.document, xo.analysis, { selectedNodeId: 'relu1', selectedNodeIds: ['relu1', 'dense1'] });
    expect(pasted.nodes.filter((node) => node.selected === true).map((node) => node.id).sort()).toEqual(['dense1', 'relu1']);
    // A fresh selection from elsewhere (a paste) replaces React Flow's; one React Flow has stays.
    const merged = mergeFlowNodes(selected.nodes, pasted.nodes, 'dense1');
    expect(merged.filter((node) => node.selected === true).map((node) => node.id).sort()).toEqual(['dense1', 'relu1']);
  });

  it('puts errors on the node and the edge at fault', () => {
    const broken = denseOnImage();
    const flow = toFlowModel(broken.document, broken.analysis);
    const dense = layer(flow.nodes, 'dense1').data;
    expect(dense.problems).toContainEqual({ severity: 'error', message: 'Dense expects a vector, but receives an image (28×28×1).', suggestion: 'Insert a Flatten layer before it.',
      fix: { kind: 'insertNode', edgeId: 'direct', type: 'Flatten', params: undefined },
    });
    expect(dense.outputShape).toBeNull();
    expect(flow.edges.find((edge) => edge.id === 'direct')?.data).toEqual({ shape: '28×28×1', problem: 'Dense expects a vector, but receives an image (28×28×1).' });
  });

  it('renders a type the catalog lacks as an unknown layer with an error', () => {
    const document = { ...xo.document, nodes: xo.document.nodes.map((node) => (node.id === 'relu1' ? { ...node, type: 'Relu' } : node)) };
    const relu = layer(toFlowModel(document, analyzeGraph(document)).nodes, 'relu1').data;
    expect(relu).toMatchObject({ layerType: 'Relu', category: 'Unknown', tone: 'unknown' });
    expect(relu.problems.some((problem) => problem.severity === 'error')).toBe(true);
  });

  it('draws a frame behind each group, named and toned by its block', () => {
    const autoencoder = exampleInOneRow('conv-autoencoder');
    const flow = toFlowModel(autoencoder.document, autoencoder.analysis);
    const frames = flow.nodes.filter((node) => node.type === 'block');
    expect(frames.map((frame) => [frame.id, frame.data.name, frame.data.tone, frame.data.memberCount])).toEqual([
      ['group:encoder', 'Encoder', 'encoder', 4],
      ['group:bottleneck', 'Bottleneck', 'bottleneck', 2],
      ['group:decoder', 'Decoder', 'decoder', 4],
    ]);
    expect(flow.nodes.findIndex((node) => node.type === 'layer')).toBe(3);
    expect(frames.every((frame) => frame.selectable === false && frame.draggable === false)).toBe(true);
    expect(layer(flow.nodes, 'conv2d1').data.groupName).toBe('Encoder');
  });
});

describe('mergeFlowNodes', () => {
  const xo = exampleInOneRow('xo-cnn');
  const first = toFlowModel(xo.document, xo.analysis).nodes;

  it('keeps what React Flow measured and takes the new data', () => {
    const measured = first.map((node) => (node.id === 'conv2d1' ? { ...node, measured: { width: 150, height: 120 } } : node));
    const renamed = { ...xo.document, nodes: xo.document.nodes.map((node) => (node.id === 'conv2d1' ? { ...node, label: 'Edges' } : node)) };
    const merged = mergeFlowNodes(measured, toFlowModel(renamed, xo.analysis).nodes);
    const conv = layer(merged, 'conv2d1');
    expect(conv.measured).toEqual({ width: 150, height: 120 });
    expect(conv.data.title).toBe('Edges');
  });

  it('keeps a multi-selection across edits, unless the inspector\'s layer was chosen elsewhere', () => {
    const picked = new Set(['conv2d1', 'relu1', 'dense1']);
    const selected = first.map((node) => (picked.has(node.id) ? { ...node, selected: true } : node));
    const selectedIds = (nodes: readonly FlowNode[]) => nodes.filter((node) => node.selected === true).map((node) => node.id);
    // An edit (here: conv2d1 renamed) with the inspector on relu1, one of the three.
    const renamed = { ...xo.document, nodes: xo.document.nodes.map((node) => (node.id === 'conv2d1' ? { ...node, label: 'Edges' } : node)) };
    const edited = toFlowModel(renamed, xo.analysis, { selectedNodeId: 'relu1' }).nodes;
    expect(selectedIds(mergeFlowNodes(selected, edited, 'relu1'))).toEqual(['conv2d1', 'relu1', 'dense1']);
    // Nothing in the inspector (a block or nothing clicked): React Flow's selection stands.
    expect(selectedIds(mergeFlowNodes(selected, toFlowModel(renamed, xo.analysis).nodes, null))).toEqual(['conv2d1', 'relu1', 'dense1']);
    // The inspector's layer is one React Flow had not selected: it alone is selected.
    const elsewhere = toFlowModel(xo.document, xo.analysis, { selectedNodeId: 'flatten1' }).nodes;
    expect(selectedIds(mergeFlowNodes(selected, elsewhere, 'flatten1'))).toEqual(['flatten1']);
    // A deleted layer leaves the selection.
    const removed = { ...xo.document, nodes: xo.document.nodes.filter((node) => node.id !== 'dense1') };
    expect(selectedIds(mergeFlowNodes(selected, toFlowModel(removed, xo.analysis, { selectedNodeId: 'relu1' }).nodes, 'relu1'))).toEqual(['conv2d1', 'relu1']);
  });

  it('keeps the position of a node being dragged', () => {
    const dragging = first.map((node) => (node.id === 'relu1' ? { ...node, dragging: true, position: { x: 500, y: 40 } } : node));
    expect(layer(mergeFlowNodes(dragging, first), 'relu1').position).toEqual({ x: 500, y: 40 });
    expect(layer(mergeFlowNodes(dragging, first), 'dense1').position).toEqual({ x: 1100, y: 0 });
  });

  it('drops nodes the document no longer has', () => {
    const fewer = { ...xo.document, nodes: xo.document.nodes.filter((node) => node.id !== 'relu1') };
    expect(mergeFlowNodes(first, toFlowModel(fewer, analyzeGraph(fewer)).nodes).map((node) => node.id)).not.toContain('relu1');
  });
});
