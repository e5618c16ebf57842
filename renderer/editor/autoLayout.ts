// Auto layout with ELK's layered algorithm, left to right: inputs on the left, losses on the right;
// a chain wider than the room it is given continues in rows below (layoutRows.ts).
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { GraphDocument } from '../../engine/graph/index.ts';
import { snapToGrid } from './canvasEdits.ts';
import type { Position } from './documentEdits.ts';
import { estimateLayerHeight, LAYER_NODE_WIDTH } from './flowModel.ts';
import { rowsForRoom, wrapIntoRows, type Room } from './layoutRows.ts';

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

/** Each layer's connected part of the graph, numbered in the order the document first lists them. */
export function connectedParts(document: GraphDocument): Map<string, number> {
  const parent = new Map(document.nodes.map((node) => [node.id, node.id]));
  const root = (id: string): string => {
    let at = id;
    while (parent.get(at) !== at) at = parent.get(at) ?? at;
    return at;
  };
  for (const edge of document.edges) {
    if (parent.has(edge.source) && parent.has(edge.target)) parent.set(root(edge.source), root(edge.target));
  }
  const numbers = new Map<string, number>();
  return new Map(
    document.nodes.map((node) => {
      const key = root(node.id);
      if (!numbers.has(key)) numbers.set(key, numbers.size);
      return [node.id, numbers.get(key) ?? 0];
    }),
  );
}

/**
 * Where ELK puts each layer, snapped to the canvas grid. Given the canvas (`room`), a layout it
 * cannot show at a readable zoom is cut into rows (layoutRows.ts).
 */
export async function autoLayout(document: GraphDocument, room?: Room): Promise<Map<string, Position>> {
  const result = await new ELK().layout(elkGraph(document));
  const parts = connectedParts(document);
  const blocks = new Map(document.nodes.map((node) => [node.id, node.group ?? '']));
  const boxes = (result.children ?? []).map((child) => ({ id: child.id, x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0, part: parts.get(child.id) ?? 0, band: blocks.get(child.id) ?? '' }));
  const positions = room === undefined ? wrapIntoRows(boxes, Number.POSITIVE_INFINITY) : rowsForRoom(boxes, room);
  return new Map([...positions].map(([id, position]) => [id, snapToGrid(position)]));
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
