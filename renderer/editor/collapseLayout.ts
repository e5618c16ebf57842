// Collapsing a block closes up the space its layers took: the layers after it (right of it in a
// graph laid out left to right, below it in one laid out top to bottom; in a graph laid out in
// rows, only those in the block's rows) move up to the collapsed node; expanding moves them back out. Each is one edit, so undo restores the layout exactly.
import type { GraphDocument, GraphNode } from '../../engine/graph/index.ts';
import { GRID } from './canvasEdits.ts';
import { LAYER_FOOTPRINT } from './clipboard.ts';
import { moveNodes, type Position } from './documentEdits.ts';
import { COLLAPSED_NODE_WIDTH, LAYER_NODE_WIDTH } from './flowModel.ts';
import { setCollapsed } from './grouping.ts';

/** About how tall a collapsed block's node is (name, kind, shapes, parameter count). */
export const COLLAPSED_NODE_HEIGHT = 100;
/** About how tall a layer is, for a block's extent. */
const LAYER_HEIGHT = LAYER_FOOTPRINT.height - 20;

interface Extent {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

function extentOf(members: readonly GraphNode[]): Extent {
  return {
    left: Math.min(...members.map((node) => node.position.x)),
    top: Math.min(...members.map((node) => node.position.y)),
    right: Math.max(...members.map((node) => node.position.x)) + LAYER_NODE_WIDTH,
    bottom: Math.max(...members.map((node) => node.position.y)) + LAYER_HEIGHT,
  };
}

const snap = (value: number) => Math.max(0, Math.round(value / GRID) * GRID);

/** How the block's layers and its collapsed node differ in size, along the axis the graph flows on. */
function shrinkOf(box: Extent): { axis: 'x' | 'y'; by: number } {
  const width = box.right - box.left;
  const height = box.bottom - box.top;
  return width >= height ? { axis: 'x', by: snap(width - COLLAPSED_NODE_WIDTH) } : { axis: 'y', by: snap(height - COLLAPSED_NODE_HEIGHT) };
}

/** True when `node` lies beside `box` across `axis`: in its row (x) or its column (y) of a graph laid out in rows. */
function besideBox(node: GraphNode, box: Extent, axis: 'x' | 'y'): boolean {
  return axis === 'x' ? node.position.y + LAYER_HEIGHT > box.top && node.position.y < box.bottom : node.position.x + LAYER_NODE_WIDTH > box.left && node.position.x < box.right;
}

/** Moves every non-member at or past `edge` on `axis`, in the block's row (or column), by `by`. */
function shift(document: GraphDocument, groupId: string, box: Extent, axis: 'x' | 'y', edge: number, by: number): GraphDocument {
  if (by === 0) return document;
  const positions = new Map<string, Position>();
  for (const node of document.nodes) {
    if (node.group === groupId || node.position[axis] < edge || !besideBox(node, box, axis)) continue;
    positions.set(node.id, axis === 'x' ? { x: node.position.x + by, y: node.position.y } : { x: node.position.x, y: node.position.y + by });
  }
  return moveNodes(document, positions);
}

/** Collapses a block and moves the layers after it up by the room it no longer takes. */
export function collapseBlock(document: GraphDocument, groupId: string): GraphDocument {
  const collapsed = setCollapsed(document, groupId, true);
  const members = document.nodes.filter((node) => node.group === groupId);
  if (collapsed === document || members.length === 0) return collapsed;
  const box = extentOf(members);
  const { axis, by } = shrinkOf(box);
  return shift(collapsed, groupId, box, axis, axis === 'x' ? box.right : box.bottom, -by);
}

/** Expands a block and moves the layers after its collapsed node out of the way of its layers. */
export function expandBlock(document: GraphDocument, groupId: string): GraphDocument {
  const expanded = setCollapsed(document, groupId, false);
  const members = document.nodes.filter((node) => node.group === groupId);
  if (expanded === document || members.length === 0) return expanded;
  const box = extentOf(members);
  const { axis, by } = shrinkOf(box);
  return shift(expanded, groupId, box, axis, axis === 'x' ? box.left + COLLAPSED_NODE_WIDTH : box.top + COLLAPSED_NODE_HEIGHT, by);
}
