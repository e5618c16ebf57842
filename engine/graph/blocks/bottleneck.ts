import { enumParam, intParam } from '../layers/common.ts';
import type { BlockSpec } from './blockSpec.ts';

export const Bottleneck: BlockSpec = {
  kind: 'Bottleneck',
  category: 'Autoencoder blocks',
  summary: 'The narrowest point: the code the autoencoder must squeeze everything through.',
  concept:
    'The bottleneck (latent code) is the smallest layer of an autoencoder. Because it has far fewer values than the input, the network must learn which features matter to rebuild the input. A dense bottleneck is a vector; a convolutional one a small feature map.',
  params: {
    style: enumParam('A dense code vector, or a 1×1 convolution that thins the channels.', 'dense', ['dense', 'conv']),
    size: intParam('Code length (dense) or channels (conv).', 16, 1, 65536),
  },
  expand(params) {
    if (params.style === 'conv') return [{ type: 'Conv2D', params: { filters: params.size, kernelSize: [1, 1] } }, { type: 'ReLU', params: {} }];
    return [{ type: 'Dense', params: { units: params.size } }];
  },
};
