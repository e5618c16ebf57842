// What each graph node becomes in the PyTorch package: its module (an attribute named after the
// node), the lines of `forward` that compute it, and how its Netloom tensors map onto the module's
// state_dict entries. Netloom keeps images height × width × channels; PyTorch wants channels first,
// so every image tensor is NCHW inside the generated model and converted where a layer needs
// Netloom's order (Flatten, Reshape, Dense on an image).
import { analyzeGraph, hasErrors, layerCatalog, type GraphDocument, type TensorShape } from '../../graph/index.ts';
import { ExportError, type LayerCode, type LayerContext } from './common.ts';
import { layerCode } from './layerCode.ts';

export { ExportError, isImage, type TensorMapping } from './common.ts';

export interface NodePlan extends LayerCode {
  readonly id: string;
  /** The node's id as a Python identifier: the module attribute and the variable in forward. */
  readonly name: string;
  readonly type: string;
}

export interface GraphPlan {
  readonly document: GraphDocument;
  /** Every layer node in topological order (Inputs and loss heads included, with no module). */
  readonly nodes: readonly NodePlan[];
  readonly byId: ReadonlyMap<string, NodePlan>;
  readonly shapes: ReadonlyMap<string, TensorShape>;
  /** For each node, the ids feeding its input ports in order. */
  readonly sources: ReadonlyMap<string, readonly string[]>;
  readonly order: readonly string[];
  readonly lossNode: GraphDocument['nodes'][number] | null;
}

export const LOSS_TYPES = new Set(['SoftmaxCrossEntropy', 'MSE', 'BCE']);

const PYTHON_KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield', 'self', 'torch', 'nn', 'F', 'np', 'math']);

/** Node ids as distinct Python identifiers: characters outside [A-Za-z0-9_] become _, a leading digit or keyword gets a prefix. */
export function pythonNames(ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (/^[0-9]/.test(base) || PYTHON_KEYWORDS.has(base)) base = `node_${base}`;
    let name = base;
    for (let suffix = 2; taken.has(name); suffix++) name = `${base}_${suffix}`;
    taken.add(name);
    names.set(id, name);
  }
  return names;
}

/** The graph checked and planned node by node, or an ExportError naming the first node that cannot be exported. */
export function planGraph(input: GraphDocument): GraphPlan {
  const analysis = analyzeGraph(input);
  if (analysis.document === null || hasErrors(analysis)) {
    const first = analysis.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    throw new ExportError(`The graph has problems and cannot be exported: ${first?.message ?? 'unreadable'}${first?.nodeId !== undefined ? ` (node ${first.nodeId})` : ''}. Fix them in the editor first.`);
  }
  const document = analysis.document;
  const names = pythonNames(analysis.order);
  const nodesById = new Map(document.nodes.map((node) => [node.id, node]));
  const sources = new Map<string, string[]>();
  const plans: NodePlan[] = [];
  for (const id of analysis.order) {
    const node = nodesById.get(id);
    const shape = analysis.nodeShapes.get(id);
    if (node === undefined || shape === undefined) continue;
    const ports = layerCatalog.get(node.type)?.inputs ?? [];
    const incoming = ports.map((port) => document.edges.find((edge) => edge.target === id && edge.targetPort === port.name)?.source ?? '');
    sources.set(id, incoming);
    const context: LayerContext = {
      name: names.get(id) ?? id,
      params: analysis.params.get(id) ?? {},
      inputs: incoming.map((source) => names.get(source) ?? source),
      inputShapes: incoming.map((source) => analysis.nodeShapes.get(source) as TensorShape),
      shape,
    };
    const code: LayerCode = node.type === 'Input' || LOSS_TYPES.has(node.type) ? { module: null, forward: [], tensors: [], extraState: [] } : layerCode(node.type, context, id);
    plans.push({ id, name: context.name, type: node.type, ...code });
  }
  const lossNode = document.nodes.find((node) => LOSS_TYPES.has(node.type)) ?? null;
  return { document, nodes: plans, byId: new Map(plans.map((plan) => [plan.id, plan])), shapes: analysis.nodeShapes, sources, order: analysis.order, lossNode };
}
