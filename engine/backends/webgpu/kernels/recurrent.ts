// The fused rnn and lstm sequences and their backward ops (rnnSequence*.wgsl, lstmSequence*.wgsl,
// recurrentGradients.wgsl, recurrentInitial.wgsl, with recurrent.wgsl's shape words): one dispatch
// per time step (two for the lstm: gates, then cell and hidden), since each step reads the whole
// hidden state of the one before; a backward op keeps every step's pre-activation gradients in a
// scratch of its own [B, T, gates·H], then takes dx, dWx, dWh (one thread per value) and dBias
// (reduce.wgsl) from it.
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, expectShape, grid, Parameters, perElement, shapeText, type Dispatch, type WrapperContext } from './context.ts';

export interface Layout {
  readonly batch: number;
  readonly time: number;
  readonly features: number;
  readonly units: number;
  readonly columns: number;
}

export function layoutOf(name: string, gates: number, [input, initialHidden, inputWeights, hiddenWeights]: readonly GpuTensor[]): Layout {
  if (input.shape.length !== 3 || initialHidden.shape.length !== 2) {
    throw new RangeError(`${name}: input must be [batch, time, features] and the initial state [batch, units], not ${shapeText(input.shape)} and ${shapeText(initialHidden.shape)}.`);
  }
  expectReal(input, `${name} input`);
  const [batch, time, features] = input.shape;
  const units = initialHidden.shape[1];
  expectShape(initialHidden, [batch, units], `${name} initial state`);
  expectShape(inputWeights, [features, gates * units], `${name} input weights`);
  expectShape(hiddenWeights, [units, gates * units], `${name} hidden weights`);
  return { batch, time, features, units, columns: gates * units };
}

export function words(layout: Layout, count: number, step: number, phase: number): Parameters {
  return new Parameters().u32(count, layout.batch, layout.time, layout.features, layout.units, layout.columns, step, phase);
}

export function rnnSequence(_op: OpOf<'rnnSequence'>, inputs: readonly GpuTensor[], [hidden]: readonly GpuTensor[]): Dispatch[] {
  const layout = layoutOf('rnnSequence', 1, inputs);
  expectShape(inputs[4], [layout.units], 'rnnSequence bias');
  expectShape(hidden, [layout.batch, layout.time, layout.units], 'rnnSequence hidden');
  const count = layout.batch * layout.units;
  const buffers = [...inputs.map((tensor) => tensor.buffer), hidden.buffer];
  return Array.from({ length: layout.time }, (_, step): Dispatch => ({ shader: ['recurrent', 'rnnSequence'], parameters: words(layout, count, step, 0), buffers, workgroups: perElement(count) }));
}

export function rnnSequenceBackward(_op: OpOf<'rnnSequenceBackward'>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  const layout = layoutOf('rnnSequenceBackward', 1, inputs);
  const [input, initialHidden, inputWeights, hiddenWeights, hidden, dHidden] = inputs;
  const [dInput, dInitialHidden, dInputWeights, dHiddenWeights, dBias] = outputs;
  const steps = [layout.batch, layout.time, layout.units];
  expectShape(hidden, steps, 'rnnSequenceBackward hidden');
  expectShape(dHidden, steps, 'rnnSequenceBackward dHidden');
  [input, initialHidden, inputWeights, hiddenWeights].forEach((tensor, index) => expectShape(outputs[index], tensor.shape, `rnnSequenceBackward gradient ${index}`));
  expectShape(dBias, [layout.units], 'rnnSequenceBackward dBias');
  const { batch, time, units, columns } = layout;
  const dPre = context.scratch(batch * time * columns * 4);
  const count = batch * units;
  const stepBuffers = [hiddenWeights.buffer, hidden.buffer, dHidden.buffer, dPre, dInitialHidden.buffer];
  const backward = Array.from({ length: time }, (_, index): Dispatch => ({ shader: ['recurrent', 'rnnSequenceBackward'], parameters: words(layout, count, time - 1 - index, 0), buffers: stepBuffers, workgroups: perElement(count) }));
  return [
    ...backward,
    { shader: ['recurrent', 'rnnSequenceBackward'], parameters: words(layout, count, 0, 1), buffers: stepBuffers, workgroups: perElement(count) },
    ...weightGradients(layout, [input, initialHidden, hidden, inputWeights], dPre, dPre, [dInput, dInputWeights, dHiddenWeights]),
    biasGradient(layout, dPre, dBias),
  ];
}

/**
 * dx, dWx (recurrentGradients.wgsl) from the input side's pre-activation gradients and dWh from the
 * hidden side's ([B, T, C] each; one buffer for both in the rnn and the lstm).
 */
