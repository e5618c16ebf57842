import { intParam } from '../layers/common.ts';
import type { BlockSpec } from './blockSpec.ts';

export const Discriminator: BlockSpec = {
  kind: 'Discriminator',
  category: 'GAN blocks',
  summary: 'Scores an image as real or generated.',
  concept:
    'A GAN discriminator is a classifier with one output: the logit that its input is a real example rather than a generated one. Stride-2 convolutions with LeakyReLU (which keeps gradients flowing to the generator) shrink the image to a single score.',
  params: { filters: intParam('Filters of the first convolution; doubled in the second.', 32, 1, 4096) },
  expand(params) {
    const filters = params.filters as number;
    return [
      { type: 'Conv2D', params: { filters, kernelSize: [4, 4], stride: [2, 2], padding: 'same' } },
      { type: 'LeakyReLU', params: { alpha: 0.2 } },
      { type: 'Conv2D', params: { filters: filters * 2, kernelSize: [4, 4], stride: [2, 2], padding: 'same' } },
      { type: 'LeakyReLU', params: { alpha: 0.2 } },
      { type: 'Flatten', params: {} },
      { type: 'Dense', params: { units: 1 } },
    ];
  },
};
