import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { shapeSize, tensorShape } from '../shape.ts';

export const Flatten: LayerSpec = {
  type: 'Flatten',
  category: 'Core',
  summary: 'Unrolls an image or sequence into one long vector.',
  concept:
    'Flatten lays every value of its input out in a single row, so an 5×5×16 feature map becomes a vector of 400 numbers. Nothing is learned; it connects convolutional layers to Dense layers.',
  params: {},
  inputs: [{ name: 'in', doc: 'Any tensor.' }],
  hasOutput: true,
  shape([input]) {
    if (input.dims.length === 0) return fail('Flatten receives a scalar; there is nothing to flatten.', { port: 'in' });
    return ok(tensorShape([shapeSize(input)], input.dtype));
  },
};
