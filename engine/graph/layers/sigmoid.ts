import { activation } from './activation.ts';

export const Sigmoid = activation(
  'Sigmoid',
  '1 / (1 + e^-x): squashes any value into (0, 1).',
  'The sigmoid maps any number to a value between 0 and 1, which reads as a probability. For large positive or negative inputs it saturates: its gradient becomes tiny and learning slows (the vanishing gradient). LSTM and GRU gates use it.',
);
