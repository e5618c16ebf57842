import { activation } from './activation.ts';

export const ReLU = activation(
  'ReLU',
  'max(0, x): passes positives, zeroes negatives.',
  'The rectified linear unit keeps positive values and turns negative ones into zero. It is cheap, and its gradient is 1 for every positive input, so deep networks learn quickly. A unit whose input stays negative gets no gradient and can "die".',
);
