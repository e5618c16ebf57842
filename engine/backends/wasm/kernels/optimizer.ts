// The optimizer updates on float32 SIMD lanes (assembly/optimizer.ts), within float32 rounding of
// the cpu reference kernels (which compute in double). Each step the bound call decodes the step scalars the host wrote
// (ir/stepScalars.ts) and passes the step's constants as arguments: nothing is allocated per step.
import { STEP_SCALARS } from '../../../ir/index.ts';
import type { WasmTensor } from '../tensor.ts';
import type { Binder } from './context.ts';

const words = new Int32Array(2);
const rate = new Float64Array(words.buffer);

/** The learning rate held by a scalars buffer (its words 1 and 2: a float64, low word first). */
function learningRateOf(scalars: WasmTensor): number {
  const values = scalars.data;
  words[0] = values[1];
  words[1] = values[2];
  return rate[0];
}

/** Checks that every state tensor holds as many float32 values as the parameter, and the scalars buffer. */
function checkUpdate(name: string, [value, gradient, scalars, ...state]: readonly WasmTensor[]): void {
  for (const [tensor, what] of [[value, 'value'], [gradient, 'gradient'], ...state.map((tensor) => [tensor, 'state'] as const)] as const) {
    if (tensor.dtype !== 'f32') throw new TypeError(`${name}: the ${what} must hold real numbers (f32).`);
    if (tensor.length !== value.length) throw new RangeError(`${name}: the ${what} holds ${tensor.length} values; the value holds ${value.length}.`);
  }
  if (scalars.dtype !== 'i32' || scalars.length < STEP_SCALARS) throw new RangeError(`${name}: the step scalars must be ${STEP_SCALARS} integers (step, learning rate low and high word).`);
}

type Kernel<Arguments extends unknown[]> = (...values: Arguments) => void;

export const sgdUpdate: Binder<'sgdUpdate'> = (context, op, inputs) => {
  checkUpdate(op.op, inputs);
  const [value, gradient, scalars] = inputs;
  const run = context.heap.kernels.sgdUpdate as Kernel<[number, number, number, number, number]>;
  return () => run(value.length, value.address, gradient.address, op.weightDecay, learningRateOf(scalars));
};

export const momentumUpdate: Binder<'momentumUpdate'> = (context, op, inputs) => {
  checkUpdate(op.op, inputs);
  const [value, gradient, scalars, velocity] = inputs;
  const run = context.heap.kernels.momentumUpdate as Kernel<[number, number, number, number, number, number, number, boolean, boolean]>;
  return () => run(value.length, value.address, gradient.address, velocity.address, op.weightDecay, learningRateOf(scalars), op.momentum, scalars.data[0] === 1, op.nesterov);
};

export const adamUpdate: Binder<'adamUpdate'> = (context, op, inputs) => {
  checkUpdate(op.op, inputs);
  const [value, gradient, scalars, first, second] = inputs;
  const { beta1, beta2, epsilon, weightDecay, decoupled } = op;
  const run = context.heap.kernels.adamUpdate as Kernel<[number, number, number, number, number, number, number, number, number, number, number, number, number, number]>;
  return () => {
    const step = scalars.data[0];
    const learningRate = learningRateOf(scalars);
    const correction1 = 1 - beta1 ** step;
    const correction2 = Math.sqrt(1 - beta2 ** step);
    const shrink = decoupled ? 1 - learningRate * weightDecay : 1;
    run(value.length, value.address, gradient.address, first.address, second.address, beta1, 1 - beta1, beta2, 1 - beta2, epsilon, decoupled ? 0 : weightDecay, learningRate / correction1, correction2, shrink);
  };
};

export const rmspropUpdate: Binder<'rmspropUpdate'> = (context, op, inputs) => {
  checkUpdate(op.op, inputs);
  const [value, gradient, scalars, square] = inputs;
  const run = context.heap.kernels.rmspropUpdate as Kernel<[number, number, number, number, number, number, number, number, number]>;
  return () => run(value.length, value.address, gradient.address, square.address, op.rho, 1 - op.rho, op.epsilon, op.weightDecay, learningRateOf(scalars));
};
