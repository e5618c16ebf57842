// matmul and the convolutions run as tiled matrix products over chunks of patches (gemm.ts,
// patches.ts). The other tests use small tensors; these use sizes that span several chunks, leave
// rows and columns outside the 4×2 tiles, and take the 1×1 shortcut, against the direct formulas.
import { describe, it } from 'vitest';
import type { HeightWidth, Padding2D } from '../../../../engine/ir/index.ts';
import { elementCount } from '../../../../engine/ir/index.ts';
import { expectClose, randomState, randomValues, run, tensor, type Precision } from './helpers.ts';

interface Conv {
  input: number[];
  kernel: HeightWidth;
  outChannels: number;
  stride: HeightWidth;
  padding: Padding2D;
  dilation: HeightWidth;
}

function outputShape({ input, kernel, outChannels, stride, padding, dilation }: Conv): number[] {
  const size = (extent: number, taps: number, step: number, before: number, after: number, spacing: number) => Math.floor((extent + before + after - spacing * (taps - 1) - 1) / step) + 1;
  return [input[0], size(input[1], kernel[0], stride[0], padding.top, padding.bottom, dilation[0]), size(input[2], kernel[1], stride[1], padding.left, padding.right, dilation[1]), outChannels];
}

/** Calls visit(xIndex, wIndex, yIndex) for every valid (output, tap) pair of the convolution. */
function forEachTap(conv: Conv, visit: (xIndex: number, wIndex: number, yIndex: number) => void): void {
  const [batch, height, width, inChannels] = conv.input;
  const [, outHeight, outWidth, outChannels] = outputShape(conv);
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        for (let kh = 0; kh < conv.kernel[0]; kh++) {
          const ih = oh * conv.stride[0] - conv.padding.top + kh * conv.dilation[0];
          for (let kw = 0; kw < conv.kernel[1]; kw++) {
            const iw = ow * conv.stride[1] - conv.padding.left + kw * conv.dilation[1];
            if (ih < 0 || ih >= height || iw < 0 || iw >= width) continue;
            for (let ci = 0; ci < inChannels; ci++) {
              for (let co = 0; co < outChannels; co++) {
                visit(((n * height + ih) * width + iw) * inChannels + ci, ((kh * conv.kernel[1] + kw) * inChannels + ci) * outChannels + co, ((n * outHeight + oh) * outWidth + ow) * outChannels + co);
              }
            }
          }
        }
      }
    }
  }
}

const pads = (top: number, bottom: number, left: number, right: number): Padding2D => ({ top, bottom, left, right });

const convs: Conv[] = [
  // 576 taps per patch: 112 pixels per chunk, 264 pixels per image, 1,056 in all.
  { input: [4, 24, 23, 64], kernel: [3, 3], outChannels: 5, stride: [2, 1], padding: pads(1, 0, 2, 1), dilation: [1, 2] },
  // One input channel and many pixels (LeNet's first layer, larger).
  { input: [3, 40, 37, 1], kernel: [5, 5], outChannels: 7, stride: [1, 1], padding: pads(2, 2, 2, 2), dilation: [1, 1] },
  // 1×1, stride 1, no padding: the input is the patch matrix.
  { input: [2, 9, 11, 13], kernel: [1, 1], outChannels: 3, stride: [1, 1], padding: pads(0, 0, 0, 0), dilation: [1, 1] },
];

describe('convolutions in chunks match the direct sums', () => {
  for (const precision of ['f64', 'f32'] as Precision[]) {
    for (const conv of convs) {
      it(`input [${conv.input}], kernel ${conv.kernel.join('×')}, ${conv.outChannels} filters, in ${precision}`, () => {
        const random = randomState(7);
        const weightShape = [conv.kernel[0], conv.kernel[1], conv.input[3], conv.outChannels];
        const yShape = outputShape(conv);
        const [xValues, wValues, dyValues] = [conv.input, weightShape, yShape].map((shape) => randomValues(elementCount(shape), random));
        const [y, dx, dw] = [new Float64Array(dyValues.length), new Float64Array(xValues.length), new Float64Array(wValues.length)];
        forEachTap(conv, (xIndex, wIndex, yIndex) => {
          y[yIndex] += xValues[xIndex] * wValues[wIndex];
          dx[xIndex] += dyValues[yIndex] * wValues[wIndex];
          dw[wIndex] += xValues[xIndex] * dyValues[yIndex];
        });
        const [x, w, dyTensor] = [tensor(conv.input, xValues, precision), tensor(weightShape, wValues, precision), tensor(yShape, dyValues, precision)];
        const [yOut, dxOut, dwOut] = [tensor(yShape, undefined, precision), tensor(conv.input, undefined, precision), tensor(weightShape, undefined, precision)];
        const attributes = { stride: conv.stride, padding: conv.padding, dilation: conv.dilation };
        run({ op: 'conv2d', ...attributes }, [x, w], [yOut]);
        run({ op: 'conv2dBackwardInput', ...attributes }, [dyTensor, w], [dxOut]);
        run({ op: 'conv2dBackwardFilter', ...attributes }, [x, dyTensor], [dwOut]);
        // f32 inputs are the f64 values rounded, so compare at float32 accuracy.
        const tolerance = precision === 'f64' ? 1e-12 : 1e-5;
        expectClose(yOut.data, y, tolerance, 1e-2);
        expectClose(dxOut.data, dx, tolerance, 1e-2);
        expectClose(dwOut.data, dw, tolerance, 1e-2);
      });
    }
  }
});

describe('matmul in tiles matches the direct sums', () => {
  const cases = [
    { batch: [3, 3], rows: 13, inner: 29, columns: 7 },
    { batch: [1, 4], rows: 6, inner: 5, columns: 9 },
    { batch: [2, 1], rows: 33, inner: 64, columns: 18 },
  ];
  for (const { batch, rows, inner, columns } of cases) {
    for (const [transposeA, transposeB] of [[false, false], [false, true], [true, false], [true, true]]) {
      it(`batches ${batch.join(' and ')}, ${rows}×${inner}·${inner}×${columns}, transposeA ${transposeA}, transposeB ${transposeB}`, () => {
        const random = randomState(11);
        const aValues = randomValues(batch[0] * rows * inner, random);
        const bValues = randomValues(batch[1] * inner * columns, random);
        const items = Math.max(batch[0], batch[1]);
        const expected = new Float64Array(items * rows * columns);
        for (let item = 0; item < items; item++) {
          const [aBase, bBase] = [(batch[0] === 1 ? 0 : item) * rows * inner, (batch[1] === 1 ? 0 : item) * inner * columns];
          for (let row = 0; row < rows; row++) {
            for (let column = 0; column < columns; column++) {
              let sum = 0;
              for (let k = 0; k < inner; k++) {
                const a = aValues[aBase + (transposeA ? k * rows + row : row * inner + k)];
                sum += a * bValues[bBase + (transposeB ? column * inner + k : k * columns + column)];
              }
              expected[(item * rows + row) * columns + column] = sum;
            }
          }
        }
        const a = tensor(transposeA ? [batch[0], inner, rows] : [batch[0], rows, inner], aValues);
        const b = tensor(transposeB ? [batch[1], columns, inner] : [batch[1], inner, columns], bValues);
        const product = tensor([items, rows, columns]);
        run({ op: 'matmul', transposeA, transposeB }, [a, b], [product]);
        expectClose(product.data, expected, 1e-13);
      });
    }
  }
});
