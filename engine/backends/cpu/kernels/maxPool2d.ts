// maxPool2d: the largest value of each window (padded cells never win).
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { poolGeometry } from './poolGeometry.ts';

export function maxPool2d(op: OpOf<'maxPool2d'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const { batch, height, width, channels, outHeight, outWidth } = poolGeometry(op, input.shape, output.shape);
  const [x, y] = [floats(input, 'maxPool2d input'), floats(output, 'maxPool2d output')];
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
          let maximum = -Infinity;
          for (let row = rowFirst; row < rowEnd; row++) {
            for (let column = columnFirst; column < columnEnd; column++) maximum = Math.max(maximum, x[((n * height + row) * width + column) * channels + c]);
          }
          y[outputBase + c] = maximum;
        }
      }
    }
  }
}
