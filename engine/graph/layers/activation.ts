// Elementwise activations share one shape rule: the output has the input's shape.
import { ok, type LayerSpec, type ParamSpec } from '../layerSpec.ts';
import { expectFloat } from './common.ts';

export function activation(type: string, summary: string, concept: string, params: Readonly<Record<string, ParamSpec>> = {}): LayerSpec {
  return {
    type,
    category: 'Activations',
    summary,
    concept,
    params,
    inputs: [{ name: 'in', doc: 'Any tensor of real numbers.' }],
    hasOutput: true,
    shape([input]) {
      return expectFloat(type, input) ?? ok(input);
    },
  };
}
