// Copy, paste and duplicate of selected layers: the layers with the edges among them, pasted with
// fresh ids, offset so the copy does not hide the original. On the system clipboard a fragment is
// JSON text (its own MIME type and plain text), so it pastes into another graph, another window,
// or a text editor and back.
import { z } from 'zod';
import { EdgeSchema, NodeSchema, type GraphDocument, type GraphEdge, type GraphNode } from '../../engine/graph/index.ts';
import { freshId, type Position } from './documentEdits.ts';

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
