// maxPool2dBackward: each window's gradient goes to its maximum, recomputed from x; on a tie, to the
// first maximum in row-major order (as PyTorch). Overlapping windows add up.
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor } from '../tensor.ts';
import { poolPlan } from './poolWindows.ts';

export function maxPool2dBackward(op: OpOf<'maxPool2dBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const { batch, height, width, channels, count, bounds } = poolPlan(op, input.shape, dOutput.shape);
  expectShape(dInput, input.shape, 'maxPool2dBackward dInput');
  const [x, dy, dx] = [floats(input, 'maxPool2dBackward input'), floats(dOutput, 'maxPool2dBackward dOutput'), floats(dInput, 'maxPool2dBackward dInput')];
  dx.fill(0);
  for (let n = 0; n < batch; n++) {
    for (let window = 0; window < count; window++) {
      const rowFirst = bounds[window * 4];
      const rowEnd = bounds[window * 4 + 1];
      const columnFirst = bounds[window * 4 + 2];
      const columnEnd = bounds[window * 4 + 3];
      const outputBase = (n * count + window) * channels;
      for (let c = 0; c < channels; c++) {
        let best = -1;
        for (let row = rowFirst; row < rowEnd; row++) {
          for (let column = columnFirst; column < columnEnd; column++) {
            const index = ((n * height + row) * width + column) * channels + c;
            if (best < 0 || x[index] > x[best]) best = index;
          }
        }
        dx[best] += dy[outputBase + c];
      }
    }
  }
}
