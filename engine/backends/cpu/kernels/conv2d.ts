// conv2d: cross-correlation of an NHWC image with weights [kH, kW, Ci, Co]:
// y[n, oh, ow, co] = Σ_{kh, kw, ci} x[n, oh·sH - top + kh·dH, ow·sW - left + kw·dW, ci] · w[kh, kw, ci, co],
// where taps that fall in the padding read zero. Computed as Y = P·W over chunks of output pixels
// (patches.ts): each output is one dot product, summed in double precision in the order (kh, kw, ci).
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { convGeometry, type ConvGeometry } from './convGeometry.ts';
import { multiplyTransposed, rowMajor, transposeInto } from './gemm.ts';
import { chunkPixels, gatherPatches, patchWidth } from './patches.ts';
import { scratchLike } from './scratch.ts';

/** A 1×1 kernel with stride 1 and no padding: the patch matrix is the input itself. */
function isPointwise(geometry: ConvGeometry): boolean {
  const { stride, padding } = geometry.attributes;
  const unpadded = padding.top === 0 && padding.bottom === 0 && padding.left === 0 && padding.right === 0;
  return geometry.kernelHeight === 1 && geometry.kernelWidth === 1 && stride[0] === 1 && stride[1] === 1 && unpadded;
}

export function conv2d(op: OpOf<'conv2d'>, [input, weights]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const geometry = convGeometry(op, input.shape, weights.shape, output.shape);
  const [x, w, y] = [floats(input, 'conv2d input'), floats(weights, 'conv2d weights'), floats(output, 'conv2d output')];
  const { batch, outHeight, outWidth, outChannels } = geometry;
  const depth = patchWidth(geometry);
  // Wᵀ: one contiguous row of kH·kW·Ci weights per output channel.
  const filters = scratchLike('weights', w, outChannels * depth);
  transposeInto(w, 0, depth, outChannels, filters);
  const filterView = rowMajor(filters, 0, depth);
  const pixels = batch * outHeight * outWidth;
  if (isPointwise(geometry)) {
    multiplyTransposed(pixels, outChannels, depth, rowMajor(x, 0, depth), filterView, rowMajor(y, 0, outChannels));
    return;
  }
  const chunk = chunkPixels(depth);
  const patches = scratchLike('patches', x, chunk * depth);
  for (let first = 0; first < pixels; first += chunk) {
    const count = Math.min(chunk, pixels - first);
    gatherPatches(geometry, x, first, count, patches, depth, 1);
    multiplyTransposed(count, outChannels, depth, rowMajor(patches, 0, depth), filterView, rowMajor(y, first * outChannels, outChannels));
  }
}
