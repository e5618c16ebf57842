// The wiring of a document: unique ids, known types, edges between real ports, no cycles.
import { closestName } from './closest.ts';
import { error, warning, type Diagnostic } from './diagnostic.ts';
import type { GraphDocument, GraphEdge, GraphNode } from './document.ts';
import type { LayerSpec } from './layerSpec.ts';

export interface Wiring {
  readonly nodes: ReadonlyMap<string, GraphNode>;
  readonly specs: ReadonlyMap<string, LayerSpec>;
  /** For each node, the edge into each of its input ports. */
  readonly incoming: ReadonlyMap<string, ReadonlyMap<string, GraphEdge>>;
  readonly outgoing: ReadonlyMap<string, readonly GraphEdge[]>;
  /** A topological order; nodes in cycles are left out. */
  readonly order: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export function checkWiring(document: GraphDocument, catalog: ReadonlyMap<string, LayerSpec>): Wiring {
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map<string, GraphNode>();
  const specs = new Map<string, LayerSpec>();
  const groups = new Set(document.groups.map((group) => group.id));
  for (const node of document.nodes) {
    if (nodes.has(node.id)) {
      diagnostics.push(error(`Two nodes have the id "${node.id}".`, { nodeId: node.id, field: 'id', suggestion: 'Give each node its own id.' }));
      continue;
    }
    nodes.set(node.id, node);
    const spec = catalog.get(node.type);
    if (spec === undefined) {
      const near = closestName(node.type, catalog.keys());
      diagnostics.push(
        error(`Unknown layer type "${node.type}".`, {
          nodeId: node.id,
          field: 'type',
          suggestion: near !== null ? `Did you mean ${near}?` : 'Pick a layer from the palette.',
          fix: near !== null ? { kind: 'changeType', nodeId: node.id, type: near } : undefined,
        }),
      );
    } else specs.set(node.id, spec);
    if (node.group !== undefined && !groups.has(node.group)) {
      diagnostics.push(error(`The node belongs to group "${node.group}", which does not exist.`, { nodeId: node.id, field: 'group', suggestion: 'Remove "group" or add that group.' }));
    }
  }
  const groupIds = new Set<string>();
  for (const group of document.groups) {
    if (groupIds.has(group.id)) diagnostics.push(error(`Two groups have the id "${group.id}".`, { field: 'groups', suggestion: 'Give each group its own id.' }));
    groupIds.add(group.id);
  }
  const { incoming, outgoing } = connectEdges(document.edges, nodes, specs, diagnostics);
  const order = topologicalOrder(nodes, outgoing, incoming, diagnostics);
  return { nodes, specs, incoming, outgoing, order, diagnostics };
}

function connectEdges(edges: readonly GraphEdge[], nodes: ReadonlyMap<string, GraphNode>, specs: ReadonlyMap<string, LayerSpec>, diagnostics: Diagnostic[]) {
  const incoming = new Map<string, Map<string, GraphEdge>>();
  const outgoing = new Map<string, GraphEdge[]>();
  const edgeIds = new Set<string>();
  for (const edge of edges) {
    if (edgeIds.has(edge.id)) {
      diagnostics.push(error(`Two edges have the id "${edge.id}".`, { edgeId: edge.id, suggestion: 'Give each edge its own id.' }));
      continue;
    }
    edgeIds.add(edge.id);
    const problem = endpointProblem(edge, nodes) ?? portProblem(edge, specs) ?? takenPortProblem(edge, incoming);
    if (problem !== null) {
      diagnostics.push(problem);
      continue;
    }
    const ports = incoming.get(edge.target) ?? new Map<string, GraphEdge>();
    ports.set(edge.targetPort, edge);
    incoming.set(edge.target, ports);
    outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
  }
  return { incoming, outgoing };
}

/** Where an edge problem is, fixed by deleting the edge (keys in the order diagnostics print them). */
function removeEdge(edge: GraphEdge, nodeId?: string) {
  const fix = { kind: 'removeEdge', edgeId: edge.id } as const;
  return nodeId === undefined ? { edgeId: edge.id, suggestion: 'Delete the edge.', fix } : { edgeId: edge.id, nodeId, suggestion: 'Delete the edge.', fix };
}

/** An edge whose source or target node does not exist, or that connects a node to itself. */
function endpointProblem(edge: GraphEdge, nodes: ReadonlyMap<string, GraphNode>): Diagnostic | null {
  if (!nodes.has(edge.source) || !nodes.has(edge.target)) {
    const missing = nodes.has(edge.source) ? edge.target : edge.source;
    return error(`The edge connects node "${missing}", which does not exist.`, removeEdge(edge));
  }
  if (edge.source === edge.target) return error('The edge connects a node to itself.', removeEdge(edge, edge.source));
  return null;
}

/** An edge from a port its source layer does not have, or into one its target layer does not have. */
function portProblem(edge: GraphEdge, specs: ReadonlyMap<string, LayerSpec>): Diagnostic | null {
  const source = specs.get(edge.source);
  const target = specs.get(edge.target);
  if (source !== undefined && (!source.hasOutput || edge.sourcePort !== 'out')) {
    const message = source.hasOutput ? `${source.type} has no output port "${edge.sourcePort}"; its output is "out".` : `${source.type} is a loss head and has no output.`;
    return error(message, removeEdge(edge, edge.source));
  }
  if (target !== undefined && !target.inputs.some((port) => port.name === edge.targetPort)) {
    const ports = target.inputs.map((port) => `"${port.name}"`).join(', ');
    const message = ports === '' ? `${target.type} takes no input.` : `${target.type} has no input port "${edge.targetPort}"; its inputs are ${ports}.`;
    return error(message, removeEdge(edge, edge.target));
  }
  return null;
}

/** A second edge into an input port that already receives one. */
function takenPortProblem(edge: GraphEdge, incoming: ReadonlyMap<string, ReadonlyMap<string, GraphEdge>>): Diagnostic | null {
  const taken = incoming.get(edge.target)?.get(edge.targetPort);
  if (taken === undefined) return null;
  return error(`Input "${edge.targetPort}" already receives node "${taken.source}"; a port takes one edge.`, {
    edgeId: edge.id,
    nodeId: edge.target,
    suggestion: 'Delete one of the edges, or merge them with an Add or Concat layer.',
    fix: { kind: 'removeEdge', edgeId: edge.id },
  });
}

function topologicalOrder(
  nodes: ReadonlyMap<string, GraphNode>,
  outgoing: ReadonlyMap<string, readonly GraphEdge[]>,
  incoming: ReadonlyMap<string, ReadonlyMap<string, GraphEdge>>,
  diagnostics: Diagnostic[],
): string[] {
  const pending = new Map<string, number>();
  for (const id of nodes.keys()) pending.set(id, incoming.get(id)?.size ?? 0);
  const ready = [...nodes.keys()].filter((id) => pending.get(id) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.pop() as string;
    order.push(id);
    for (const edge of outgoing.get(id) ?? []) {
      const left = (pending.get(edge.target) ?? 0) - 1;
      pending.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  if (order.length < nodes.size) reportCycles(nodes, pending, outgoing, diagnostics);
  return order;
}

function reportCycles(nodes: ReadonlyMap<string, GraphNode>, pending: ReadonlyMap<string, number>, outgoing: ReadonlyMap<string, readonly GraphEdge[]>, diagnostics: Diagnostic[]) {
  const stuck = new Set([...nodes.keys()].filter((id) => (pending.get(id) ?? 0) > 0));
  const reported = new Set<string>();
  for (const start of stuck) {
    if (reported.has(start)) continue;
    const cycle = findCycle(start, stuck, outgoing);
    if (cycle === null) continue;
    cycle.forEach((id) => reported.add(id));
    const path = [...cycle, cycle[0]].join(' → ');
    for (const id of cycle) {
      diagnostics.push(error(`The node is part of a cycle: ${path}.`, { nodeId: id, suggestion: 'Remove one edge of the cycle; recurrence belongs inside an RNN, LSTM or GRU layer.' }));
    }
  }
  for (const id of stuck) {
    if (!reported.has(id)) diagnostics.push(warning('The node is downstream of a cycle, so its shape cannot be worked out.', { nodeId: id }));
  }
}

/** A cycle through `start` among the stuck nodes, or null when `start` only hangs below one. */
function findCycle(start: string, stuck: ReadonlySet<string>, outgoing: ReadonlyMap<string, readonly GraphEdge[]>): string[] | null {
  const parent = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const edge of outgoing.get(id) ?? []) {
      if (edge.target === start) {
        const cycle = [id];
        while (cycle[0] !== start) cycle.unshift(parent.get(cycle[0]) as string);
        return cycle;
      }
      if (stuck.has(edge.target) && !parent.has(edge.target)) {
        parent.set(edge.target, id);
        queue.push(edge.target);
      }
    }
  }
  return null;
}
