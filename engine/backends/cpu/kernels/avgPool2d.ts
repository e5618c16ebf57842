// avgPool2d: the mean of each window. With countPadding the divisor is the window area (padding
// counts as zeros, PyTorch's default); without, it is the number of cells inside the image.
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { poolGeometry } from './poolGeometry.ts';

export function avgPool2d(op: OpOf<'avgPool2d'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const { batch, height, width, channels, outHeight, outWidth } = poolGeometry(op, input.shape, output.shape);
  const [x, y] = [floats(input, 'avgPool2d input'), floats(output, 'avgPool2d output')];
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
}
