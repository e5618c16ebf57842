// Loss heads share the scalar output; each checks what it can score.
import { ok, type LayerSpec, type ShapeResult } from '../layerSpec.ts';
import type { TensorShape } from '../shape.ts';
import { tensorShape } from '../shape.ts';

export function lossHead(type: string, summary: string, concept: string, check: (input: TensorShape) => ShapeResult | null): LayerSpec {
  return {
    type,
    category: 'Input & Output',
    summary,
    concept,
    params: {},
    inputs: [{ name: 'in', doc: 'The network\'s prediction; the target comes from the dataset.' }],
    hasOutput: false,
    isLoss: true,
    shape([input]) {
      return check(input) ?? ok(tensorShape([]));
    },
  };
}
