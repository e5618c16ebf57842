import { activation } from './activation.ts';

export const Tanh = activation(
  'Tanh',
  'Hyperbolic tangent: squashes values into (-1, 1), centred on 0.',
  'Tanh is an S-shaped curve like the sigmoid but ranges from -1 to 1 and is centred on zero, which often helps the next layer. It also saturates for large inputs. Recurrent layers use it for their state; GAN generators often end with it.',
);
