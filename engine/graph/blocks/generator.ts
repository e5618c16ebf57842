import { intParam } from '../layers/common.ts';
import type { BlockSpec } from './blockSpec.ts';

export const Generator: BlockSpec = {
  kind: 'Generator',
  category: 'GAN blocks',
  summary: 'Turns random noise into an image (DCGAN style).',
  concept:
    'A GAN generator starts from a random latent vector, projects it with a Dense layer to a small stack of feature maps, and grows them with stride-2 transposed convolutions to a full image. A final tanh gives pixels in [-1, 1]. It never sees real data: it learns only from the discriminator\'s verdicts.',
  params: {
    height: intParam('Height of the images to make (a multiple of 4).', 28, 4, 1024),
    width: intParam('Width of the images to make (a multiple of 4).', 28, 4, 1024),
    channels: intParam('Channels of the images to make.', 1, 1, 4),
    filters: intParam('Channels of the first feature maps; halved at each upsampling.', 64, 2, 4096),
  },
  expand(params) {
    const filters = params.filters as number;
    const height = Math.max(1, Math.floor((params.height as number) / 4));
    const width = Math.max(1, Math.floor((params.width as number) / 4));
    return [
      { type: 'Dense', params: { units: height * width * filters } },
      { type: 'ReLU', params: {} },
      { type: 'Reshape', params: { shape: [height, width, filters] } },
      { type: 'ConvTranspose2D', params: { filters: Math.max(1, filters / 2), kernelSize: [4, 4], stride: [2, 2], padding: 'same' } },
      { type: 'ReLU', params: {} },
      { type: 'ConvTranspose2D', params: { filters: params.channels, kernelSize: [4, 4], stride: [2, 2], padding: 'same' } },
      { type: 'Tanh', params: {} },
    ];
  },
};
