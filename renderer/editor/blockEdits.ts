// Places a composite block: its layers (expanded with default params) in a new group, chained in a row.
import { blockCatalog, layerCatalog, type GraphDocument, type GraphEdge, type GraphNode } from '../../engine/graph/index.ts';
import { freshId, type Position } from './documentEdits.ts';

export const BLOCK_SPACING = 220;

export function addBlock(document: GraphDocument, kind: string, position: Position): { document: GraphDocument; nodes: GraphNode[] } | null {
  const block = blockCatalog.get(kind);
  if (block === undefined) return null;
  const params = Object.fromEntries(Object.entries(block.params).map(([name, param]) => [name, param.default]));
  const layers = block.expand(params, null);
  const nodeIds = new Set(document.nodes.map((node) => node.id));
  const edgeIds = new Set(document.edges.map((edge) => edge.id));
  const groupId = freshId(kind, new Set(document.groups.map((group) => group.id)));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const [index, layer] of layers.entries()) {
    if (!layerCatalog.has(layer.type)) continue;
    const id = freshId(layer.type, nodeIds);
    nodeIds.add(id);
    nodes.push({ id, type: layer.type, params: { ...layer.params }, position: { x: Math.round(position.x) + index * BLOCK_SPACING, y: Math.round(position.y) }, group: groupId });
    const previous = nodes[nodes.length - 2];
    if (previous !== undefined) {
      const edgeId = freshId('e', edgeIds);
      edgeIds.add(edgeId);
      edges.push({ id: edgeId, source: previous.id, sourcePort: 'out', target: id, targetPort: 'in' });
    }
  }
  if (nodes.length === 0) return null;
  const name = document.groups.some((group) => group.name === block.kind) ? groupId : block.kind;
  return {
    document: {
      ...document,
      nodes: [...document.nodes, ...nodes],
      edges: [...document.edges, ...edges],
      groups: [...document.groups, { id: groupId, name, kind: block.kind, collapsed: false }],
    },
    nodes,
  };
}
