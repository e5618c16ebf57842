// gruSequence and gruSequenceBackward (gruSequence*.wgsl with recurrent.wgsl's shape words), one
// dispatch per time step (two backward: the gate gradients, then the carry to the step before).
// The two biases are copied into one scratch first so the forward shader binds 8 storage buffers.
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectShape, Parameters, perElement, type Dispatch, type WrapperContext } from './context.ts';
import { biasGradient, layoutOf, weightGradients, words } from './recurrent.ts';

export function gruSequence(_op: OpOf<'gruSequence'>, inputs: readonly GpuTensor[], [hidden, gates, hiddenCandidate]: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  const [input, initialHidden, inputWeights, hiddenWeights, inputBias, hiddenBias] = inputs;
  const layout = layoutOf('gruSequence', 3, inputs);
  const { batch, time, units, columns } = layout;
  expectShape(inputBias, [columns], 'gruSequence input bias');
  expectShape(hiddenBias, [columns], 'gruSequence hidden bias');
  expectShape(hidden, [batch, time, units], 'gruSequence hidden');
  expectShape(gates, [batch, time, columns], 'gruSequence gates');
  expectShape(hiddenCandidate, [batch, time, units], 'gruSequence hiddenCandidate');
  const biases = context.scratch(2 * columns * 4);
  const place = (bias: GpuTensor, offset: number): Dispatch => ({ shader: ['copyBlocks'], parameters: new Parameters().u32(columns, Math.max(1, columns), 2 * columns, offset, 0), buffers: [bias.buffer, biases], workgroups: perElement(columns) });
  const count = batch * units;
  const buffers = [input.buffer, initialHidden.buffer, inputWeights.buffer, hiddenWeights.buffer, biases, hidden.buffer, gates.buffer, hiddenCandidate.buffer];
  const steps = Array.from({ length: time }, (_, step): Dispatch => ({ shader: ['recurrent', 'gruSequence'], parameters: words(layout, count, step, 0), buffers, workgroups: perElement(count) }));
  return [place(inputBias, 0), place(hiddenBias, columns), ...steps];
}

export function gruSequenceBackward(_op: OpOf<'gruSequenceBackward'>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[], context: WrapperContext): Dispatch[] {
  const [input, initialHidden, inputWeights, hiddenWeights, hidden, gates, hiddenCandidate, dHidden] = inputs;
  const [dInput, dInitialHidden, dInputWeights, dHiddenWeights, dInputBias, dHiddenBias] = outputs;
  const layout = layoutOf('gruSequenceBackward', 3, inputs);
  const { batch, time, units, columns } = layout;
  for (const [tensor, width, what] of [[hidden, units, 'hidden'], [gates, columns, 'gates'], [hiddenCandidate, units, 'hiddenCandidate'], [dHidden, units, 'dHidden']] as const) expectShape(tensor, [batch, time, width], `gruSequenceBackward ${what}`);
  inputs.slice(0, 4).forEach((tensor, index) => expectShape(outputs[index], tensor.shape, `gruSequenceBackward gradient ${index}`));
  expectShape(dInputBias, [columns], 'gruSequenceBackward dInputBias');
  expectShape(dHiddenBias, [columns], 'gruSequenceBackward dHiddenBias');
  const inputSide = context.scratch(batch * time * columns * 4);
  const hiddenSide = context.scratch(batch * time * columns * 4);
  const count = batch * units;
  // The carry is written through dInitialHidden itself: zeroed first, it ends as dh0.
  const carried = dInitialHidden.buffer;
  const gateBuffers = [initialHidden.buffer, hidden.buffer, gates.buffer, hiddenCandidate.buffer, dHidden.buffer, carried, inputSide, hiddenSide];
  const carryBuffers = [hiddenWeights.buffer, gates.buffer, dHidden.buffer, hiddenSide, carried];
  const steps = Array.from({ length: time }, (_, index): Dispatch[] => {
    const step = time - 1 - index;
    return [
      { shader: ['recurrent', 'gruSequenceBackward'], parameters: words(layout, count, step, 0), buffers: gateBuffers, workgroups: perElement(count) },
      { shader: ['recurrent', 'gruSequenceCarry'], parameters: words(layout, count, step, 0), buffers: carryBuffers, workgroups: perElement(count) },
    ];
  }).flat();
  return [
    { shader: ['fill'], parameters: new Parameters().u32(count, 0), buffers: [carried], workgroups: perElement(count) },
    ...steps,
    ...weightGradients(layout, [input, initialHidden, hidden, inputWeights], inputSide, hiddenSide, [dInput, dInputWeights, dHiddenWeights]),
    biasGradient(layout, inputSide, dInputBias),
    biasGradient(layout, hiddenSide, dHiddenBias),
  ];
}
