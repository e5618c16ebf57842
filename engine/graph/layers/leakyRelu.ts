import { activation } from './activation.ts';
import { floatParam } from './common.ts';

export const LeakyReLU = activation(
  'LeakyReLU',
  'Like ReLU, but negatives keep a small slope.',
  'Leaky ReLU returns x for positive inputs and alpha·x for negative ones. The small negative slope keeps a gradient flowing, so units cannot die as they can with ReLU. Common in GAN discriminators.',
  { alpha: floatParam('Slope for negative inputs.', 0.2, 0, 1) },
);
