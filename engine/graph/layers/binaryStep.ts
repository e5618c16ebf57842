import { activation } from './activation.ts';

export const BinaryStep = activation(
  'BinaryStep',
  '1 if x ≥ 0, else 0: the original perceptron.',
  'The binary step fires 1 for non-negative inputs and 0 otherwise, like the first perceptrons. Its gradient is zero everywhere (and undefined at 0), so gradient descent cannot train the layers before it: it is here to show why smooth activations replaced it.',
);
