// avgPool2d: the mean of each window. With countPadding the divisor is the window area (padding
// counts as zeros, PyTorch's default); without, it is the number of cells inside the image.
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { poolPlan } from './poolWindows.ts';

export function avgPool2d(op: OpOf<'avgPool2d'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const { batch, height, width, channels, count, bounds, divisors } = poolPlan(op, input.shape, output.shape);
  const [x, y] = [floats(input, 'avgPool2d input'), floats(output, 'avgPool2d output')];
  for (let n = 0; n < batch; n++) {
    for (let window = 0; window < count; window++) {
      const rowFirst = bounds[window * 4];
      const rowEnd = bounds[window * 4 + 1];
      const columnFirst = bounds[window * 4 + 2];
      const columnEnd = bounds[window * 4 + 3];
      const outputBase = (n * count + window) * channels;
      const divisor = divisors[window];
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let row = rowFirst; row < rowEnd; row++) {
          for (let column = columnFirst; column < columnEnd; column++) sum += x[((n * height + row) * width + column) * channels + c];
        }
        y[outputBase + c] = sum / divisor;
      }
    }
  }
}
