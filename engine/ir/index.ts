// The engine's intermediate representation: tensor descriptors, primitive ops, programs, and the
// seeded randomness every backend shares.
export type * from './ops/index.ts';
export { BACKWARD_FROM_OUTPUT, backwardOf } from './ops/index.ts';
export * from './stepScalars.ts';
export * from './tensor.ts';
export * from './signatures.ts';
export * from './program.ts';
export * from './random.ts';
export * from './initializers.ts';
