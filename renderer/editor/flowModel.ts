// Document + analysis -> React Flow nodes and edges. Pure: the canvas only renders what this returns.
import type { Edge, Node } from '@xyflow/react';
import { formatShape, layerCatalog, type Diagnostic, type Fix, type GraphAnalysis, type GraphDocument, type LayerCategory } from '../../engine/graph/index.ts';
import { collapsedBlocks, routeEdges, type CollapsedBlock } from './collapsedBlocks.ts';
import { frameTone, groupFrames, type FrameTone } from './groupFrames.ts';
import { categoryTone, keyParams, type CategoryTone, type ParamLine } from './nodeSummary.ts';

export const LAYER_NODE_WIDTH = 150;

export interface NodeProblem {
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly suggestion?: string;
  readonly fix?: Fix;
}

export type LayerNodeData = {
  readonly layerType: string;
  /** The user's label, else the node id. */
  readonly title: string;
  readonly category: LayerCategory | 'Unknown';
  readonly tone: CategoryTone;
  readonly params: readonly ParamLine[];
  readonly hiddenParams: number;
  readonly inputs: readonly string[];
  readonly hasOutput: boolean;
  readonly outputShape: string | null;
  readonly parameterCount: number;
  readonly problems: readonly NodeProblem[];
  readonly groupName: string | null;
};

export type BlockFrameData = {
  readonly groupId: string;
  readonly name: string;
  readonly kind: string;
  readonly tone: FrameTone;
  readonly memberCount: number;
};

export type CollapsedBlockData = {
  readonly groupId: string;
  readonly name: string;
  readonly kind: string;
  readonly tone: FrameTone;
  readonly memberCount: number;
  readonly inputShapes: readonly string[];
  readonly outputShapes: readonly string[];
  readonly parameterCount: number;
};

export type ShapeEdgeData = {
  readonly shape: string | null;
  readonly problem: string | null;
};

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;
export type BlockFlowNode = Node<BlockFrameData, 'block'>;
export type CollapsedFlowNode = Node<CollapsedBlockData, 'collapsed'>;
export type FlowNode = LayerFlowNode | BlockFlowNode | CollapsedFlowNode;
export type ShapeFlowEdge = Edge<ShapeEdgeData, 'shape'>;

export interface FlowModel {
  readonly nodes: FlowNode[];
  readonly edges: ShapeFlowEdge[];
}

export interface MeasuredSize {
  readonly width: number;
  readonly height: number;
}

function problemsBy(diagnostics: readonly Diagnostic[], key: 'nodeId' | 'edgeId'): Map<string, NodeProblem[]> {
  const byId = new Map<string, NodeProblem[]>();
  for (const diagnostic of diagnostics) {
    const id = diagnostic[key];
    if (id === undefined) continue;
    const list = byId.get(id) ?? [];
    list.push({ severity: diagnostic.severity, message: diagnostic.message, suggestion: diagnostic.suggestion, fix: diagnostic.fix });
    byId.set(id, list);
  }
  return byId;
}

/** A rough node height before React Flow has measured it: header, params, footer. */
export function estimateLayerHeight(data: Pick<LayerNodeData, 'params' | 'hiddenParams'>): number {
  return 62 + 16 * (data.params.length + (data.hiddenParams > 0 ? 1 : 0)) + (data.params.length > 0 ? 8 : 0);
}

function layerNodes(document: GraphDocument, analysis: GraphAnalysis, selected: ReadonlySet<string>, hidden: ReadonlySet<string>): LayerFlowNode[] {
  const problems = problemsBy(analysis.diagnostics, 'nodeId');
  const groupNames = new Map(document.groups.map((group) => [group.id, group.name]));
  return document.nodes.filter((node) => !hidden.has(node.id)).map((node) => {
    const spec = layerCatalog.get(node.type);
    const summary = keyParams(node, spec);
    const shape = analysis.nodeShapes.get(node.id);
    const data: LayerNodeData = {
      layerType: node.type,
      title: node.label ?? node.id,
      category: spec?.category ?? 'Unknown',
      tone: categoryTone(spec?.category),
      params: summary.lines,
      hiddenParams: summary.hidden,
      inputs: spec?.inputs.map((port) => port.name) ?? ['in'],
      hasOutput: spec?.hasOutput ?? true,
      outputShape: shape === undefined ? null : formatShape(shape),
      parameterCount: analysis.parameterCounts.get(node.id) ?? 0,
      problems: problems.get(node.id) ?? [],
      groupName: node.group === undefined ? null : (groupNames.get(node.group) ?? null),
    };
    return { id: node.id, type: 'layer', position: { ...node.position }, data, width: LAYER_NODE_WIDTH, zIndex: 1, selected: selected.has(node.id) };
  });
}

