// conv2dBackwardInput: the gradient of conv2d with respect to its input, which is also the forward
// pass of a transposed convolution:
// dx[n, ih, iw, ci] = Σ dy[n, oh, ow, co] · w[kh, kw, ci, co] over every (oh, kh), (ow, kw) with
// oh·sH - top + kh·dH = ih and ow·sW - left + kw·dW = iw.
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor, type FloatArray } from '../tensor.ts';
import { convGeometry, type ConvGeometry } from './convGeometry.ts';

/** The output position whose tap `tap` lands on `index`, or -1 when none does. */
function sourcePosition(index: number, tap: number, stride: number, paddingBefore: number, outputSize: number): number {
  const numerator = index + paddingBefore - tap;
  if (numerator < 0 || numerator % stride !== 0) return -1;
  const position = numerator / stride;
  return position < outputSize ? position : -1;
}

/** dx = the adjoint of conv2d applied to dy (gathered per dx element, summed in double precision). */
export function transposedConvolution(geometry: ConvGeometry, dy: FloatArray, w: FloatArray, dx: FloatArray): void {
  const { batch, height, width, inChannels, outHeight, outWidth, outChannels, kernelHeight, kernelWidth } = geometry;
  const { stride, padding, dilation } = geometry.attributes;
  for (let n = 0; n < batch; n++) {
    for (let ih = 0; ih < height; ih++) {
      for (let iw = 0; iw < width; iw++) {
        const inputBase = ((n * height + ih) * width + iw) * inChannels;
        for (let ci = 0; ci < inChannels; ci++) {
          let sum = 0;
          for (let kh = 0; kh < kernelHeight; kh++) {
            const oh = sourcePosition(ih, kh * dilation[0], stride[0], padding.top, outHeight);
            if (oh < 0) continue;
            for (let kw = 0; kw < kernelWidth; kw++) {
              const ow = sourcePosition(iw, kw * dilation[1], stride[1], padding.left, outWidth);
              if (ow < 0) continue;
              const gradientBase = ((n * outHeight + oh) * outWidth + ow) * outChannels;
              const weightBase = ((kh * kernelWidth + kw) * inChannels + ci) * outChannels;
              for (let co = 0; co < outChannels; co++) sum += dy[gradientBase + co] * w[weightBase + co];
            }
          }
          dx[inputBase + ci] = sum;
        }
      }
    }
  }
}

export function conv2dBackwardInput(op: OpOf<'conv2dBackwardInput'>, [dOutput, weights]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const geometry = convGeometry(op, dInput.shape, weights.shape, dOutput.shape);
  const what = 'conv2dBackwardInput';
  transposedConvolution(geometry, floats(dOutput, `${what} dOutput`), floats(weights, `${what} weights`), floats(dInput, `${what} dInput`));
}
