// conv2d: cross-correlation of an NHWC image with weights [kH, kW, Ci, Co]:
// y[n, oh, ow, co] = Σ_{kh, kw, ci} x[n, oh·sH - top + kh·dH, ow·sW - left + kw·dW, ci] · w[kh, kw, ci, co],
// where taps that fall in the padding read zero.
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { convGeometry } from './convGeometry.ts';

export function conv2d(op: OpOf<'conv2d'>, [input, weights]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const geometry = convGeometry(op, input.shape, weights.shape, output.shape);
  const { batch, height, width, inChannels, outHeight, outWidth, outChannels, kernelHeight, kernelWidth } = geometry;
  const [x, w, y] = [floats(input, 'conv2d input'), floats(weights, 'conv2d weights'), floats(output, 'conv2d output')];
  const { stride, padding, dilation } = op;
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const top = oh * stride[0] - padding.top;
      for (let ow = 0; ow < outWidth; ow++) {
        const left = ow * stride[1] - padding.left;
        const outputBase = ((n * outHeight + oh) * outWidth + ow) * outChannels;
        for (let co = 0; co < outChannels; co++) {
          let sum = 0;
          for (let kh = 0; kh < kernelHeight; kh++) {
            const ih = top + kh * dilation[0];
            if (ih < 0 || ih >= height) continue;
            for (let kw = 0; kw < kernelWidth; kw++) {
              const iw = left + kw * dilation[1];
              if (iw < 0 || iw >= width) continue;
              const inputBase = ((n * height + ih) * width + iw) * inChannels;
              const weightBase = (kh * kernelWidth + kw) * inChannels * outChannels + co;
              for (let ci = 0; ci < inChannels; ci++) sum += x[inputBase + ci] * w[weightBase + ci * outChannels];
            }
          }
          y[outputBase + co] = sum;
        }
      }
    }
  }
}
