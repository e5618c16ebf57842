import { enumParam, intParam } from '../layers/common.ts';
import { activationLayer, type BlockLayer, type BlockSpec } from './blockSpec.ts';

export const Decoder: BlockSpec = {
  kind: 'Decoder',
  category: 'Autoencoder blocks',
  summary: 'Rebuilds the input from the code: dense layers or transposed convolutions.',
  concept:
    'The decoder mirrors the encoder: it grows the code back to the input\'s shape. A dense decoder ends with one unit per pixel and a Reshape; a convolutional decoder doubles height and width with stride-2 transposed convolutions. A sigmoid at the end keeps pixels in [0, 1].',
  params: {
    style: enumParam('Dense layers then a Reshape, or stride-2 transposed convolutions.', 'dense', ['dense', 'conv']),
    sizes: { kind: 'intList', doc: 'Units (dense) or filters (conv) of each hidden layer.', default: [64, 128], min: 1, max: 65536, minLength: 1, maxLength: 8 },
    activation: enumParam('Activation after each hidden layer.', 'relu', ['relu', 'leakyRelu', 'tanh', 'gelu']),
    height: intParam('Height of the rebuilt image (dense style).', 28, 1, 4096),
    width: intParam('Width of the rebuilt image (dense style).', 28, 1, 4096),
    channels: intParam('Channels of the rebuilt image.', 1, 1, 4096),
    output: enumParam('Activation of the last layer: sigmoid for [0, 1] pixels, tanh for [-1, 1].', 'sigmoid', ['sigmoid', 'tanh', 'linear']),
  },
  expand(params) {
    const sizes = params.sizes as readonly number[];
    const channels = params.channels as number;
    const layers: BlockLayer[] = [];
    if (params.style === 'conv') {
      for (const filters of sizes) layers.push({ type: 'ConvTranspose2D', params: { filters, kernelSize: [4, 4], stride: [2, 2], padding: 'same' } }, ...activationLayer(params.activation));
      layers.push({ type: 'Conv2D', params: { filters: channels, kernelSize: [3, 3], padding: 'same' } }, ...activationLayer(params.output));
      return layers;
    }
    const height = params.height as number;
    const width = params.width as number;
    for (const units of sizes) layers.push({ type: 'Dense', params: { units, initializer: 'he' } }, ...activationLayer(params.activation));
    layers.push({ type: 'Dense', params: { units: height * width * channels } }, ...activationLayer(params.output), { type: 'Reshape', params: { shape: [height, width, channels] } });
    return layers;
  },
};
