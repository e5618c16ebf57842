// Shapes through a chain of layers, as a block expands: used to preview a block before it is placed.
import type { BlockLayer } from './blocks/blockSpec.ts';
import { layerCatalog } from './layers/index.ts';
import { resolveParams } from './params.ts';
import type { TensorShape } from './shape.ts';

export type ChainResult = { readonly ok: true; readonly shapes: readonly TensorShape[] } | { readonly ok: false; readonly index: number; readonly message: string };

export function inferChain(layers: readonly BlockLayer[], input: TensorShape): ChainResult {
  const shapes: TensorShape[] = [];
  let current = input;
  for (const [index, layer] of layers.entries()) {
    const spec = layerCatalog.get(layer.type);
    if (spec === undefined) return { ok: false, index, message: `Unknown layer type "${layer.type}".` };
    const resolved = resolveParams(spec, `#${index}`, layer.params);
    const problem = resolved.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
    if (problem !== undefined) return { ok: false, index, message: problem.message };
    const result = spec.shape([current], resolved.params);
    if (!result.ok) return { ok: false, index, message: result.message };
    current = result.shape;
    shapes.push(current);
  }
  return { ok: true, shapes };
}
