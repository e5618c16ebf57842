// The convolutions as matrix products ("im2col"). Number the output pixels p = (n·OH + oh)·OW + ow
// and the taps of a window j = (kh·kW + kw)·Ci + ci, the order of the weights [kH, kW, Ci, Co] seen
// as a matrix W of (kH·kW·Ci) rows × Co columns. The patch matrix P holds
// P[p, j] = x[n, oh·sH - top + kh·dH, ow·sW - left + kw·dW, ci] (zero in the padding), so that
// conv2d is Y = P·W, its filter gradient dW = Pᵀ·dY and its input gradient scatters dY·Wᵀ back
// through the same taps. Products run over chunks of pixels so the patches stay cache-sized.
import type { FloatArray } from '../tensor.ts';
import type { ConvGeometry } from './convGeometry.ts';

/** About how many numbers a chunk of patches holds (256 KiB in float32). */
const CHUNK_VALUES = 1 << 16;

/** Pixels per chunk when a pixel contributes `width` numbers: a multiple of 4 (the gemm tile). */
export function chunkPixels(width: number): number {
  return Math.max(4, Math.floor(CHUNK_VALUES / Math.max(1, width) / 4) * 4);
}

/** Columns of the patch matrix: kH·kW·Ci. */
export function patchWidth(geometry: ConvGeometry): number {
  return geometry.kernelHeight * geometry.kernelWidth * geometry.inChannels;
}

/** The window attributes as plain numbers, read once per call rather than in the loops. */
function windowSteps(geometry: ConvGeometry): { strideH: number; strideW: number; top: number; left: number; dilationH: number; dilationW: number } {
  const { stride, padding, dilation } = geometry.attributes;
  return { strideH: stride[0] | 0, strideW: stride[1] | 0, top: padding.top | 0, left: padding.left | 0, dilationH: dilation[0] | 0, dilationW: dilation[1] | 0 };
}

/** Copies `count` input values from `source` (or zeros when `source` < 0) to target[start + i·step]. */
function copyRun(x: FloatArray, source: number, count: number, target: FloatArray, start: number, step: number): void {
  if (source < 0) {
    for (let i = 0; i < count; i++) target[start + i * step] = 0;
  } else {
    for (let i = 0; i < count; i++) target[start + i * step] = x[source + i];
  }
}

/**
 * Writes rows first … first + count - 1 of P: element (r, j) goes to target[r·rowStep + j·columnStep],
 * so (patchWidth, 1) gives the rows of P and (1, count) gives Pᵀ.
 */
export function gatherPatches(geometry: ConvGeometry, x: FloatArray, first: number, count: number, target: FloatArray, rowStep: number, columnStep: number): void {
  const { height, width, inChannels, outHeight, outWidth, kernelHeight, kernelWidth } = geometry;
  const { strideH, strideW, top, left, dilationH, dilationW } = windowSteps(geometry);
  const tapRun = kernelWidth * inChannels;
  // (n, oh, ow) of the current pixel, stepped along rather than divided out of its index.
  let ow = first % outWidth;
  let oh = Math.floor(first / outWidth) % outHeight;
  let n = Math.floor(first / (outWidth * outHeight));
  for (let r = 0; r < count; r++, ow++) {
    if (ow === outWidth) [ow, oh] = [0, oh + 1];
    if (oh === outHeight) [oh, n] = [0, n + 1];
    const iwFirst = ow * strideW - left;
    // With no width dilation and the window inside the image, a kernel row reads one contiguous run.
    const wholeRows = dilationW === 1 && iwFirst >= 0 && iwFirst + kernelWidth <= width;
    for (let kh = 0; kh < kernelHeight; kh++) {
      const ih = oh * strideH - top + kh * dilationH;
      const start = r * rowStep + kh * tapRun * columnStep;
      const rowSource = (n * height + ih) * width;
      if (ih < 0 || ih >= height) copyRun(x, -1, tapRun, target, start, columnStep);
      else if (wholeRows) copyRun(x, (rowSource + iwFirst) * inChannels, tapRun, target, start, columnStep);
      else {
        for (let kw = 0; kw < kernelWidth; kw++) {
          const iw = iwFirst + kw * dilationW;
          const source = iw >= 0 && iw < width ? (rowSource + iw) * inChannels : -1;
          copyRun(x, source, inChannels, target, start + kw * inChannels * columnStep, columnStep);
        }
      }
    }
  }
}

/**
 * The adjoint of gatherPatches within one image: for rows first … first + count - 1 of the image's
 * pixels (row r of `rows`, patchWidth wide), adds each tap's value to the image cell it was read
 * from: sums[(ih·W + iw)·Ci + ci] += rows[r, j]. Taps in the padding are dropped.
 */
export function scatterPatches(geometry: ConvGeometry, rows: FloatArray, first: number, count: number, sums: Float64Array): void {
  const { height, width, inChannels, outWidth, kernelHeight, kernelWidth } = geometry;
  const { strideH, strideW, top, left, dilationH, dilationW } = windowSteps(geometry);
  const rowWidth = patchWidth(geometry);
  let ow = first % outWidth;
  let oh = Math.floor(first / outWidth);
  for (let r = 0; r < count; r++, ow++) {
    if (ow === outWidth) [ow, oh] = [0, oh + 1];
    let source = r * rowWidth;
    for (let kh = 0; kh < kernelHeight; kh++) {
      const ih = oh * strideH - top + kh * dilationH;
      for (let kw = 0; kw < kernelWidth; kw++) {
        const iw = ow * strideW - left + kw * dilationW;
        if (ih >= 0 && ih < height && iw >= 0 && iw < width) {
          const target = (ih * width + iw) * inChannels;
          for (let ci = 0; ci < inChannels; ci++) sums[target + ci] += rows[source + ci];
        }
        source += inChannels;
      }
    }
  }
}
