// Batch normalization over the last (channel) axis (batchNorm*.wgsl): training and backward one
// workgroup per channel, inference one thread per value. The running averages are updated in
// place; where the program gives them separate output buffers they are copied there first.
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, expectShape, grid, lastDimension, Parameters, perElement, shapeText, type Dispatch } from './context.ts';

function channelLayout(name: string, input: GpuTensor, perChannel: readonly GpuTensor[]): { channels: number; rows: number } {
  if (input.shape.length < 2) throw new RangeError(`${name}: input ${shapeText(input.shape)} needs a batch axis and a channel axis.`);
  expectReal(input, `${name} input`);
  const channels = lastDimension(input.shape);
  for (const vector of perChannel) expectShape(vector, [channels], `${name} per-channel vector`);
  return { channels, rows: channels === 0 ? 0 : input.count / channels };
}

function copyInto(from: GpuTensor, to: GpuTensor): Dispatch[] {
  return from.buffer === to.buffer ? [] : [{ shader: ['copy'], parameters: new Parameters().u32(from.count), buffers: [from.buffer, to.buffer], workgroups: perElement(from.count) }];
}

export function batchNormTrain(op: OpOf<'batchNormTrain'>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[]): Dispatch[] {
  const [input, gamma, beta, runningMean, runningVariance] = inputs;
  const [output, mean, inverseDeviation, newMean, newVariance] = outputs;
  const { channels, rows } = channelLayout('batchNormTrain', input, [gamma, beta, runningMean, runningVariance, mean, inverseDeviation, newMean, newVariance]);
  expectShape(output, input.shape, 'batchNormTrain output');
  const buffers = [input, gamma, beta, newMean, newVariance, output, mean, inverseDeviation].map((tensor) => tensor.buffer);
  const parameters = new Parameters().u32(channels, rows).f32(op.epsilon, op.momentum);
  return [...copyInto(runningMean, newMean), ...copyInto(runningVariance, newVariance), { shader: ['batchNormTrain'], parameters, buffers, workgroups: grid(channels) }];
}

export function batchNormInference(op: OpOf<'batchNormInference'>, inputs: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  const [input, gamma, beta, runningMean, runningVariance] = inputs;
  const { channels } = channelLayout('batchNormInference', input, [gamma, beta, runningMean, runningVariance]);
  expectShape(output, input.shape, 'batchNormInference output');
  const buffers = [...inputs, output].map((tensor) => tensor.buffer);
  return [{ shader: ['batchNormInference'], parameters: new Parameters().u32(input.count, channels).f32(op.epsilon), buffers, workgroups: perElement(input.count) }];
}

export function batchNormBackward(_op: OpOf<'batchNormBackward'>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[]): Dispatch[] {
  const [input, gamma, mean, inverseDeviation, dOutput] = inputs;
  const [dInput, dGamma, dBeta] = outputs;
  const { channels, rows } = channelLayout('batchNormBackward', input, [gamma, mean, inverseDeviation, dGamma, dBeta]);
  expectShape(dOutput, input.shape, 'batchNormBackward dOutput');
  expectShape(dInput, input.shape, 'batchNormBackward dInput');
  const buffers = [...inputs, ...outputs].map((tensor) => tensor.buffer);
  return [{ shader: ['batchNormBackward'], parameters: new Parameters().u32(channels, rows), buffers, workgroups: grid(channels) }];
}
