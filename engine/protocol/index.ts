// engine/protocol: the worker's message contract.
export * from './messages.ts';
export * from './datasets.ts';
export * from './learn.ts';
export * from './learnDynamics.ts';
export * from './learnGenerative.ts';
