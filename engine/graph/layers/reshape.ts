import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { shapeSize, tensorShape } from '../shape.ts';
import { MAX_DIM } from './common.ts';

export const Reshape: LayerSpec = {
  type: 'Reshape',
  category: 'Core',
  summary: 'Rearranges the same values into a new shape.',
  concept:
    'Reshape keeps every value and their order but changes how they are grouped: a vector of 784 becomes a 28×28×1 image. The total count must stay the same; one dimension may be -1 to be worked out for you.',
  params: {
    shape: { kind: 'intList', doc: 'The new shape without the batch; one entry may be -1.', default: [-1], min: -1, max: MAX_DIM, minLength: 1, maxLength: 3 },
  },
  inputs: [{ name: 'in', doc: 'Any tensor.' }],
  hasOutput: true,
  shape([input], params) {
    const target = params.shape as readonly number[];
    const size = shapeSize(input);
    const unknown = target.filter((dim) => dim === -1).length;
    if (unknown > 1) return fail('Only one dimension of the shape may be -1.', { field: 'shape' });
    if (target.some((dim) => dim === 0 || dim < -1)) return fail('Every dimension must be positive (or -1).', { field: 'shape' });
    const known = target.filter((dim) => dim !== -1).reduce((product, dim) => product * dim, 1);
    if (unknown === 1) {
      if (size % known !== 0) return fail(`Cannot reshape ${size} values into ${target.join('×')}: ${size} is not a multiple of ${known}.`, { field: 'shape' });
      return ok(tensorShape(target.map((dim) => (dim === -1 ? size / known : dim)), input.dtype));
    }
    if (known !== size) {
      return fail(`Cannot reshape ${size} values (${input.dims.join('×')}) into ${target.join('×')} (${known} values).`, {
        field: 'shape',
        suggestion: 'Make the product of the new shape equal the input size, or use -1 for one dimension.',
      });
    }
    return ok(tensorShape(target, input.dtype));
  },
};
