// conv2dBackwardFilter: the gradient of conv2d with respect to its weights:
// dw[kh, kw, ci, co] = Σ_{n, oh, ow} x[n, oh·sH - top + kh·dH, ow·sW - left + kw·dW, ci] · dy[n, oh, ow, co],
// computed as dW = Pᵀ·dY (patches.ts) over chunks of output pixels. Both factors are transposed
// into scratch so every sum runs over contiguous pixels; the chunks' sums add up in double precision.
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { convGeometry } from './convGeometry.ts';
import { multiplyTransposed, rowMajor, transposeInto } from './gemm.ts';
import { chunkPixels, gatherPatches, patchWidth } from './patches.ts';
import { doubleScratch, scratchLike } from './scratch.ts';

export function conv2dBackwardFilter(op: OpOf<'conv2dBackwardFilter'>, [input, dOutput]: readonly CpuTensor[], [dWeights]: readonly CpuTensor[]): void {
  const geometry = convGeometry(op, input.shape, dWeights.shape, dOutput.shape);
  const what = 'conv2dBackwardFilter';
  const [x, dy, dw] = [floats(input, `${what} input`), floats(dOutput, `${what} dOutput`), floats(dWeights, `${what} dWeights`)];
  const { batch, outHeight, outWidth, outChannels } = geometry;
  const depth = patchWidth(geometry);
  const sums = doubleScratch('sums', depth * outChannels);
  sums.fill(0, 0, depth * outChannels);
  const pixels = batch * outHeight * outWidth;
  const chunk = chunkPixels(Math.max(depth, outChannels));
  const patches = scratchLike('patches', x, chunk * depth);
  const gradients = scratchLike('gradientRows', dy, chunk * outChannels);
  for (let first = 0; first < pixels; first += chunk) {
    const count = Math.min(chunk, pixels - first);
    gatherPatches(geometry, x, first, count, patches, 1, count);
    transposeInto(dy, first * outChannels, count, outChannels, gradients);
    multiplyTransposed(depth, outChannels, count, rowMajor(patches, 0, count), rowMajor(gradients, 0, count), rowMajor(sums, 0, outChannels), true);
  }
  for (let index = 0; index < dw.length; index++) dw[index] = sums[index];
}
