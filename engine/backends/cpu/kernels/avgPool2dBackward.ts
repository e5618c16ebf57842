// avgPool2dBackward: each window's gradient, divided as in the forward pass, spread over its cells
// (whole channel vectors at a time, contiguous in NHWC).
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { poolPlan } from './poolWindows.ts';

export function avgPool2dBackward(op: OpOf<'avgPool2dBackward'>, [dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const { batch, height, width, channels, count, bounds, divisors } = poolPlan(op, dInput.shape, dOutput.shape);
  const [dy, dx] = [floats(dOutput, 'avgPool2dBackward dOutput'), floats(dInput, 'avgPool2dBackward dInput')];
  dx.fill(0);
  for (let n = 0; n < batch; n++) {
    for (let window = 0; window < count; window++) {
      const rowFirst = bounds[window * 4];
      const rowEnd = bounds[window * 4 + 1];
      const columnFirst = bounds[window * 4 + 2];
      const columnEnd = bounds[window * 4 + 3];
      const outputBase = (n * count + window) * channels;
      const divisor = divisors[window];
      for (let row = rowFirst; row < rowEnd; row++) {
        for (let column = columnFirst; column < columnEnd; column++) {
          const target = ((n * height + row) * width + column) * channels;
          for (let c = 0; c < channels; c++) dx[target + c] += dy[outputBase + c] / divisor;
        }
      }
    }
  }
}
