import { ok, type LayerSpec } from '../layerSpec.ts';
import { expectFloat, floatParam } from './common.ts';

export const Dropout: LayerSpec = {
  type: 'Dropout',
  category: 'Core',
  summary: 'Randomly zeroes values during training to fight overfitting.',
  concept:
    'During training, Dropout sets each value to zero with probability `rate` and scales the rest up so the expected sum is unchanged. The network cannot rely on any single unit, which makes it generalize better. At inference it does nothing.',
  params: { rate: floatParam('Probability of dropping each value.', 0.5, 0, 0.99) },
  inputs: [{ name: 'in', doc: 'Any tensor.' }],
  hasOutput: true,
  shape([input]) {
    return expectFloat('Dropout', input) ?? ok(input);
  },
};
