import { activation } from './activation.ts';

export const GELU = activation(
  'GELU',
  'x·Φ(x): a smooth ReLU used in transformers.',
  'The Gaussian error linear unit weights each input by the probability that a standard normal variable is below it. It behaves like ReLU for large values but is smooth around zero and lets small negative values through. BERT and GPT use it.',
);
