// Shape checks shared by the batch-norm kernels: x [..., C] and per-channel vectors [C].
import { expectShape, lastDimension, type CpuTensor } from '../tensor.ts';

/** Checks the per-channel vectors and returns the channel count and the rows (positions per channel). */
export function channelLayout(name: string, input: CpuTensor, perChannel: readonly CpuTensor[]): { channels: number; rows: number } {
  if (input.shape.length < 2) throw new RangeError(`${name}: input [${input.shape.join(', ')}] needs a batch axis and a channel axis.`);
  const channels = lastDimension(input.shape);
  for (const vector of perChannel) expectShape(vector, [channels], `${name} per-channel vector`);
  return { channels, rows: input.data.length / channels };
}
