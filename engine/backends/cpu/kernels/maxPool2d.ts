// maxPool2d: the largest value of each window (padded cells never win).
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { poolPlan } from './poolWindows.ts';

export function maxPool2d(op: OpOf<'maxPool2d'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const { batch, height, width, channels, count, bounds } = poolPlan(op, input.shape, output.shape);
  const [x, y] = [floats(input, 'maxPool2d input'), floats(output, 'maxPool2d output')];
  for (let n = 0; n < batch; n++) {
    for (let window = 0; window < count; window++) {
      const rowFirst = bounds[window * 4];
      const rowEnd = bounds[window * 4 + 1];
      const columnFirst = bounds[window * 4 + 2];
      const columnEnd = bounds[window * 4 + 3];
      const outputBase = (n * count + window) * channels;
      for (let c = 0; c < channels; c++) {
        let maximum = -Infinity;
        for (let row = rowFirst; row < rowEnd; row++) {
          for (let column = columnFirst; column < columnEnd; column++) maximum = Math.max(maximum, x[((n * height + row) * width + column) * channels + c]);
        }
        y[outputBase + c] = maximum;
      }
    }
  }
}
