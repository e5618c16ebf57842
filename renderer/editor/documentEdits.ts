// Edits to a graph document as pure functions: each returns a new document and leaves the old one alone.
import { defaultParams, GRAPH_FORMAT, GRAPH_VERSION, layerCatalog, type GraphDocument, type GraphEdge, type GraphNode } from '../../engine/graph/index.ts';

export interface Position {
  readonly x: number;
  readonly y: number;
}

/** A new document: one image Input, ready for layers. */
export function newDocument(): GraphDocument {
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    metadata: { name: 'Untitled' },
    nodes: [{ id: 'input1', type: 'Input', params: { kind: 'image', height: 28, width: 28, channels: 1 }, position: { x: 0, y: 0 } }],
    edges: [],
    groups: [],
    training: {
      task: 'classify',
      optimizer: { type: 'adam', learningRate: 0.001, momentum: 0.9, nesterov: false, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, rho: 0.99, weightDecay: 0 },
      loss: 'auto',
      batchSize: 32,
      epochs: 10,
      schedule: { type: 'constant' },
      seed: 1,
      validationSplit: 0.1,
    },
  };
}

export function moveNodes(document: GraphDocument, positions: ReadonlyMap<string, Position>): GraphDocument {
  if (positions.size === 0) return document;
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      const position = positions.get(node.id);
      return position === undefined ? node : { ...node, position: { x: Math.round(position.x), y: Math.round(position.y) } };
    }),
  };
}

/** "conv2d" + a number no node uses yet: conv2d1, conv2d2, ... */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  const stem = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '') || 'node';
  for (let index = 1; ; index++) {
    const id = `${stem}${index}`;
    if (!taken.has(id)) return id;
  }
}

/** Adds a layer of a catalog type with its default params; null for a type the catalog lacks. */
export function addNode(document: GraphDocument, type: string, position: Position): { document: GraphDocument; node: GraphNode } | null {
  const spec = layerCatalog.get(type);
  if (spec === undefined) return null;
  const node: GraphNode = {
    id: freshId(type, new Set(document.nodes.map((item) => item.id))),
    type,
    params: type === 'Input' ? { kind: 'image', height: 28, width: 28, channels: 1 } : {},
    position: { x: Math.round(position.x), y: Math.round(position.y) },
  };
  if (Object.keys(spec.params).length > 0 && type !== 'Input') node.params = pickRequired(defaultParams(spec));
  return { document: { ...document, nodes: [...document.nodes, node] }, node };
}

/** New nodes store only the params users most often change; the rest fall back to the catalog defaults. */
function pickRequired(defaults: Record<string, unknown>): Record<string, unknown> {
  const keys = ['units', 'filters', 'kernelSize', 'poolSize', 'stride', 'rate', 'alpha', 'shape'];
  return Object.fromEntries(Object.entries(defaults).filter(([key]) => keys.includes(key)));
}

export interface Connection {
  readonly source: string;
  readonly sourcePort: string;
  readonly target: string;
  readonly targetPort: string;
}

/** Wires source to target; an input port takes one edge, so an edge already into it is replaced. */
export function connect(document: GraphDocument, connection: Connection): GraphDocument {
  if (connection.source === connection.target) return document;
  const kept = document.edges.filter((edge) => !(edge.target === connection.target && edge.targetPort === connection.targetPort));
  const edge: GraphEdge = { id: freshId('e', new Set(document.edges.map((item) => item.id))), ...connection };
  return { ...document, edges: [...kept, edge] };
}

/** Removes nodes (with their edges) and edges. */
export function removeElements(document: GraphDocument, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): GraphDocument {
  if (nodeIds.size === 0 && edgeIds.size === 0) return document;
  return {
    ...document,
    nodes: document.nodes.filter((node) => !nodeIds.has(node.id)),
    edges: document.edges.filter((edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target)),
  };
}

export const NODE_SPACING = 220;

/** Where a layer added without a drop point goes: one step right of the rightmost node. */
export function nextFreePosition(document: GraphDocument): Position {
  let rightmost: GraphNode | null = null;
  for (const node of document.nodes) if (rightmost === null || node.position.x > rightmost.position.x) rightmost = node;
  return rightmost === null ? { x: 0, y: 0 } : { x: rightmost.position.x + NODE_SPACING, y: rightmost.position.y };
}
