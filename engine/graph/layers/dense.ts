import { fail, ok, type LayerSpec } from '../layerSpec.ts';
import { tensorShape } from '../shape.ts';
import { boolParam, enumParam, expectFloat, intParam, MAX_DIM } from './common.ts';

export const Dense: LayerSpec = {
  type: 'Dense',
  category: 'Core',
  summary: 'Fully connected: every output is a weighted sum of every input, plus a bias.',
  concept:
    'A Dense (fully connected) layer multiplies its input vector by a weight matrix and adds a bias: y = Wx + b. Each of its units looks at every input value. On a sequence it is applied to every time step with the same weights. It needs a flat vector: put a Flatten after convolutions.',
  params: {
    units: intParam('Number of outputs (neurons).', 64, 1, MAX_DIM),
    useBias: boolParam('Add a learned bias to each output.', true),
    initializer: enumParam('How the weights start.', 'glorot', ['glorot', 'he', 'zeros']),
  },
  inputs: [{ name: 'in', doc: 'A vector, or a sequence (applied per time step).' }],
  hasOutput: true,
  shape([input], params) {
    const wrongType = expectFloat('Dense', input);
    if (wrongType) return wrongType;
    const units = params.units as number;
    if (input.dims.length === 1) return ok(tensorShape([units]));
    if (input.dims.length === 2) return ok(tensorShape([input.dims[0], units]));
    if (input.dims.length === 3) {
      return fail(`Dense expects a vector, but receives an image (${input.dims.join('×')}).`, {
        port: 'in',
        suggestion: 'Insert a Flatten layer before it.',
        insert: { type: 'Flatten' },
      });
    }
    return fail('Dense expects a vector or a sequence, but receives a scalar.', { port: 'in' });
  },
  parameterCount([input], params) {
    const features = input.dims[input.dims.length - 1] ?? 0;
    const units = params.units as number;
    return features * units + (params.useBias ? units : 0);
  },
};
