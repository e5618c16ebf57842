// conv2dBackwardFilter: the gradient of conv2d with respect to its weights:
// dw[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh·sH - top + kh·dH, ow·sW - left + kw·dW, ci] · dy[n, oh, ow, co].
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { convGeometry } from './convGeometry.ts';
import { validPositions } from './window.ts';

export function conv2dBackwardFilter(op: OpOf<'conv2dBackwardFilter'>, [input, dOutput]: readonly CpuTensor[], [dWeights]: readonly CpuTensor[]): void {
  const geometry = convGeometry(op, input.shape, dWeights.shape, dOutput.shape);
  const { batch, height, width, inChannels, outHeight, outWidth, outChannels, kernelHeight, kernelWidth } = geometry;
  const what = 'conv2dBackwardFilter';
  const [x, dy, dw] = [floats(input, `${what} input`), floats(dOutput, `${what} dOutput`), floats(dWeights, `${what} dWeights`)];
  const { stride, padding, dilation } = op;
  for (let kh = 0; kh < kernelHeight; kh++) {
    const [ohFirst, ohEnd] = validPositions(kh * dilation[0], stride[0], padding.top, height, outHeight);
    for (let kw = 0; kw < kernelWidth; kw++) {
      const [owFirst, owEnd] = validPositions(kw * dilation[1], stride[1], padding.left, width, outWidth);
      for (let ci = 0; ci < inChannels; ci++) {
        for (let co = 0; co < outChannels; co++) {
          let sum = 0;
          for (let n = 0; n < batch; n++) {
            for (let oh = ohFirst; oh < ohEnd; oh++) {
              const ih = oh * stride[0] - padding.top + kh * dilation[0];
              for (let ow = owFirst; ow < owEnd; ow++) {
                const iw = ow * stride[1] - padding.left + kw * dilation[1];
                sum += x[((n * height + ih) * width + iw) * inChannels + ci] * dy[((n * outHeight + oh) * outWidth + ow) * outChannels + co];
              }
            }
          }
          dw[((kh * kernelWidth + kw) * inChannels + ci) * outChannels + co] = sum;
        }
      }
    }
  }
}
