import { recurrent } from './recurrent.ts';

export const GRU = recurrent(
  'GRU',
  3,
  3,
  'Gated recurrent unit: a lighter LSTM with two gates.',
  'A GRU has a reset gate r, which decides how much of the previous state feeds the candidate n, and an update gate z, which blends the old state and the candidate: h = (1 − z)·n + z·h. It has no separate cell state, so it is smaller and often as good as an LSTM.',
);