function shapeEdges(document: GraphDocument, analysis: GraphAnalysis, blocks: readonly CollapsedBlock[]): ShapeFlowEdge[] {
  const problems = problemsBy(analysis.diagnostics, 'edgeId');
  return routeEdges(document, blocks).map(({ edge, source, sourcePort, target, targetPort }) => {
    const shape = analysis.edgeShapes.get(edge.id);
    const problem = problems.get(edge.id)?.find((item) => item.severity === 'error') ?? null;
    return {
      id: edge.id,
      type: 'shape',
      source,
      sourceHandle: sourcePort,
      target,
      targetHandle: targetPort,
      data: { shape: shape === undefined ? null : formatShape(shape), problem: problem?.message ?? null },
    };
  });
}

export interface FlowOptions {
  /** Real node sizes where React Flow has measured them, for group frames. */
  readonly measured?: ReadonlyMap<string, MeasuredSize>;
  readonly selectedNodeId?: string | null;
  /** Layers selected with it (everything a paste added). */
  readonly selectedNodeIds?: readonly string[];
}

/** The React Flow model of a document. */
export function toFlowModel(document: GraphDocument, analysis: GraphAnalysis, options: FlowOptions = {}): FlowModel {
  const measured = options.measured ?? new Map<string, MeasuredSize>();
  const blocks = collapsedBlocks(document, analysis);
  const hidden = new Set(blocks.flatMap((block) => block.memberIds));
  const selected = new Set(options.selectedNodeIds ?? []);
  if (options.selectedNodeId !== undefined && options.selectedNodeId !== null) selected.add(options.selectedNodeId);
  const layers = layerNodes(document, analysis, selected, hidden);
  const sizes = new Map(layers.map((node) => [node.id, measured.get(node.id) ?? { width: LAYER_NODE_WIDTH, height: estimateLayerHeight(node.data) }]));
  const frames: BlockFlowNode[] = groupFrames(document, sizes).map((frame) => ({
    id: `group:${frame.group.id}`,
    type: 'block',
    position: { x: frame.x, y: frame.y },
    width: frame.width,
    height: frame.height,
    data: { groupId: frame.group.id, name: frame.group.name, kind: frame.group.kind, tone: frame.tone, memberCount: frame.memberCount },
    selectable: false,
    draggable: false,
    focusable: false,
    connectable: false,
    zIndex: 0,
  }));
  return { nodes: [...frames, ...blocks.map(collapsedNode), ...layers], edges: shapeEdges(document, analysis, blocks) };
}

export const COLLAPSED_NODE_WIDTH = 170;

function collapsedNode(block: CollapsedBlock): CollapsedFlowNode {
  const { group } = block;
  return {
    id: block.nodeId,
    type: 'collapsed',
    position: { ...block.position },
    width: COLLAPSED_NODE_WIDTH,
    connectable: false,
    zIndex: 1,
    data: {
      groupId: group.id,
      name: group.name,
      kind: group.kind,
      tone: frameTone(group.kind),
      memberCount: block.memberIds.length,
      inputShapes: block.inputShapes,
      outputShapes: block.outputShapes,
      parameterCount: block.parameterCount,
    },
  };
}

/**
 * The next node list for React Flow: the model's nodes, keeping what React Flow learned about
 * the previous ones (measured size; position while dragging) so it need not measure them again.
 * React Flow's selection stays (an edit, or a click that added to it, leaves a multi-selection
 * whole) unless the inspector's layer (`selectedNodeId`) is one React Flow did not have selected:
 * then it was chosen elsewhere (a layer just added, say) and becomes the one selection.
 */
export function mergeFlowNodes(previous: readonly FlowNode[], next: readonly FlowNode[], selectedNodeId: string | null = null): FlowNode[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  const keepSelection = selectedNodeId === null || byId.get(selectedNodeId)?.selected === true;
  return next.map((node) => {
    const old = byId.get(node.id);
    const selected = keepSelection ? old?.selected === true : node.selected === true;
    if (old === undefined || (old.measured === undefined && old.dragging !== true)) return selected === (node.selected === true) ? node : ({ ...node, selected } as FlowNode);
    const kept = { ...node, measured: old.measured, selected } as FlowNode;
    if (old.dragging === true) {
      kept.dragging = true;
      kept.position = old.position;
    }
    return kept;
  });
}

export function mergeFlowEdges(previous: readonly ShapeFlowEdge[], next: readonly ShapeFlowEdge[]): ShapeFlowEdge[] {
  const selected = new Set(previous.filter((edge) => edge.selected === true).map((edge) => edge.id));
  return next.map((edge) => (selected.has(edge.id) ? { ...edge, selected: true } : edge));
}

export function isLayerNode(node: FlowNode): node is LayerFlowNode {
  return node.type === 'layer';
}
