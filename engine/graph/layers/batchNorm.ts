import { ok, type LayerSpec } from '../layerSpec.ts';
import { expectFloat, expectRank, floatParam } from './common.ts';

export const BatchNorm: LayerSpec = {
  type: 'BatchNorm',
  category: 'Core',
  summary: 'Normalizes each channel over the batch, then scales and shifts it.',
  concept:
    'Batch normalization subtracts the batch mean and divides by the batch standard deviation of each channel (the last dimension), then applies a learned scale (gamma) and shift (beta). It keeps activations in a healthy range, so deeper networks train faster. At inference it uses running averages collected during training.',
  params: {
    momentum: floatParam('Weight of the newest batch in the running averages.', 0.1, 0, 1),
    epsilon: floatParam('Added to the variance to avoid dividing by zero.', 1e-5, 1e-12, 1),
  },
  inputs: [{ name: 'in', doc: 'A vector, sequence or image; normalized per channel (last dimension).' }],
  hasOutput: true,
  shape([input]) {
    return expectFloat('BatchNorm', input) ?? expectRank('BatchNorm', input, [1, 2, 3]) ?? ok(input);
  },
  parameterCount([input]) {
    return 2 * (input.dims[input.dims.length - 1] ?? 0);
  },
};
