import { enumParam } from '../layers/common.ts';
import { activationLayer, type BlockLayer, type BlockSpec } from './blockSpec.ts';

export const Encoder: BlockSpec = {
  kind: 'Encoder',
  category: 'Autoencoder blocks',
  summary: 'Compresses the input step by step: dense layers or strided convolutions.',
  concept:
    'The encoder half of an autoencoder maps each input to a smaller representation. Dense encoders shrink a flattened vector layer by layer; convolutional encoders halve height and width with stride-2 convolutions while adding channels.',
  params: {
    style: enumParam('Dense layers on a flattened input, or stride-2 convolutions on an image.', 'dense', ['dense', 'conv']),
    sizes: { kind: 'intList', doc: 'Units (dense) or filters (conv) of each layer.', default: [128, 64], min: 1, max: 65536, minLength: 1, maxLength: 8 },
    activation: enumParam('Activation after each layer.', 'relu', ['relu', 'leakyRelu', 'tanh', 'gelu']),
  },
  expand(params, input) {
    const sizes = params.sizes as readonly number[];
    const layers: BlockLayer[] = [];
    if (params.style === 'conv') {
      for (const filters of sizes) layers.push({ type: 'Conv2D', params: { filters, kernelSize: [3, 3], stride: [2, 2], padding: 'same' } }, ...activationLayer(params.activation));
      return layers;
    }
    if (input !== null && input.dims.length > 1) layers.push({ type: 'Flatten', params: {} });
    for (const units of sizes) layers.push({ type: 'Dense', params: { units, initializer: 'he' } }, ...activationLayer(params.activation));
    return layers;
  },
};
