// Edits of one node or a few: params, label, type, grouping, a layer inserted on an edge. Pure.
import { layerCatalog, type GraphDocument, type GraphNode } from '../../engine/graph/index.ts';
import { addNode, freshId, NODE_SPACING } from './documentEdits.ts';

function mapNode(document: GraphDocument, nodeId: string, change: (node: GraphNode) => GraphNode): GraphDocument {
  const node = document.nodes.find((item) => item.id === nodeId);
  if (node === undefined) return document;
  const next = change(node);
  return next === node ? document : { ...document, nodes: document.nodes.map((item) => (item === node ? next : item)) };
}

function sameValue(first: unknown, second: unknown): boolean {
  return JSON.stringify(first) === JSON.stringify(second);
}

/** Sets a param; `undefined` removes it, so the catalog default applies. */
export function setParam(document: GraphDocument, nodeId: string, field: string, value: unknown): GraphDocument {
  return mapNode(document, nodeId, (node) => {
    if (sameValue(node.params[field], value)) return node;
    const params = { ...node.params };
    if (value === undefined) delete params[field];
    else params[field] = value;
    return { ...node, params };
  });
}

/** Sets the label; an empty one is removed, so the node shows its id. */
export function setLabel(document: GraphDocument, nodeId: string, label: string): GraphDocument {
  const trimmed = label.trim();
  return mapNode(document, nodeId, (node) => {
    if ((node.label ?? '') === trimmed) return node;
    const { label: _old, ...rest } = node;
    return trimmed === '' ? rest : { ...rest, label: trimmed };
  });
}

/** Changes a node's type, keeping the params the new type also has. */
export function changeType(document: GraphDocument, nodeId: string, type: string): GraphDocument {
  const spec = layerCatalog.get(type);
  if (spec === undefined) return document;
  return mapNode(document, nodeId, (node) => ({ ...node, type, params: Object.fromEntries(Object.entries(node.params).filter(([name]) => name in spec.params)) }));
}

/** Puts nodes in a new Custom group; returns the document unchanged for no nodes. */
export function groupNodes(document: GraphDocument, nodeIds: ReadonlySet<string>, name = 'Group'): GraphDocument {
  if (!document.nodes.some((node) => nodeIds.has(node.id))) return document;
  const id = freshId('group', new Set(document.groups.map((group) => group.id)));
  return {
    ...document,
    nodes: document.nodes.map((node) => (nodeIds.has(node.id) ? { ...node, group: id } : node)),
    groups: [...document.groups, { id, name, kind: 'Custom', collapsed: false }],
  };
}

export function ungroup(document: GraphDocument, groupId: string): GraphDocument {
  if (!document.groups.some((group) => group.id === groupId)) return document;
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      if (node.group !== groupId) return node;
      const next = { ...node };
      delete next.group;
      return next;
    }),
    groups: document.groups.filter((group) => group.id !== groupId),
  };
}

/** Splits an edge with a new layer; nodes from the target rightwards move over to make room. */
export function insertNodeOnEdge(document: GraphDocument, edgeId: string, type: string, params?: Readonly<Record<string, unknown>>): { document: GraphDocument; nodeId: string } | null {
  const edge = document.edges.find((item) => item.id === edgeId);
  const source = document.nodes.find((node) => node.id === edge?.source);
  const target = document.nodes.find((node) => node.id === edge?.target);
  if (edge === undefined || source === undefined || target === undefined) return null;
  const roomy = target.position.x - source.position.x >= 2 * NODE_SPACING;
  const shifted: GraphDocument = roomy
    ? document
    : { ...document, nodes: document.nodes.map((node) => (node.position.x >= target.position.x && node.id !== source.id ? { ...node, position: { x: node.position.x + NODE_SPACING, y: node.position.y } } : node)) };
  const position = roomy ? { x: (source.position.x + target.position.x) / 2, y: target.position.y } : target.position;
  const placed = addNode(shifted, type, position);
  if (placed === null) return null;
  const node: GraphNode = params === undefined ? placed.node : { ...placed.node, params: { ...placed.node.params, ...params } };
  if (target.group !== undefined && target.group === source.group) node.group = target.group;
  const outgoing = { id: freshId('e', new Set(document.edges.map((item) => item.id))), source: node.id, sourcePort: 'out', target: edge.target, targetPort: edge.targetPort };
  return {
    document: {
      ...placed.document,
      nodes: placed.document.nodes.map((item) => (item.id === node.id ? node : item)),
      edges: [...placed.document.edges.map((item) => (item.id === edge.id ? { ...item, target: node.id, targetPort: 'in' } : item)), outgoing],
    },
    nodeId: node.id,
  };
}
