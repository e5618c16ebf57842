// Packing for the matrix product: copies a block of A into panels of MR rows (for each k, the MR
// values of the panel side by side) and a block of B into panels of NR columns (for each k, NR
// values), padding edges with zeros, so the micro-kernel reads both with unit stride. The
// convolutions gather their patches here, straight from the images (no im2col buffer).
import * as L from './layout';
import { field } from './simd';

export const MR = 4;
export const NR = 8;

/**
 * Copies `take` consecutive floats from `src` into a packed column (`step` bytes apart) starting at
 * `dst`, or zeros when the source lies outside the tensor (`inside` false); returns the next `dst`.
 */
// @ts-ignore: decorator
@inline function copyColumn(dst: usize, src: usize, take: i32, step: usize, inside: bool): usize {
  if (inside) {
    for (let c = 0; c < take; c++) {
      store<f32>(dst, load<f32>(src));
      src += 4;
      dst += step;
    }
  } else {
    for (let c = 0; c < take; c++) {
      store<f32>(dst, 0);
      dst += step;
    }
  }
  return dst;
}

/** Writes A(m, k0..k0+count) to dst with a step of MR floats: one row of a panel. */
function gatherRow(params: usize, base: usize, m: i32, k0: i32, count: i32, dst: usize): void {
  const mode = field(params, L.A_MODE);
  const step: usize = MR << 2;
  if (mode == L.A_MATRIX) {
    const rowStride = field(params, L.A_ROW_STRIDE);
    const columnStride = field(params, L.A_COLUMN_STRIDE);
    let src = base + ((<usize>m * rowStride + <usize>k0 * columnStride) << 2);
    const srcStep = <usize>columnStride << 2;
    for (let k = 0; k < count; k++) {
      store<f32>(dst, load<f32>(src));
      src += srcStep;
      dst += step;
    }
  } else if (mode == L.A_PATCHES) gatherPatchRow(params, base, m, k0, count, dst);
  else if (mode == L.A_PATCHES_TRANSPOSED) gatherPatchColumn(params, base, m, k0, count, dst);
  else gatherGradientRow(params, base, m, k0, count, dst);
}

/** conv2d: row m is output pixel (n, oh, ow); k runs over taps (kh, kw) then input channels. */
function gatherPatchRow(params: usize, image: usize, m: i32, k0: i32, count: i32, dst: usize): void {
  const height = field(params, L.HEIGHT), width = field(params, L.WIDTH), channels = field(params, L.IN_CHANNELS);
  const outHeight = field(params, L.OUT_HEIGHT), outWidth = field(params, L.OUT_WIDTH);
  const kernelWidth = field(params, L.KERNEL_WIDTH);
  const pixels = outHeight * outWidth;
  const n = m / pixels, pixel = m % pixels;
  const top = (pixel / outWidth) * field(params, L.STRIDE_HEIGHT) - field(params, L.PAD_TOP);
  const left = (pixel % outWidth) * field(params, L.STRIDE_WIDTH) - field(params, L.PAD_LEFT);
  const dilationHeight = field(params, L.DILATION_HEIGHT), dilationWidth = field(params, L.DILATION_WIDTH);
  const tap = k0 / channels;
  let channel = k0 % channels;
  // The tap's position, advanced without dividing: (kh, kw) as input offsets ih, iw.
  let kw = tap % kernelWidth;
  let ih = top + (tap / kernelWidth) * dilationHeight, iw = left + kw * dilationWidth;
  const step: usize = MR << 2;
  const image0 = image + (<usize>n * height * width * channels << 2);
  let remaining = count;
  while (remaining > 0) {
    const take = min(channels - channel, remaining);
    const inside = ih >= 0 && ih < height && iw >= 0 && iw < width;
    dst = copyColumn(dst, image0 + (((<usize>ih * width + iw) * channels + channel) << 2), take, step, inside);
    remaining -= take;
    channel = 0;
    if (++kw == kernelWidth) {
      kw = 0;
      ih += dilationHeight;
      iw = left;
    } else iw += dilationWidth;
  }
}

