import { activation } from './activation.ts';

export const Linear = activation(
  'Linear',
  'The identity: passes values through unchanged.',
  'The linear (identity) activation leaves values as they are. A stack of layers with only linear activations collapses into a single linear map, however deep: non-linear activations are what let networks learn curves.',
);
