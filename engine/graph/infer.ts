// Shape inference: walks the graph in topological order and applies each layer's shape rule.
import { error, warning, type Diagnostic } from './diagnostic.ts';
import type { GraphDocument } from './document.ts';
import type { Params, ShapeResult } from './layerSpec.ts';
import { resolveParams } from './params.ts';
import type { TensorShape } from './shape.ts';
import type { Wiring } from './structure.ts';

export interface Inference {
  readonly nodeShapes: Map<string, TensorShape>;
  readonly edgeShapes: Map<string, TensorShape>;
  readonly params: Map<string, Params>;
  readonly parameterCounts: Map<string, number>;
  readonly diagnostics: Diagnostic[];
}

export function inferShapes(document: GraphDocument, wiring: Wiring): Inference {
  const result: Inference = { nodeShapes: new Map(), edgeShapes: new Map(), params: new Map(), parameterCounts: new Map(), diagnostics: [] };
  for (const id of wiring.order) {
    const node = wiring.nodes.get(id);
    const spec = wiring.specs.get(id);
    if (node === undefined || spec === undefined) continue;
    const resolved = resolveParams(spec, id, node.params);
    result.diagnostics.push(...resolved.diagnostics);
    if (resolved.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) continue;
    result.params.set(id, resolved.params);
    const inputs = gatherInputs(id, wiring, result);
    if (inputs === null) continue;
    const shape = spec.shape(inputs, resolved.params);
    if (!shape.ok) {
      result.diagnostics.push(shapeDiagnostic(id, shape, wiring));
      continue;
    }
    result.nodeShapes.set(id, shape.shape);
    result.parameterCounts.set(id, spec.parameterCount?.(inputs, resolved.params) ?? 0);
    for (const edge of wiring.outgoing.get(id) ?? []) result.edgeShapes.set(edge.id, shape.shape);
  }
  reportUnusedOutputs(document, wiring, result.diagnostics);
  return result;
}

/** Input shapes in port order; null (with a diagnostic for unconnected ports) when any is unknown. */
function gatherInputs(id: string, wiring: Wiring, result: Inference): TensorShape[] | null {
  const spec = wiring.specs.get(id);
  if (spec === undefined) return null;
  const ports = wiring.incoming.get(id);
  const shapes: TensorShape[] = [];
  let complete = true;
  for (const port of spec.inputs) {
    const edge = ports?.get(port.name);
    if (edge === undefined) {
      const name = spec.inputs.length > 1 ? `Input "${port.name}"` : 'The input';
      result.diagnostics.push(error(`${name} is not connected.`, { nodeId: id, suggestion: `Connect ${port.doc.charAt(0).toLowerCase()}${port.doc.slice(1)}` }));
      complete = false;
      continue;
    }
    const shape = result.nodeShapes.get(edge.source);
    if (shape === undefined) complete = false;
    else shapes.push(shape);
  }
  return complete ? shapes : null;
}

function shapeDiagnostic(id: string, shape: Extract<ShapeResult, { ok: false }>, wiring: Wiring): Diagnostic {
  const edge = shape.port !== undefined ? wiring.incoming.get(id)?.get(shape.port) : undefined;
  const fix =
    shape.insert !== undefined && edge !== undefined
      ? ({ kind: 'insertNode', edgeId: edge.id, type: shape.insert.type, params: shape.insert.params } as const)
      : shape.setParam !== undefined
        ? ({ kind: 'setParam', nodeId: id, field: shape.setParam.field, value: shape.setParam.value } as const)
        : undefined;
  return error(shape.message, { nodeId: id, edgeId: edge?.id, field: shape.field, suggestion: shape.suggestion, fix });
}

function reportUnusedOutputs(document: GraphDocument, wiring: Wiring, diagnostics: Diagnostic[]) {
  const generatorGroups = new Set(document.groups.filter((group) => group.kind === 'Generator').map((group) => group.id));
  for (const [id, spec] of wiring.specs) {
    if (!spec.hasOutput || (wiring.outgoing.get(id)?.length ?? 0) > 0) continue;
    const node = wiring.nodes.get(id);
    // A GAN generator's last layer feeds the discriminator through the training loop, not an edge.
    if (document.training.task === 'gan' && node?.group !== undefined && generatorGroups.has(node.group)) continue;
    diagnostics.push(warning('The output of this node is not used.', { nodeId: id, suggestion: 'Connect it onward, or delete the node.' }));
  }
}
