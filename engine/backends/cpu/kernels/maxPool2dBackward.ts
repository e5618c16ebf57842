// maxPool2dBackward: each window's gradient goes to its maximum, recomputed from x; on a tie, to the
// first maximum in row-major order (as PyTorch). Overlapping windows add up.
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor } from '../tensor.ts';
import { poolGeometry } from './poolGeometry.ts';

export function maxPool2dBackward(op: OpOf<'maxPool2dBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const { batch, height, width, channels, outHeight, outWidth } = poolGeometry(op, input.shape, dOutput.shape);
  expectShape(dInput, input.shape, 'maxPool2dBackward dInput');
  const [x, dy, dx] = [floats(input, 'maxPool2dBackward input'), floats(dOutput, 'maxPool2dBackward dOutput'), floats(dInput, 'maxPool2dBackward dInput')];
  dx.fill(0);
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const rowStart = oh * op.stride[0] - op.padding.top;
      const rowFirst = Math.max(0, rowStart);
      const rowEnd = Math.min(height, rowStart + op.window[0]);
      for (let ow = 0; ow < outWidth; ow++) {
        const columnStart = ow * op.stride[1] - op.padding.left;
        const columnFirst = Math.max(0, columnStart);
        const columnEnd = Math.min(width, columnStart + op.window[1]);
        const outputBase = ((n * outHeight + oh) * outWidth + ow) * channels;
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
}