export function weightGradients(layout: Layout, [input, initialHidden, hidden, inputWeights]: readonly GpuTensor[], inputSide: GPUBuffer, hiddenSide: GPUBuffer, [dInput, dInputWeights, dHiddenWeights]: readonly GpuTensor[]): Dispatch[] {
  const gradient = (phase: number, dPre: GPUBuffer, target: GpuTensor): Dispatch => ({
    shader: ['recurrent', 'recurrentGradients'],
    parameters: words(layout, target.count, 0, phase),
    buffers: [input.buffer, initialHidden.buffer, hidden.buffer, inputWeights.buffer, dPre, target.buffer],
    workgroups: perElement(target.count),
  });
  return [...(layout.features > 0 ? [gradient(0, inputSide, dInput), gradient(1, inputSide, dInputWeights)] : []), gradient(2, hiddenSide, dHiddenWeights)];
}

/** A bias gradient: the sum of pre-activation gradients [B·T, C] over the rows (reduce.wgsl). */
export function biasGradient(layout: Layout, dPre: GPUBuffer, dBias: GpuTensor): Dispatch {
  const { columns } = layout;
  const rows = layout.batch * layout.time;
  return { shader: ['reduce'], parameters: new Parameters().u32(columns, rows).f32(1).u32(1, 1, columns, 1, rows, columns), buffers: [dPre, dBias.buffer], workgroups: grid(columns) };
}

export function lstmSequence(_op: OpOf<'lstmSequence'>, inputs: readonly GpuTensor[], [hidden, cell, gates]: readonly GpuTensor[]): Dispatch[] {
  const [input, initialHidden, initialCell, inputWeights, hiddenWeights, bias] = inputs;
  const layout = layoutOf('lstmSequence', 4, [input, initialHidden, inputWeights, hiddenWeights]);
  const { batch, time, units, columns } = layout;
  expectShape(initialCell, initialHidden.shape, 'lstmSequence initial cell');
  expectShape(bias, [columns], 'lstmSequence bias');
  expectShape(hidden, [batch, time, units], 'lstmSequence hidden');
  expectShape(cell, [batch, time, units], 'lstmSequence cell');
  expectShape(gates, [batch, time, columns], 'lstmSequence gates');
  const count = batch * units;
  const gateBuffers = [input, initialHidden, inputWeights, hiddenWeights, bias, hidden, gates].map((tensor) => tensor.buffer);
  const cellBuffers = [initialCell, gates, cell, hidden].map((tensor) => tensor.buffer);
  return Array.from({ length: time }, (_, step): Dispatch[] => [
    { shader: ['recurrent', 'lstmSequenceGates'], parameters: words(layout, count, step, 0), buffers: gateBuffers, workgroups: perElement(count) },
    { shader: ['recurrent', 'lstmSequenceCell'], parameters: words(layout, count, step, 0), buffers: cellBuffers, workgroups: perElement(count) },
  ]).flat();
}

export function lstmSequenceBackward(_op: OpOf<'lstmSequenceBackward'>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  const [input, initialHidden, initialCell, inputWeights, hiddenWeights, hidden, cell, gates, dHidden] = inputs;
  const [dInput, dInitialHidden, dInitialCell, dInputWeights, dHiddenWeights, dBias] = outputs;
  const layout = layoutOf('lstmSequenceBackward', 4, [input, initialHidden, inputWeights, hiddenWeights]);
  const { batch, time, units, columns } = layout;
  for (const [tensor, width, what] of [[hidden, units, 'hidden'], [cell, units, 'cell'], [gates, columns, 'gates'], [dHidden, units, 'dHidden']] as const) expectShape(tensor, [batch, time, width], `lstmSequenceBackward ${what}`);
  expectShape(initialCell, initialHidden.shape, 'lstmSequenceBackward initial cell');
  inputs.slice(0, 5).forEach((tensor, index) => expectShape(outputs[index], tensor.shape, `lstmSequenceBackward gradient ${index}`));
  expectShape(dBias, [columns], 'lstmSequenceBackward dBias');
  const dPre = context.scratch(batch * time * columns * 4);
  const carried = context.scratch(batch * units * 4);
  const count = batch * units;
  const stepBuffers = [hiddenWeights.buffer, initialCell.buffer, cell.buffer, gates.buffer, dHidden.buffer, dPre, carried];
  return [
    ...Array.from({ length: time }, (_, index): Dispatch => ({ shader: ['recurrent', 'lstmSequenceBackward'], parameters: words(layout, count, time - 1 - index, 0), buffers: stepBuffers, workgroups: perElement(count) })),
    { shader: ['recurrent', 'recurrentInitial'], parameters: words(layout, count, 0, 0), buffers: [hiddenWeights.buffer, dPre, dInitialHidden.buffer], workgroups: perElement(count) },
    { shader: ['copy'], parameters: new Parameters().u32(count), buffers: [carried, dInitialCell.buffer], workgroups: perElement(count) },
    ...weightGradients(layout, [input, initialHidden, hidden, inputWeights], dPre, dPre, [dInput, dInputWeights, dHiddenWeights]),
    biasGradient(layout, dPre, dBias),
  ];
}
