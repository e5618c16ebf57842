// Batch normalization (assembly/batchNorm.ts): per channel of the last axis over every other
// position, 4 channels at a time. Shapes are checked by the cpu kernels' channelLayout.
import { channelLayout } from '../../cpu/kernels/batchNormShapes.ts';
import { expectShape } from '../../cpu/tensor.ts';
import type { WasmTensor } from '../tensor.ts';
import { parameterBlock, type BindContext, type Binder, type BoundKernel } from './context.ts';

function floatBits(value: number): number {
  return new Int32Array(new Float32Array([value]).buffer)[0];
}

function bindBatchNorm(context: BindContext, name: string, attributes: { epsilon: number; momentum: number }, input: WasmTensor, perChannel: readonly WasmTensor[], tensors: readonly WasmTensor[]): BoundKernel {
  for (const tensor of tensors) if (tensor.dtype !== 'f32') throw new TypeError(`${name}: every tensor must hold real numbers (f32).`);
  const { channels, rows } = channelLayout(name, input, perChannel);
  const padded = Math.ceil(channels / 4) * 4;
  const workspace = context.heap.reserve(padded * 24);
  const fields = [rows, channels, workspace, floatBits(attributes.epsilon), floatBits(attributes.momentum), ...tensors.map((tensor) => tensor.address)];
  const params = parameterBlock(context.heap, fields);
  const run = context.heap.kernels[name] as (params: number) => void;
  return () => run(params);
}

export const batchNormTrain: Binder<'batchNormTrain'> = (context, op, inputs, outputs) => {
  expectShape(outputs[0], inputs[0].shape, `${op.op} output`);
  return bindBatchNorm(context, op.op, op, inputs[0], [...inputs.slice(1), ...outputs.slice(1)], [...inputs, ...outputs]);
};

export const batchNormInference: Binder<'batchNormInference'> = (context, op, inputs, [output]) => {
  expectShape(output, inputs[0].shape, `${op.op} output`);
  return bindBatchNorm(context, op.op, op, inputs[0], inputs.slice(1), [...inputs, output]);
};

export const batchNormBackward: Binder<'batchNormBackward'> = (context, op, inputs, outputs) => {
  const [input, gamma, mean, inverseDeviation, dOutput] = inputs;
  expectShape(dOutput, input.shape, `${op.op} dOutput`);
  expectShape(outputs[0], input.shape, `${op.op} dInput`);
  return bindBatchNorm(context, op.op, op, input, [gamma, mean, inverseDeviation, outputs[1], outputs[2]], [...inputs, ...outputs]);
};
