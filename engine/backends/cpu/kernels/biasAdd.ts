// biasAdd: y = x + bias, with bias [C] added along the last axis.
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, lastDimension, type CpuTensor } from '../tensor.ts';

export function biasAdd(_op: OpOf<'biasAdd'>, [input, bias]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const channels = lastDimension(input.shape);
  expectShape(bias, [channels], 'biasAdd bias');
  expectShape(output, input.shape, 'biasAdd output');
  const [x, b, y] = [floats(input, 'biasAdd input'), floats(bias, 'biasAdd bias'), floats(output, 'biasAdd output')];
  for (let base = 0; base < x.length; base += channels) {
    for (let channel = 0; channel < channels; channel++) y[base + channel] = x[base + channel] + b[channel];
  }
}
