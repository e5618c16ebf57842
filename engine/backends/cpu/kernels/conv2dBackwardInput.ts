// conv2dBackwardInput: the gradient of conv2d with respect to its input, which is also the forward
// pass of a transposed convolution:
// dx[n, ih, iw, ci] = Σ dy[n, oh, ow, co] · w[kh, kw, ci, co] over every (oh, kh), (ow, kw) with
// oh·sH - top + kh·dH = ih and ow·sW - left + kw·dW = iw.
// Computed image by image: the rows dY·Wᵀ (one per output pixel, one column per tap) are scattered
// back through the taps that read them (patches.ts) into a double-precision image, then stored.
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor, type FloatArray } from '../tensor.ts';
import { convGeometry, type ConvGeometry } from './convGeometry.ts';
import { multiplyTransposed, rowMajor } from './gemm.ts';
import { chunkPixels, patchWidth, scatterPatches } from './patches.ts';
import { doubleScratch } from './scratch.ts';

/** dx = the adjoint of conv2d applied to dy, summed in double precision. */
export function transposedConvolution(geometry: ConvGeometry, dy: FloatArray, w: FloatArray, dx: FloatArray): void {
  const { batch, height, width, inChannels, outHeight, outWidth, outChannels } = geometry;
  const depth = patchWidth(geometry);
  const [imageSize, pixels] = [height * width * inChannels, outHeight * outWidth];
  const chunk = chunkPixels(depth);
  const rows = doubleScratch('patches', chunk * depth);
  const sums = doubleScratch('sums', imageSize);
  // W as stored, [kH·kW·Ci, Co], already has one contiguous row per tap.
  const weightView = rowMajor(w, 0, outChannels);
  for (let n = 0; n < batch; n++) {
    sums.fill(0, 0, imageSize);
    for (let first = 0; first < pixels; first += chunk) {
      const count = Math.min(chunk, pixels - first);
      const gradientView = rowMajor(dy, (n * pixels + first) * outChannels, outChannels);
      multiplyTransposed(count, depth, outChannels, gradientView, weightView, rowMajor(rows, 0, depth));
      scatterPatches(geometry, rows, first, count, sums);
    }
    for (let index = 0; index < imageSize; index++) dx[n * imageSize + index] = sums[index];
  }
}

export function conv2dBackwardInput(op: OpOf<'conv2dBackwardInput'>, [dOutput, weights]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const geometry = convGeometry(op, dInput.shape, weights.shape, dOutput.shape);
  const what = 'conv2dBackwardInput';
  transposedConvolution(geometry, floats(dOutput, `${what} dOutput`), floats(weights, `${what} weights`), floats(dInput, `${what} dInput`));
}
