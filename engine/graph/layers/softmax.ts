import { activation } from './activation.ts';

export const Softmax = activation(
  'Softmax',
  'Turns scores into probabilities that sum to 1.',
  'Softmax exponentiates each score of the last dimension and divides by their sum, giving a probability per class. The largest score gets the largest share. For training, prefer the SoftmaxCrossEntropy head, which includes it in a numerically stable way.',
);
