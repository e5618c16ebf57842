// The view of collapsed blocks: each collapsed group drawn as one node (name, input and output
// shapes, parameter count) in place of its members, with the edges into and out of it rerouted.
import { formatShape, type GraphAnalysis, type GraphDocument, type GraphEdge, type GraphGroup } from '../../engine/graph/index.ts';
import type { Position } from './documentEdits.ts';

export const COLLAPSED_PREFIX = 'block:';

export interface CollapsedBlock {
  readonly group: GraphGroup;
  /** The flow node's id: `block:<group id>`. */
  readonly nodeId: string;
  /** The members' top-left corner: where the collapsed node sits. */
  readonly position: Position;
  readonly memberIds: readonly string[];
  /** Shapes of the tensors flowing in from outside the block, in edge order; '?' where unknown. */
  readonly inputShapes: readonly string[];
  readonly outputShapes: readonly string[];
  readonly parameterCount: number;
}

export function collapsedNodeId(groupId: string): string {
  return `${COLLAPSED_PREFIX}${groupId}`;
}

/** The group a collapsed flow node stands for, or null for any other id. */
export function groupOfCollapsedNode(nodeId: string): string | null {
  return nodeId.startsWith(COLLAPSED_PREFIX) ? nodeId.slice(COLLAPSED_PREFIX.length) : null;
}

/** The top-left corner of a set of node positions. */
export function anchorOf(positions: readonly Position[]): Position {
  return { x: Math.min(...positions.map((item) => item.x)), y: Math.min(...positions.map((item) => item.y)) };
}

function shapesOf(edges: readonly GraphEdge[], analysis: GraphAnalysis): string[] {
  const shapes = edges.map((edge) => {
    const shape = analysis.edgeShapes.get(edge.id);
    return shape === undefined ? '?' : formatShape(shape);
  });
  return [...new Set(shapes)];
}

/** One entry per collapsed group that has members. */
export function collapsedBlocks(document: GraphDocument, analysis: GraphAnalysis): CollapsedBlock[] {
  const blocks: CollapsedBlock[] = [];
  for (const group of document.groups) {
    if (!group.collapsed) continue;
    const members = document.nodes.filter((node) => node.group === group.id);
    if (members.length === 0) continue;
    const ids = new Set(members.map((node) => node.id));
    const incoming = document.edges.filter((edge) => ids.has(edge.target) && !ids.has(edge.source));
    const outgoing = document.edges.filter((edge) => ids.has(edge.source) && !ids.has(edge.target));
    // A block with no edge leaving it still has an output: its last member's.
    const lastShape = analysis.nodeShapes.get(members[members.length - 1].id);
    const outputShapes = outgoing.length > 0 ? shapesOf(outgoing, analysis) : lastShape === undefined ? [] : [formatShape(lastShape)];
    blocks.push({
      group,
      nodeId: collapsedNodeId(group.id),
      position: anchorOf(members.map((node) => node.position)),
      memberIds: members.map((node) => node.id),
      inputShapes: shapesOf(incoming, analysis),
      outputShapes,
      parameterCount: members.reduce((sum, node) => sum + (analysis.parameterCounts.get(node.id) ?? 0), 0),
    });
  }
  return blocks;
}

export interface RoutedEdge {
  readonly edge: GraphEdge;
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
  readonly targetPort: string;
}

/**
 * Edges as drawn: an end inside a collapsed block moves to the block's node (port `in` or `out`);
 * edges wholly inside one collapsed block are not drawn.
 */
export function routeEdges(document: GraphDocument, blocks: readonly CollapsedBlock[]): RoutedEdge[] {
  const hiddenIn = new Map<string, string>();
  for (const block of blocks) for (const id of block.memberIds) hiddenIn.set(id, block.nodeId);
  const routed: RoutedEdge[] = [];
  for (const edge of document.edges) {
    const source = hiddenIn.get(edge.source);
    const target = hiddenIn.get(edge.target);
    if (source !== undefined && source === target) continue;
    routed.push({
      edge,
      source: source ?? edge.source,
      sourcePort: source === undefined ? edge.sourcePort : 'out',
      target: target ?? edge.target,
      targetPort: target === undefined ? edge.targetPort : 'in',
    });
  }
  return routed;
}

/** Moves a collapsed block: every member shifts by how far its node moved from the block's anchor. */
export function memberMoves(document: GraphDocument, groupId: string, to: Position): Map<string, Position> {
  const members = document.nodes.filter((node) => node.group === groupId);
  if (members.length === 0) return new Map();
  const from = anchorOf(members.map((node) => node.position));
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  return new Map(members.map((node) => [node.id, { x: node.position.x + dx, y: node.position.y + dy }]));
}

/** The layers a canvas selection stands for: selected layers, and every member of a selected collapsed block. */
export function selectedLayers(document: GraphDocument, selectedIds: Iterable<string>): Set<string> {
  const layers = new Set<string>();
  for (const id of selectedIds) {
    const groupId = groupOfCollapsedNode(id);
    if (groupId === null) layers.add(id);
    else for (const node of document.nodes) if (node.group === groupId) layers.add(node.id);
  }
  return layers;
}
