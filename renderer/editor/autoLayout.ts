// Auto layout with ELK's layered algorithm, left to right: inputs on the left, losses on the right.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphDocument } from '../../engine/graph/index.ts';
import { snapToGrid } from './canvasEdits.ts';
import type { Position } from './documentEdits.ts';
import { estimateLayerHeight, LAYER_NODE_WIDTH } from './flowModel.ts';

const layoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.nodeNode': '40',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

/** The ELK graph of a document: one box per layer, one edge per wire. */
export function elkGraph(document: GraphDocument): ElkNode {
  const ids = new Set(document.nodes.map((node) => node.id));
  return {
    id: 'root',
    layoutOptions,
    children: document.nodes.map((node) => ({ id: node.id, width: LAYER_NODE_WIDTH, height: estimateLayerHeight({ params: Object.keys(node.params).slice(0, 4).map((name) => ({ name, value: '' })), hiddenParams: 0 }) })),
    edges: document.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
}

/** Where ELK puts each layer, snapped to the canvas grid. */
export async function autoLayout(document: GraphDocument): Promise<Map<string, Position>> {
  const result = await new ELK().layout(elkGraph(document));
  return new Map((result.children ?? []).map((child) => [child.id, snapToGrid({ x: child.x ?? 0, y: child.y ?? 0 })]));
}

/** True when layers overlap, as in a graph written by hand or by a script with no positions worth keeping. */
export function needsLayout(document: GraphDocument): boolean {
  const seen = new Set<string>();
  for (const node of document.nodes) {
    const key = `${Math.round(node.position.x / 40)},${Math.round(node.position.y / 40)}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}
