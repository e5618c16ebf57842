import { recurrent } from './recurrent.ts';

export const LSTM = recurrent(
  'LSTM',
  4,
  0,
  'Long short-term memory: a recurrent layer with gates and a cell state.',
  'An LSTM carries a cell state C along the sequence and controls it with three sigmoid gates. The forget gate f decides what to erase from C, the input gate i how much of the candidate C̃ = tanh(W·x + U·h + b) to write, and the output gate o what part of tanh(C) to show as the hidden state h. Because C is updated by addition, gradients survive over long spans.',
);
