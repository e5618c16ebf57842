// The primitive ops: one discriminated union keyed by `op`, with each op's attributes.
// The group interfaces (BinaryOp covers 'add' | 'sub' | ...) are split into one member per op name,
// so `switch (call.op.op)` narrows and OpOf<'add'> is exactly the attributes of add.
import type { ActivationOp } from './activations.ts';
import type { CoreOp } from './core.ts';
import type { OptimizerOp } from './optimizer.ts';
import type { RecurrentOp } from './recurrent.ts';
import type { SpatialOp } from './spatial.ts';
import type { TrainingOp } from './training.ts';

export type * from './activations.ts';
export type * from './core.ts';
export type * from './optimizer.ts';
export type * from './recurrent.ts';
export type * from './spatial.ts';
export type * from './training.ts';
export { BACKWARD_FROM_OUTPUT, backwardOf } from './activations.ts';

type Flatten<Shape> = { readonly [Key in keyof Shape]: Shape[Key] };
type OnePerName<Group> = Group extends { readonly op: infer Names extends string }
  ? Names extends string
    ? Flatten<Omit<Group, 'op'> & { readonly op: Names }>
    : never
  : never;

export type Op = OnePerName<CoreOp | ActivationOp | SpatialOp | TrainingOp | RecurrentOp | OptimizerOp>;
export type OpName = Op['op'];
/** The attributes of one op, e.g. OpOf<'conv2d'> or OpOf<'add'>. */
export type OpOf<Name extends OpName> = Extract<Op, { readonly op: Name }>;
