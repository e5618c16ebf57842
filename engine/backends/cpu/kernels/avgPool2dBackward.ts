// avgPool2dBackward: each window's gradient, divided as in the forward pass, spread over its cells
// (whole channel vectors at a time, contiguous in NHWC).
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { poolGeometry } from './poolGeometry.ts';

export function avgPool2dBackward(op: OpOf<'avgPool2dBackward'>, [dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const { batch, height, width, channels, outHeight, outWidth } = poolGeometry(op, dInput.shape, dOutput.shape);
  const [dy, dx] = [floats(dOutput, 'avgPool2dBackward dOutput'), floats(dInput, 'avgPool2dBackward dInput')];
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
        const divisor = op.countPadding ? op.window[0] * op.window[1] : (rowEnd - rowFirst) * (columnEnd - columnFirst);
        const outputBase = ((n * outHeight + oh) * outWidth + ow) * channels;
        for (let row = rowFirst; row < rowEnd; row++) {
          for (let column = columnFirst; column < columnEnd; column++) {
            const target = ((n * height + row) * width + column) * channels;
            for (let c = 0; c < channels; c++) dx[target + c] += dy[outputBase + c] / divisor;
          }
        }
      }
    }
  }
}
