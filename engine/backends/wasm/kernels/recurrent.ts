// The recurrent sequences (assembly/recurrent.ts, lstm.ts, gru.ts, rnn.ts) as phases: the input
// projection of every step as one gemm, Wh packed once per call, one split per time step (each
// part a share of the units: its product with the previous state and its gate epilogue), then
// (backward) the weight gradients and dx as gemms over all B·T rows and the bias sums. The binder
// checks shapes as the cpu kernels do and reserves the call's workspace (packed weights, per-part
// tiles, the stacked pre-activation gradients, the previous states) once per bound call.
import type { OpName } from '../../../ir/index.ts';
import { expectScratch, expectSteps, recurrentLayout, type RecurrentLayout } from '../../cpu/kernels/recurrentCommon.ts';
import { expectShape } from '../../cpu/tensor.ts';
import type { WasmTensor } from '../tensor.ts';
import type { BindContext, Binder, BoundKernel } from './context.ts';
import { bindBackward, bindForward, type RecurrentOp } from './recurrentPhases.ts';

/** The cpu kernels' scratch output, in multiples of H (only the backward passes have one). */
const SCRATCH_PER_UNIT: Record<RecurrentOp, number> = { rnnSequence: 0, lstmSequence: 0, gruSequence: 0, rnnSequenceBackward: 2, lstmSequenceBackward: 6, gruSequenceBackward: 7 };

/** The shapes the cpu kernel checks: inputs after the weights and every output. */
function checkSteps(op: RecurrentOp, layout: RecurrentLayout, inputs: readonly WasmTensor[], outputs: readonly WasmTensor[]): void {
  const { units, columns } = layout;
  const perStep: Record<RecurrentOp, [WasmTensor, number][]> = {
    rnnSequence: [[outputs[0], units]],
    lstmSequence: [[outputs[0], units], [outputs[1], units], [outputs[2], columns]],
    gruSequence: [[outputs[0], units], [outputs[1], columns], [outputs[2], units]],
    rnnSequenceBackward: [[inputs[4], units], [inputs[5], units]],
    lstmSequenceBackward: [[inputs[5], units], [inputs[6], units], [inputs[7], columns], [inputs[8], units]],
    gruSequenceBackward: [[inputs[4], units], [inputs[5], columns], [inputs[6], units], [inputs[7], units]],
  };
  for (const [tensor, width] of perStep[op]) expectSteps(op, tensor, layout, width, 'per-step tensor');
  const forward = !op.endsWith('Backward');
  const biases: Record<RecurrentOp, number[]> = {
    rnnSequence: [4], lstmSequence: [5], gruSequence: [4, 5], rnnSequenceBackward: [], lstmSequenceBackward: [], gruSequenceBackward: [],
  };
  for (const index of biases[op]) expectShape(inputs[index], [columns], `${op} bias`);
  if (op === 'lstmSequence' || op === 'lstmSequenceBackward') expectShape(inputs[2], inputs[1].shape, `${op} initial cell`);
  if (forward) return;
  const gradients = op === 'lstmSequenceBackward' ? 5 : 4;
  for (let index = 0; index < gradients; index++) expectShape(outputs[index], inputs[index].shape, `${op} gradient ${index}`);
  for (let index = gradients; index < outputs.length - 1; index++) expectShape(outputs[index], [columns], `${op} bias gradient`);
  expectScratch(op, outputs[outputs.length - 1], SCRATCH_PER_UNIT[op] * units);
}

function bindRecurrent(op: RecurrentOp, gates: number, context: BindContext, inputs: readonly WasmTensor[], outputs: readonly WasmTensor[]): BoundKernel {
  for (const tensor of [...inputs, ...outputs]) if (tensor.dtype !== 'f32') throw new TypeError(`${op}: every tensor must hold real numbers (f32).`);
  const weightsAt = op.startsWith('lstm') ? 3 : 2;
  const layout = recurrentLayout(op, gates, inputs[0], inputs[1], inputs[weightsAt], inputs[weightsAt + 1]);
  checkSteps(op, layout, inputs, outputs);
  const call = { op, layout, gates, inputs, outputs, weightsAt };
  return op.endsWith('Backward') ? bindBackward(context, call) : bindForward(context, call);
}

function binder<Name extends RecurrentOp & OpName>(op: Name, gates: number): Binder<Name> {
  return (context, _op, inputs, outputs) => bindRecurrent(op, gates, context, inputs, outputs);
}

export const lstmSequence = binder('lstmSequence', 4);
export const lstmSequenceBackward = binder('lstmSequenceBackward', 4);
export const gruSequence = binder('gruSequence', 3);
export const gruSequenceBackward = binder('gruSequenceBackward', 3);
export const rnnSequence = binder('rnnSequence', 1);
export const rnnSequenceBackward = binder('rnnSequenceBackward', 1);
