import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { describeShape, tensorShape } from '../shape.ts';
import { intParam, MAX_DIM } from './common.ts';

export const Embedding: LayerSpec = {
  type: 'Embedding',
  category: 'Core',
  summary: 'Turns integer ids (characters, words) into learned vectors.',
  concept:
    'An Embedding is a lookup table with one learned row per id. Token 17 becomes row 17: a dense vector the network can compute with. Similar tokens end up with similar vectors as training goes.',
  params: {
    vocabulary: intParam('How many different ids there are.', 64, 1, MAX_DIM),
    dimension: intParam('Length of each learned vector.', 16, 1, 65536),
  },
  inputs: [{ name: 'in', doc: 'Integer ids: a token sequence.' }],
  hasOutput: true,
  shape([input], params) {
    if (input.dtype !== 'int32') {
      return fail(`Embedding expects integer ids, but receives ${describeShape(input)} of real numbers.`, {
        port: 'in',
        suggestion: 'Set the Input kind to "tokens".',
      });
    }
    if (input.dims.length !== 1) return fail(`Embedding expects a sequence of ids, but receives ${describeShape(input)}.`, { port: 'in' });
    return ok(tensorShape([input.dims[0], params.dimension as number]));
  },
  parameterCount(_inputs, params) {
    return (params.vocabulary as number) * (params.dimension as number);
  },
};
