// convTranspose2d: the adjoint of conv2d with the same attributes. Weights are
// [kH, kW, outChannels, inChannels]: the array of the conv2d that maps this op's output back to its
// input. y[n, ih, iw, co] = Σ x[n, oh, ow, ci] · w[kh, kw, co, ci] over oh·sH - top + kh·dH = ih (and
// likewise for widths): each input pixel spreads over a kernel-sized patch; `padding` crops the result.
// Gradients: dx = conv2d(dy, w), dw = conv2dBackwardFilter(dy, x), with the same attributes.
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { convGeometry } from './convGeometry.ts';
import { transposedConvolution } from './conv2dBackwardInput.ts';

export function convTranspose2d(op: OpOf<'convTranspose2d'>, [input, weights]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const geometry = convGeometry(op, output.shape, weights.shape, input.shape);
  const what = 'convTranspose2d';
  transposedConvolution(geometry, floats(input, `${what} input`), floats(weights, `${what} weights`), floats(output, `${what} output`));
}
