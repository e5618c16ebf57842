// Copy, paste and duplicate of selected layers: the layers with the edges among them, pasted with
// fresh ids, offset so the copy does not hide the original. On the system clipboard a fragment is
// JSON text (its own MIME type and plain text), so it pastes into another graph, another window,
// or a text editor and back.
import { z } from 'zod';
import { EdgeSchema, NodeSchema, type GraphDocument, type GraphEdge, type GraphNode } from '../../engine/graph/index.ts';
import { freshId, type Position } from './documentEdits.ts';
import { LAYER_NODE_WIDTH } from './flowModel.ts';

/** The clipboard type a fragment travels under beside text/plain. */
export const FRAGMENT_MIME = 'application/x-netloom-layers+json';
const FRAGMENT_FORMAT = 'netloom.layers';

const FragmentSchema = z.object({
  format: z.literal(FRAGMENT_FORMAT),
  version: z.literal(1),
  nodes: z.array(NodeSchema).min(1).max(10_000),
  edges: z.array(EdgeSchema).max(20_000),
});

export interface Fragment {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

export const PASTE_OFFSET: Position = { x: 40, y: 80 };

export function copyNodes(document: GraphDocument, nodeIds: ReadonlySet<string>): Fragment | null {
  const nodes = document.nodes.filter((node) => nodeIds.has(node.id));
  if (nodes.length === 0) return null;
  return { nodes, edges: document.edges.filter((edge) => nodeIds.has(edge.source) && nodeIds.has(edge.target)) };
}

/** Adds the fragment's layers with new ids; groups are not copied, so the copies stand alone. */
export function pasteFragment(document: GraphDocument, fragment: Fragment, offset: Position = PASTE_OFFSET): { document: GraphDocument; nodeIds: string[] } {
  const nodeIds = new Set(document.nodes.map((node) => node.id));
  const edgeIds = new Set(document.edges.map((edge) => edge.id));
  const renamed = new Map<string, string>();
  const nodes = fragment.nodes.map((node) => {
    const prefix = node.id.replace(/\d+$/, '') || node.type;
    const id = freshId(prefix, nodeIds);
    nodeIds.add(id);
    renamed.set(node.id, id);
    const { group: _group, ...rest } = node;
    return { ...rest, id, params: { ...node.params }, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  });
  const edges = fragment.edges.map((edge) => {
    const id = freshId('e', edgeIds);
    edgeIds.add(id);
    return { ...edge, id, source: renamed.get(edge.source) ?? edge.source, target: renamed.get(edge.target) ?? edge.target };
  });
  return { document: { ...document, nodes: [...document.nodes, ...nodes], edges: [...document.edges, ...edges] }, nodeIds: nodes.map((node) => node.id) };
}

/** The room a layer takes on the canvas, with a gap around it, for finding free space: a tall layer is about 130 px. */
export const LAYER_FOOTPRINT = { width: LAYER_NODE_WIDTH + 20, height: 140 } as const;
/** How far each try moves down when the place asked for is taken. */
const FREE_SPACE_STEP = 40;
const MAX_TRIES = 2000;

function overlaps(a: Position, b: Position): boolean {
  return Math.abs(a.x - b.x) < LAYER_FOOTPRINT.width && Math.abs(a.y - b.y) < LAYER_FOOTPRINT.height;
}

/** The offset nearest below `preferred` at which none of `positions` lands on a layer of the document. */
function firstFreeOffset(document: GraphDocument, positions: readonly Position[], preferred: Position): Position {
  const taken = document.nodes.map((node) => node.position);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const offset = { x: preferred.x, y: preferred.y + attempt * FREE_SPACE_STEP };
    const free = positions.every((position) => {
      const at = { x: position.x + offset.x, y: position.y + offset.y };
      return taken.every((other) => !overlaps(at, other));
    });
    if (free) return offset;
  }
  return preferred;
}

/**
 * The offset nearest below `preferred` at which no layer of the fragment lands on a layer of the
 * document: a repeated paste goes under the last one instead of on top of it.
 */
export function freeOffset(document: GraphDocument, fragment: Fragment, preferred: Position = PASTE_OFFSET): Position {
  return firstFreeOffset(document, fragment.nodes.map((node) => node.position), preferred);
}

/** The first place at or below `at` where a layer covers no other. */
export function freePosition(document: GraphDocument, at: Position): Position {
  const offset = firstFreeOffset(document, [at], { x: 0, y: 0 });
  return { x: at.x, y: at.y + offset.y };
}

/** The offset that puts the fragment's top-left layer corner at `point`. */
export function offsetTo(fragment: Fragment, point: Position): Position {
  const left = Math.min(...fragment.nodes.map((node) => node.position.x));
  const top = Math.min(...fragment.nodes.map((node) => node.position.y));
  return { x: Math.round(point.x - left), y: Math.round(point.y - top) };
}

/** The fragment as clipboard text. */
export function fragmentText(fragment: Fragment): string {
  return JSON.stringify({ format: FRAGMENT_FORMAT, version: 1, nodes: fragment.nodes, edges: fragment.edges }, null, 2);
}

/**
 * A fragment read back from clipboard text; null when the text is not one (any other text the
 * user copied). Edges whose ends are not in the fragment are dropped.
 */
export function readFragment(text: string): Fragment | null {
  if (!text.includes(FRAGMENT_FORMAT)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = FragmentSchema.safeParse(value);
  if (!parsed.success) return null;
  const ids = new Set(parsed.data.nodes.map((node) => node.id));
  return { nodes: parsed.data.nodes, edges: parsed.data.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)) };
}

/** The same layers without the edges among them (Paste Without Edges). */
export function withoutEdges(fragment: Fragment): Fragment {
  return { nodes: fragment.nodes, edges: [] };
}
