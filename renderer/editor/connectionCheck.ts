// Whether a connection being dragged can work: free port, no cycle, right ends, shapes the layer accepts.
import { layerCatalog, resolveParams, type GraphAnalysis, type GraphDocument, type TensorShape } from '../../engine/graph/index.ts';

export interface ProposedConnection {
  readonly source: string;
  readonly target: string;
  /** The target's input port; null means its first. */
  readonly targetPort: string | null;
}

export type ConnectionVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const accepted: ConnectionVerdict = { ok: true };

function refuse(reason: string): ConnectionVerdict {
  return { ok: false, reason };
}

/** True when `target` already reaches `source`, so an edge source -> target would close a loop. */
function reaches(document: GraphDocument, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const pending = [from];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === to) return true;
    for (const edge of document.edges) {
      if (edge.source !== current || seen.has(edge.target)) continue;
      seen.add(edge.target);
      pending.push(edge.target);
    }
  }
  return false;
}

/** Checks a proposed edge against the document and its analysis; the reason says what to do instead. */
export function checkConnection(document: GraphDocument, analysis: GraphAnalysis, connection: ProposedConnection): ConnectionVerdict {
  const source = document.nodes.find((node) => node.id === connection.source);
  const target = document.nodes.find((node) => node.id === connection.target);
  if (source === undefined || target === undefined) return refuse('That layer no longer exists.');
  if (source.id === target.id) return refuse('A layer cannot feed itself.');
  const sourceSpec = layerCatalog.get(source.type);
  const targetSpec = layerCatalog.get(target.type);
  if (sourceSpec === undefined || targetSpec === undefined) return accepted;
  if (!sourceSpec.hasOutput) return refuse(`${source.type} is a loss head: it has no output to connect.`);
  if (targetSpec.inputs.length === 0) return refuse(`${target.type} takes no input: it is where data enters the network.`);
  const port = connection.targetPort ?? targetSpec.inputs[0].name;
  const portIndex = targetSpec.inputs.findIndex((input) => input.name === port);
  if (portIndex < 0) return refuse(`${target.type} has no input named "${port}".`);
  const occupant = document.edges.find((edge) => edge.target === target.id && edge.targetPort === port);
  if (occupant !== undefined) {
    const where = targetSpec.inputs.length > 1 ? `Input "${port}" of ${target.id}` : `${target.id}'s input`;
    return refuse(`${where} is already fed by ${occupant.source}; delete that edge first.`);
  }
  if (reaches(document, target.id, source.id)) return refuse(`That would make a loop: ${target.id} already feeds ${source.id}.`);
  return checkShapes(document, analysis, connection.source, target.id, portIndex);
}

/** Runs the target's shape rule with the source's shape on the port; skipped while any input shape is unknown. */
function checkShapes(document: GraphDocument, analysis: GraphAnalysis, sourceId: string, targetId: string, portIndex: number): ConnectionVerdict {
  const target = document.nodes.find((node) => node.id === targetId);
  const spec = target === undefined ? undefined : layerCatalog.get(target.type);
  const sourceShape = analysis.nodeShapes.get(sourceId);
  if (target === undefined || spec === undefined || sourceShape === undefined) return accepted;
  const inputs: TensorShape[] = [];
  for (const [index, input] of spec.inputs.entries()) {
    if (index === portIndex) {
      inputs.push(sourceShape);
      continue;
    }
    const edge = document.edges.find((item) => item.target === targetId && item.targetPort === input.name);
    const shape = edge === undefined ? undefined : analysis.nodeShapes.get(edge.source);
    if (shape === undefined) return accepted;
    inputs.push(shape);
  }
  const resolved = resolveParams(spec, targetId, target.params);
  if (resolved.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return accepted;
  const result = spec.shape(inputs, resolved.params);
  if (result.ok) return accepted;
  const fix = result.suggestion ?? (result.insert !== undefined ? `Insert a ${result.insert.type} layer before it.` : undefined);
  // A param fault (kernel too large...) is fixable after connecting, and the canvas then shows it with its fix.
  if (result.port === undefined && result.field !== undefined) return accepted;
  return refuse(fix === undefined ? result.message : `${result.message} ${fix}`);
}

interface HandleEnd {
  readonly nodeId: string;
  readonly id?: string | null;
  readonly type: 'source' | 'target';
}

/** The proposed edge between two handles, whichever end the drag started from. */
export function proposedBetween(from: HandleEnd, to: HandleEnd): ProposedConnection | null {
  if (from.type === to.type) return null;
  const [source, target] = from.type === 'source' ? [from, to] : [to, from];
  return { source: source.nodeId, target: target.nodeId, targetPort: target.id ?? null };
}
