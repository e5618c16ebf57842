import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { formatShape, sameShape } from '../shape.ts';

export const Add: LayerSpec = {
  type: 'Add',
  category: 'Core',
  summary: 'Adds two tensors of the same shape, element by element (skip connections).',
  concept:
    'Add sums its two inputs value by value. Adding a layer\'s input to its output is a residual (skip) connection: gradients flow straight through the sum, which lets very deep networks train.',
  params: {},
  inputs: [
    { name: 'a', doc: 'First tensor.' },
    { name: 'b', doc: 'Second tensor, same shape as the first.' },
  ],
  hasOutput: true,
  shape([first, second]) {
    if (!sameShape(first, second)) {
      return fail(`Add needs two inputs of the same shape, but receives ${formatShape(first)} and ${formatShape(second)}.`, { port: 'b' });
    }
    return ok(first);
  },
};
