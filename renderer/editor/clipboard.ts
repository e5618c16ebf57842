// Copy, paste and duplicate of selected layers: the layers with the edges among them, pasted with
// fresh ids, offset so the copy does not hide the original.
import type { GraphDocument, GraphEdge, GraphNode } from '../../engine/graph/index.ts';
import { freshId, type Position } from './documentEdits.ts';

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
