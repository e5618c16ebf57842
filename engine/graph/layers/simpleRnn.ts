import { recurrent } from './recurrent.ts';

export const SimpleRNN = recurrent(
  'SimpleRNN',
  1,
  0,
  'A recurrent layer: each step mixes the input with the previous state.',
  'A simple recurrent network keeps a hidden state h. At each time step it computes h = tanh(W·x + U·h + b) from the new input and the previous state, so information flows along the sequence. Gradients through many steps tend to vanish, which is why LSTM and GRU were invented.',
);