/** conv2dBackwardFilter: row m is tap (kh, kw, ci); k runs over output pixels (n, oh, ow). */
function gatherPatchColumn(params: usize, image: usize, m: i32, k0: i32, count: i32, dst: usize): void {
  const height = field(params, L.HEIGHT), width = field(params, L.WIDTH), channels = field(params, L.IN_CHANNELS);
  const outHeight = field(params, L.OUT_HEIGHT), outWidth = field(params, L.OUT_WIDTH);
  const kernelWidth = field(params, L.KERNEL_WIDTH);
  const strideHeight = field(params, L.STRIDE_HEIGHT), strideWidth = field(params, L.STRIDE_WIDTH);
  const tap = m / channels, channel = m % channels;
  const offsetHeight = (tap / kernelWidth) * field(params, L.DILATION_HEIGHT) - field(params, L.PAD_TOP);
  const offsetWidth = (tap % kernelWidth) * field(params, L.DILATION_WIDTH) - field(params, L.PAD_LEFT);
  const pixels = outHeight * outWidth;
  let n = k0 / pixels, oh = (k0 % pixels) / outWidth, ow = k0 % outWidth;
  const step: usize = MR << 2;
  for (let k = 0; k < count; k++) {
    const ih = oh * strideHeight + offsetHeight, iw = ow * strideWidth + offsetWidth;
    let value: f32 = 0;
    if (ih >= 0 && ih < height && iw >= 0 && iw < width) {
      value = load<f32>(image + ((((<usize>n * height + ih) * width + iw) * channels + channel) << 2));
    }
    store<f32>(dst, value);
    dst += step;
    if (++ow == outWidth) {
      ow = 0;
      if (++oh == outHeight) {
        oh = 0;
        n++;
      }
    }
  }
}

/** conv2dBackwardInput: row m is input pixel (n, ih, iw); k runs over taps (kh, kw) then output channels. */
function gatherGradientRow(params: usize, gradient: usize, m: i32, k0: i32, count: i32, dst: usize): void {
  const height = field(params, L.HEIGHT), width = field(params, L.WIDTH);
  const outHeight = field(params, L.OUT_HEIGHT), outWidth = field(params, L.OUT_WIDTH), channels = field(params, L.OUT_CHANNELS);
  const kernelWidth = field(params, L.KERNEL_WIDTH);
  const strideHeight = field(params, L.STRIDE_HEIGHT), strideWidth = field(params, L.STRIDE_WIDTH);
  const pixels = height * width;
  const n = m / pixels, pixel = m % pixels;
  const baseHeight = pixel / width + field(params, L.PAD_TOP), baseWidth = pixel % width + field(params, L.PAD_LEFT);
  const dilationHeight = field(params, L.DILATION_HEIGHT), dilationWidth = field(params, L.DILATION_WIDTH);
  let tap = k0 / channels, channel = k0 % channels;
  const step: usize = MR << 2;
  let remaining = count;
  while (remaining > 0) {
    const th = baseHeight - (tap / kernelWidth) * dilationHeight;
    const tw = baseWidth - (tap % kernelWidth) * dilationWidth;
    const oh = th / strideHeight, ow = tw / strideWidth;
    const take = min(channels - channel, remaining);
    const inside = th >= 0 && tw >= 0 && th % strideHeight == 0 && tw % strideWidth == 0 && oh < outHeight && ow < outWidth;
    dst = copyColumn(dst, gradient + ((((<usize>n * outHeight + oh) * outWidth + ow) * channels + channel) << 2), take, step, inside);
    remaining -= take;
    channel = 0;
    tap++;
  }
}

/** Packs rows m0..m0+rows of A, depths k0..k0+depth, into panels of MR rows (zero rows past the end). */
export function packA(params: usize, base: usize, m0: i32, rows: i32, k0: i32, depth: i32, dst: usize): void {
  const panelBytes = <usize>depth * MR << 2;
  for (let first = 0; first < rows; first += MR) {
    for (let r = 0; r < MR; r++) {
      const column = dst + (<usize>r << 2);
      if (first + r < rows) gatherRow(params, base, m0 + first + r, k0, depth, column);
      else for (let k = 0; k < depth; k++) store<f32>(column + (<usize>k * MR << 2), 0);
    }
    dst += panelBytes;
  }
}

/** Packs B(k0..k0+depth, n0..n0+columns) into panels of NR columns (zero columns past the end). */
export function packB(params: usize, base: usize, k0: i32, depth: i32, n0: i32, columns: i32, dst: usize): void {
  const transposedTaps = field(params, L.B_MODE) == L.B_TAPS_TRANSPOSED;
  const rowStride = field(params, L.B_ROW_STRIDE);
  let columnStride = field(params, L.B_COLUMN_STRIDE);
  const outChannels = field(params, L.OUT_CHANNELS), inChannels = field(params, L.IN_CHANNELS);
  if (transposedTaps) columnStride = outChannels;
  for (let first = 0; first < columns; first += NR) {
    const width = min(NR, columns - first);
    for (let k = 0; k < depth; k++) {
      const row = k0 + k;
      const rowStart: usize = transposedTaps
        ? <usize>(row / outChannels) * inChannels * outChannels + (row % outChannels)
        : <usize>row * rowStride;
      const src = base + ((rowStart + <usize>(n0 + first) * columnStride) << 2);
      const out = dst + (<usize>k * NR << 2);
      if (width == NR && columnStride == 1) {
        v128.store(out, v128.load(src));
        v128.store(out, v128.load(src, 16), 16);
      } else {
        for (let j = 0; j < NR; j++) store<f32>(out + (<usize>j << 2), j < width ? load<f32>(src + (<usize>j * columnStride << 2)) : 0);
      }
    }
    dst += <usize>depth * NR << 2;
  }
}
