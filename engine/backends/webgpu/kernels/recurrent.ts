// rnnSequence and rnnSequenceBackward (rnnSequence*.wgsl, recurrentGradients.wgsl, with
// recurrent.wgsl's shape words): one dispatch per time step, since each step reads the whole
// hidden state of the one before; the backward op keeps every step's pre-activation gradient in a
// scratch of its own [B, T, H], then takes dx, dWx, dWh (one thread per value) and dBias
// (reduce.wgsl) from it.
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, expectShape, grid, Parameters, perElement, shapeText, type Dispatch, type WrapperContext } from './context.ts';

interface Layout {
  readonly batch: number;
  readonly time: number;
  readonly features: number;
  readonly units: number;
  readonly columns: number;
}

function layoutOf(name: string, gates: number, [input, initialHidden, inputWeights, hiddenWeights]: readonly GpuTensor[]): Layout {
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

function words(layout: Layout, count: number, step: number, phase: number): Parameters {
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
  const { batch, time, features, units, columns } = layout;
  const dPre = context.scratch(batch * time * columns * 4);
  const count = batch * units;
  const stepBuffers = [hiddenWeights.buffer, hidden.buffer, dHidden.buffer, dPre, dInitialHidden.buffer];
  const backward = Array.from({ length: time }, (_, index): Dispatch => ({ shader: ['recurrent', 'rnnSequenceBackward'], parameters: words(layout, count, time - 1 - index, 0), buffers: stepBuffers, workgroups: perElement(count) }));
  const shared = [input.buffer, initialHidden.buffer, hidden.buffer, inputWeights.buffer, dPre];
  const gradient = (phase: number, target: GpuTensor): Dispatch => ({ shader: ['recurrent', 'recurrentGradients'], parameters: words(layout, target.count, 0, phase), buffers: [...shared, target.buffer], workgroups: perElement(target.count) });
  const rows = batch * time;
  const biasSum: Dispatch = { shader: ['reduce'], parameters: new Parameters().u32(columns, rows).f32(1).u32(1, 1, columns, 1, rows, columns), buffers: [dPre, dBias.buffer], workgroups: grid(columns) };
  return [
    ...backward,
    { shader: ['recurrent', 'rnnSequenceBackward'], parameters: words(layout, count, 0, 1), buffers: stepBuffers, workgroups: perElement(count) },
    ...(features > 0 ? [gradient(0, dInput), gradient(1, dInputWeights)] : []),
    gradient(2, dHiddenWeights),
    biasSum,
  ];
}
