// Random inputs for the fused recurrent kernels, and runners for their forward and backward ops.
import type { CpuTensor } from '../../../../engine/backends/cpu/index.ts';
import { elementCount } from '../../../../engine/ir/index.ts';
import { randomState, randomValues, run, tensor } from './helpers.ts';

export type Cell = 'rnn' | 'lstm' | 'gru';

export const GATES: Record<Cell, number> = { rnn: 1, lstm: 4, gru: 3 };

export interface Sizes {
  batch: number;
  time: number;
  features: number;
  units: number;
}

/** The op's inputs in signature order, by name. */
export function cellInputs(cell: Cell, sizes: Sizes, seed: number): Record<string, CpuTensor> {
  const { batch, time, features, units } = sizes;
  const columns = GATES[cell] * units;
  const random = randomState(seed);
  const make = (shape: number[], scale = 1) => tensor(shape, randomValues(elementCount(shape), random).map((value) => value * scale));
  const inputs: Record<string, CpuTensor> = { input: make([batch, time, features]), initialHidden: make([batch, units], 0.5) };
  if (cell === 'lstm') inputs.initialCell = make([batch, units], 0.5);
  inputs.inputWeights = make([features, columns], 0.5);
  inputs.hiddenWeights = make([units, columns], 0.5);
  if (cell === 'gru') {
    inputs.inputBias = make([columns], 0.5);
    inputs.hiddenBias = make([columns], 0.5);
  } else {
    inputs.bias = make([columns], 0.5);
  }
  return inputs;
}

/** Runs the forward op; returns its outputs (hidden first). */
export function cellForward(cell: Cell, inputs: Record<string, CpuTensor>, sizes: Sizes, precision: 'f32' | 'f64' = 'f64'): CpuTensor[] {
  const { batch, time, units } = sizes;
  const steps = (width: number) => tensor([batch, time, width], undefined, precision);
  const outputs = cell === 'rnn' ? [steps(units)] : cell === 'lstm' ? [steps(units), steps(units), steps(4 * units)] : [steps(units), steps(3 * units), steps(units)];
  run({ op: `${cell}Sequence` }, Object.values(inputs), outputs);
  return outputs;
}

/** Runs the backward op after the forward; returns the gradient of every input, by input name. */
export function cellBackward(cell: Cell, inputs: Record<string, CpuTensor>, saved: CpuTensor[], dHidden: CpuTensor, precision: 'f32' | 'f64' = 'f64'): Record<string, CpuTensor> {
  const names = Object.keys(inputs);
  const gradients = names.map((name) => tensor(inputs[name].shape, undefined, precision));
  const scratch = tensor([7 * inputs.initialHidden.shape[1]], undefined, precision);
  const base = cell === 'lstm' ? names.slice(0, 5) : names.slice(0, 4);
  const backwardInputs = [...base.map((name) => inputs[name]), ...saved, dHidden];
  run({ op: `${cell}SequenceBackward` }, backwardInputs, [...gradients, scratch]);
  return Object.fromEntries(names.map((name, index) => [name, gradients[index]]));
}
