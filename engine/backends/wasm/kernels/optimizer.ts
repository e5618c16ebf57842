// The optimizer updates on float32 SIMD lanes (assembly/optimizer.ts), within float32 rounding of
// the cpu reference kernels (which compute in double). Each call has its own parameter block,
// reserved once: the addresses are written at bind time, and before every step the bound call
// decodes the step scalars the host wrote (ir/stepScalars.ts) and writes the step's constants
// into the block (nothing is allocated per step). Large updates split across the threads.
import { STEP_SCALARS } from '../../../ir/index.ts';
import type { WasmHeap } from '../heap.ts';
import type { WasmTensor } from '../tensor.ts';
import type { BindContext, Binder, BoundKernel } from './context.ts';

/** i32 words before the float32 constants (assembly/optimizer.ts); FLAG is the last of them. */
const CONSTANTS = 6;
const FLAG = 5;
const BLOCK_WORDS = CONSTANTS + 9;

/** Floating-point operations per parameter of each update, roughly (divisions and roots weigh more): what a split is worth. */
const FLOPS_PER_PARAMETER = { sgdUpdate: 3, momentumUpdate: 6, adamUpdate: 24, rmspropUpdate: 16 } as const;

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

/** Views of one call's parameter block, renewed when the memory grows. */
class UpdateBlock {
  private integers: Int32Array;
  private floats: Float32Array;

  constructor(private readonly heap: WasmHeap, readonly address: number) {
    this.integers = new Int32Array(heap.memory.buffer, address, BLOCK_WORDS);
    this.floats = new Float32Array(heap.memory.buffer, address + CONSTANTS * 4, BLOCK_WORDS - CONSTANTS);
  }

  /** Writes the flag; returns the view of the constants (float32) for the caller to write this step's. */
  constants(flag: number): Float32Array {
    if (this.integers.buffer !== this.heap.memory.buffer) {
      this.integers = new Int32Array(this.heap.memory.buffer, this.address, BLOCK_WORDS);
      this.floats = new Float32Array(this.heap.memory.buffer, this.address + CONSTANTS * 4, BLOCK_WORDS - CONSTANTS);
    }
    this.integers[FLAG] = flag;
    return this.floats;
  }

  setAddresses(fields: readonly number[]): void {
    this.integers.set(fields);
  }
}

type UpdateName = keyof typeof FLOPS_PER_PARAMETER;

/** Reserves the call's block (once per call), writes its addresses, and returns it with the bound kernel that runs it. */
function bindUpdate(context: BindContext, name: UpdateName, tensors: readonly WasmTensor[]): { block: UpdateBlock; run: BoundKernel } {
  const [value, gradient, , ...state] = tensors;
  const address = context.heap.workspace(`${name} ${value.address}`, BLOCK_WORDS * 4);
  const block = new UpdateBlock(context.heap, address);
  block.setAddresses([value.length, value.address, gradient.address, state[0]?.address ?? 0, state[1]?.address ?? 0]);
  const parts = context.partsFor(value.length * FLOPS_PER_PARAMETER[name]);
  return { block, run: context.split(name, address, parts) };
}

export const sgdUpdate: Binder<'sgdUpdate'> = (context, op, inputs) => {
  checkUpdate(op.op, inputs);
  const { block, run } = bindUpdate(context, 'sgdUpdate', inputs);
  const scalars = inputs[2];
  return () => {
    const constants = block.constants(0);
    constants[0] = op.weightDecay;
    constants[1] = learningRateOf(scalars);
    run();
  };
};

export const momentumUpdate: Binder<'momentumUpdate'> = (context, op, inputs) => {
  checkUpdate(op.op, inputs);
  const { block, run } = bindUpdate(context, 'momentumUpdate', inputs);
  const scalars = inputs[2];
  return () => {
    const constants = block.constants((scalars.data[0] === 1 ? 1 : 0) + (op.nesterov ? 2 : 0));
    constants[0] = op.weightDecay;
    constants[1] = learningRateOf(scalars);
    constants[2] = op.momentum;
    run();
  };
};

export const adamUpdate: Binder<'adamUpdate'> = (context, op, inputs) => {
  checkUpdate(op.op, inputs);
  const { block, run } = bindUpdate(context, 'adamUpdate', inputs);
  const scalars = inputs[2];
  const { beta1, beta2, epsilon, weightDecay, decoupled } = op;
  return () => {
    const step = scalars.data[0];
    const learningRate = learningRateOf(scalars);
    const correction1 = 1 - beta1 ** step;
    const correction2 = Math.sqrt(1 - beta2 ** step);
    const shrink = decoupled ? 1 - learningRate * weightDecay : 1;
    const constants = block.constants(0);
    constants[0] = decoupled ? 0 : weightDecay;
    constants[1] = beta1;
    constants[2] = 1 - beta1;
    constants[3] = beta2;
    constants[4] = 1 - beta2;
    constants[5] = epsilon;
    constants[6] = learningRate / correction1;
    constants[7] = correction2;
    constants[8] = shrink;
    run();
  };
};

export const rmspropUpdate: Binder<'rmspropUpdate'> = (context, op, inputs) => {
  checkUpdate(op.op, inputs);
  const { block, run } = bindUpdate(context, 'rmspropUpdate', inputs);
  const scalars = inputs[2];
  return () => {
    const constants = block.constants(0);
    constants[0] = op.weightDecay;
    constants[1] = op.rho;
    constants[2] = 1 - op.rho;
    constants[3] = op.epsilon;
    constants[4] = learningRateOf(scalars);
    run();
  };
};
