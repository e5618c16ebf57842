import { ok, type LayerSpec } from '../layerSpec.ts';
import { tensorShape } from '../shape.ts';
import { expectFloat, expectRank } from './common.ts';

export const GlobalAvgPool: LayerSpec = {
  type: 'GlobalAvgPool',
  category: 'Convolution',
  summary: 'Averages each whole channel to one number: H×W×C becomes C.',
  concept:
    'Global average pooling takes the mean of every channel over the whole image, leaving one value per channel. It replaces Flatten + Dense at the end of many modern CNNs with no weights at all.',
  params: {},
  inputs: [{ name: 'in', doc: 'An image H×W×C.' }],
  hasOutput: true,
  shape([input]) {
    return expectFloat('GlobalAvgPool', input) ?? expectRank('GlobalAvgPool', input, [3]) ?? ok(tensorShape([input.dims[2]]));
  },
};
