// conv2d computed directly, for few input channels (LeNet's conv1: 1 channel in, 6 out, 5×5),
// where packing patches for the gemm costs more than the arithmetic. NHWC images, weights
// [kH, kW, Ci, Co]. The weights are first copied with Co padded to whole 8-lane groups (zeros), so
// the inner loop loads them whole; a tile of 4 output pixels of one row × 8 output channels
// accumulates in 8 registers, each weight load serving 4 pixels.
// Parameter block (i32): [images, height, width, inChannels, outHeight, outWidth, outChannels,
// kH, kW, strideH, strideW, padTop, padLeft, dilationH, dilationW, x, w, y, workspace, flipped].
// conv2dBackwardInput at stride 1 is the same kernel over dY (`flipped`: the weights packed
// flipped in both taps and transposed, [kH, kW, Co, Ci], from W [kH, kW, Ci, Co]).
// Threads: the weights are packed in one phase (directConvPack), then the output rows
// (images × outHeight) split across the parts (directConv2d). The filter gradient splits the
// output rows too, each part into its own accumulator, then adds them in part order
// (directConvFilterSum): a thread count always sums in the same order.
import { field, madd, partBegin } from './simd';

const IMAGES = 0, HEIGHT = 1, WIDTH = 2, IN_CHANNELS = 3, OUT_HEIGHT = 4, OUT_WIDTH = 5, OUT_CHANNELS = 6;
const KERNEL_HEIGHT = 7, KERNEL_WIDTH = 8, STRIDE_HEIGHT = 9, STRIDE_WIDTH = 10, PAD_TOP = 11, PAD_LEFT = 12;
const DILATION_HEIGHT = 13, DILATION_WIDTH = 14, X = 15, W = 16, Y = 17, WORKSPACE = 18, FLIPPED = 19, PARTS = 20;

/** A static float zero, read for pixels outside the image. */
const ZERO: usize = memory.data(16, 16);

/** Copies w [taps·Ci, Co] to packed [Co/8 groups][taps·Ci][8], zero past Co. */
function packWeights(w: usize, rows: i32, outChannels: i32, packed: usize): void {
  const groups = (outChannels + 7) >> 3;
  for (let group = 0; group < groups; group++) {
    for (let r = 0; r < rows; r++) {
      const out = packed + ((<usize>(group * rows + r) * 8) << 2);
      for (let j = 0; j < 8; j++) {
        const co = group * 8 + j;
        store<f32>(out + (<usize>j << 2), co < outChannels ? load<f32>(w + ((<usize>r * outChannels + co) << 2)) : 0);
      }
    }
  }
}

/** Copies W [kH, kW, Ci, Co] to packed [Ci/8 groups][(kH-1-kh, kW-1-kw, co)][8], zero past Ci: the weights of the backward-input convolution. */
function packFlippedWeights(w: usize, taps: i32, inChannels: i32, outChannels: i32, packed: usize): void {
  const groups = (inChannels + 7) >> 3;
  for (let group = 0; group < groups; group++) {
    for (let tap = 0; tap < taps; tap++) {
      const source = w + (<usize>(taps - 1 - tap) * inChannels * outChannels << 2);
      for (let co = 0; co < outChannels; co++) {
        const out = packed + ((<usize>((group * taps + tap) * outChannels + co) * 8) << 2);
        for (let j = 0; j < 8; j++) {
          const ci = group * 8 + j;
          store<f32>(out + (<usize>j << 2), ci < inChannels ? load<f32>(source + ((<usize>ci * outChannels + co) << 2)) : 0);
        }
      }
    }
  }
}

/** Packs the weights into the workspace (the first phase of directConv2d; one part). */
export function directConvPack(params: usize, part: i32, parts: i32): void {
  if (part != 0) return;
  const taps = field(params, KERNEL_HEIGHT) * field(params, KERNEL_WIDTH);
  const inChannels = field(params, IN_CHANNELS), outChannels = field(params, OUT_CHANNELS);
  const w = <usize>field(params, W), packed = <usize>field(params, WORKSPACE);
  // Flipped: this kernel's input channels are the forward convolution's outputs and vice versa.
  if (field(params, FLIPPED) != 0) packFlippedWeights(w, taps, outChannels, inChannels, packed);
  else packWeights(w, taps * inChannels, outChannels, packed);
}

/** The first `count` (0-4) lanes of `value` stored at `at`, lane by lane (no scratch copy). */
// @ts-ignore: decorator
@inline function storeLanes(at: usize, value: v128, count: i32): void {
  if (count >= 4) v128.store(at, value);
  else if (count >= 2) {
    v128.store64_lane(at, value, 0);
    if (count == 3) v128.store32_lane(at, value, 2, 8);
  } else if (count == 1) v128.store32_lane(at, value, 0);
}

/** Stores `lanes` (≤ 8) output channels of one pixel from two vectors. */
// @ts-ignore: decorator
@inline function storePixel(at: usize, low: v128, high: v128, lanes: i32): void {
  storeLanes(at, low, lanes);
  if (lanes > 4) storeLanes(at + 16, high, lanes - 4);
}

/** The output rows [images × outHeight) of part `part`, packed weights read from the workspace. */
export function directConv2d(params: usize, part: i32, parts: i32): void {
  const images = field(params, IMAGES), height = field(params, HEIGHT), width = field(params, WIDTH), inChannels = field(params, IN_CHANNELS);
  const outHeight = field(params, OUT_HEIGHT), outWidth = field(params, OUT_WIDTH), outChannels = field(params, OUT_CHANNELS);
  const kernelHeight = field(params, KERNEL_HEIGHT), kernelWidth = field(params, KERNEL_WIDTH);
  const strideHeight = field(params, STRIDE_HEIGHT), strideWidth = field(params, STRIDE_WIDTH);
  const padTop = field(params, PAD_TOP), padLeft = field(params, PAD_LEFT);
  const dilationHeight = field(params, DILATION_HEIGHT), dilationWidth = field(params, DILATION_WIDTH);
  const x = <usize>field(params, X), y = <usize>field(params, Y), packed = <usize>field(params, WORKSPACE);
  const rows = kernelHeight * kernelWidth * inChannels;
  const groups = (outChannels + 7) >> 3;
  const pixelBytes = <usize>inChannels << 2;
  const total = images * outHeight, end = partBegin(total, 1, part + 1, parts);
  for (let row = partBegin(total, 1, part, parts); row < end; row++) {
    const n = row / outHeight, oh = row % outHeight;
    const image = x + <usize>n * height * width * pixelBytes;
    {
      const outRow = y + (<usize>((n * outHeight + oh) * outWidth) * outChannels << 2);
      for (let ow = 0; ow < outWidth; ow += 4) {
        const pixels = min(4, outWidth - ow);
        const firstColumn = ow * strideWidth - padLeft, pixelStep = <usize>strideWidth * pixelBytes;
        const interior = pixels == 4 && dilationWidth == 1 && firstColumn >= 0 && firstColumn + 3 * strideWidth + kernelWidth <= width;
        for (let group = 0; group < groups; group++) {
          let a0 = f32x4.splat(0), b0 = f32x4.splat(0), a1 = f32x4.splat(0), b1 = f32x4.splat(0);
          let a2 = f32x4.splat(0), b2 = f32x4.splat(0), a3 = f32x4.splat(0), b3 = f32x4.splat(0);
          let weights = packed + (<usize>group * rows * 8 << 2);
          for (let kh = 0; kh < kernelHeight; kh++) {
            const ih = oh * strideHeight - padTop + kh * dilationHeight;
            if (ih < 0 || ih >= height) {
              weights += <usize>kernelWidth * inChannels * 8 << 2;
              continue;
            }
            const line = image + <usize>ih * width * pixelBytes;
            if (interior) {
              // Every tap of the 4 pixels inside the row: the taps' channels are one contiguous run.
              let at = line + <usize>firstColumn * pixelBytes;
              const end = weights + (<usize>kernelWidth * inChannels * 8 << 2);
              while (weights < end) {
                const low = v128.load(weights), high = v128.load(weights, 16);
                const x0 = v128.load32_splat(at), x1 = v128.load32_splat(at + pixelStep);
                const x2 = v128.load32_splat(at + 2 * pixelStep), x3 = v128.load32_splat(at + 3 * pixelStep);
                a0 = madd(x0, low, a0);
                b0 = madd(x0, high, b0);
                a1 = madd(x1, low, a1);
                b1 = madd(x1, high, b1);
                a2 = madd(x2, low, a2);
                b2 = madd(x2, high, b2);
                a3 = madd(x3, low, a3);
                b3 = madd(x3, high, b3);
                weights += 32;
                at += 4;
              }
              continue;
            }
            for (let kw = 0; kw < kernelWidth; kw++) {
              const iw0 = ow * strideWidth - padLeft + kw * dilationWidth;
              const ok0 = iw0 >= 0 && iw0 < width, ok1 = pixels > 1 && iw0 + strideWidth >= 0 && iw0 + strideWidth < width;
              const ok2 = pixels > 2 && iw0 + 2 * strideWidth >= 0 && iw0 + 2 * strideWidth < width;
              const ok3 = pixels > 3 && iw0 + 3 * strideWidth >= 0 && iw0 + 3 * strideWidth < width;
              if (!(ok0 || ok1 || ok2 || ok3)) {
                weights += <usize>inChannels * 8 << 2;
                continue;
              }
              const source = line + <usize>iw0 * pixelBytes;
              const step = <usize>strideWidth * pixelBytes;
              // Branch-free: a pixel outside the image reads a static zero (and stays on it).
              let p0 = select<usize>(source, ZERO, ok0), p1 = select<usize>(source + step, ZERO, ok1);
              let p2 = select<usize>(source + 2 * step, ZERO, ok2), p3 = select<usize>(source + 3 * step, ZERO, ok3);
              const i0 = select<usize>(4, 0, ok0), i1 = select<usize>(4, 0, ok1), i2 = select<usize>(4, 0, ok2), i3 = select<usize>(4, 0, ok3);
              for (let ci = 0; ci < inChannels; ci++) {
                const low = v128.load(weights), high = v128.load(weights, 16);
                const x0 = v128.load32_splat(p0), x1 = v128.load32_splat(p1);
                const x2 = v128.load32_splat(p2), x3 = v128.load32_splat(p3);
                p0 += i0;
                p1 += i1;
                p2 += i2;
                p3 += i3;
                a0 = madd(x0, low, a0);
                b0 = madd(x0, high, b0);
                a1 = madd(x1, low, a1);
                b1 = madd(x1, high, b1);
                a2 = madd(x2, low, a2);
                b2 = madd(x2, high, b2);
                a3 = madd(x3, low, a3);
                b3 = madd(x3, high, b3);
                weights += 32;
              }
            }
          }
          const lanes = min(8, outChannels - group * 8);
          const out = outRow + ((<usize>ow * outChannels + group * 8) << 2);
          const pixelStride = <usize>outChannels << 2;
          storePixel(out, a0, b0, lanes);
          if (pixels > 1) storePixel(out + pixelStride, a1, b1, lanes);
          if (pixels > 2) storePixel(out + 2 * pixelStride, a2, b2, lanes);
          if (pixels > 3) storePixel(out + 3 * pixelStride, a3, b3, lanes);
        }
      }
    }
  }
}

/** The first `count` (0-4) floats at `at` as a vector (zeros past them; nothing past them is read). */
// @ts-ignore: decorator
@inline function loadLanes(at: usize, count: i32): v128 {
  if (count >= 4) return v128.load(at);
  if (count == 3) return v128.load32_lane(at, v128.load64_zero(at), 2, 8);
  if (count == 2) return v128.load64_zero(at);
  return count == 1 ? v128.load32_zero(at) : f32x4.splat(0);
}

/** `lanes` (≤ 8) output channels of one pixel as two vectors (zeros past `lanes`). */
// @ts-ignore: decorator
@inline function loadPixel(at: usize, lanes: i32, high: bool): v128 {
  return high ? loadLanes(at + 16, lanes - 4) : loadLanes(at, lanes);
}

/**
 * conv2dBackwardFilter computed directly: dW[tap, ci, co] = Σ over output pixels of
 * x[pixel shifted by the tap, ci] · dY[pixel, co], a tile of 4 output pixels × 8 channels of dY
 * held in registers while every tap adds into its row of the padded accumulator (workspace).
 * Parameter block as directConv2d's, with dY at X + 1's place: [..., x, dY, dW, workspace].
 */
export function directConv2dBackwardFilter(params: usize, part: i32, parts: i32): void {
  const images = field(params, IMAGES), height = field(params, HEIGHT), width = field(params, WIDTH), inChannels = field(params, IN_CHANNELS);
  const outHeight = field(params, OUT_HEIGHT), outWidth = field(params, OUT_WIDTH), outChannels = field(params, OUT_CHANNELS);
  const kernelHeight = field(params, KERNEL_HEIGHT), kernelWidth = field(params, KERNEL_WIDTH);
  const strideHeight = field(params, STRIDE_HEIGHT), strideWidth = field(params, STRIDE_WIDTH);
  const padTop = field(params, PAD_TOP), padLeft = field(params, PAD_LEFT);
  const dilationHeight = field(params, DILATION_HEIGHT), dilationWidth = field(params, DILATION_WIDTH);
  const x = <usize>field(params, X), dy = <usize>field(params, W);
  const rows = kernelHeight * kernelWidth * inChannels, groups = (outChannels + 7) >> 3;
  const accumulatorBytes = <usize>(groups * rows * 8) << 2, accumulator = <usize>field(params, WORKSPACE) + <usize>part * accumulatorBytes;
  memory.fill(accumulator, 0, accumulatorBytes);
  const pixelBytes = <usize>inChannels << 2, gradientPixel = <usize>outChannels << 2;
  const total = images * outHeight, end = partBegin(total, 1, part + 1, parts);
  for (let row = partBegin(total, 1, part, parts); row < end; row++) {
    const n = row / outHeight, oh = row % outHeight;
    const image = x + <usize>n * height * width * pixelBytes;
    {
      const gradientRow = dy + (<usize>((n * outHeight + oh) * outWidth) * outChannels << 2);
      for (let ow = 0; ow < outWidth; ow += 4) {
        const pixels = min(4, outWidth - ow);
        const firstColumn = ow * strideWidth - padLeft, pixelStep = <usize>strideWidth * pixelBytes;
        const interior = pixels == 4 && dilationWidth == 1 && firstColumn >= 0 && firstColumn + 3 * strideWidth + kernelWidth <= width;
        for (let group = 0; group < groups; group++) {
          const lanes = min(8, outChannels - group * 8);
          const g0 = gradientRow + ((<usize>ow * outChannels + group * 8) << 2);
          const zero = f32x4.splat(0);
          const l0 = loadPixel(g0, lanes, false), h0 = loadPixel(g0, lanes, true);
          const l1 = pixels > 1 ? loadPixel(g0 + gradientPixel, lanes, false) : zero, h1 = pixels > 1 ? loadPixel(g0 + gradientPixel, lanes, true) : zero;
          const l2 = pixels > 2 ? loadPixel(g0 + 2 * gradientPixel, lanes, false) : zero, h2 = pixels > 2 ? loadPixel(g0 + 2 * gradientPixel, lanes, true) : zero;
          const l3 = pixels > 3 ? loadPixel(g0 + 3 * gradientPixel, lanes, false) : zero, h3 = pixels > 3 ? loadPixel(g0 + 3 * gradientPixel, lanes, true) : zero;
          let sums = accumulator + (<usize>group * rows * 8 << 2);
          for (let kh = 0; kh < kernelHeight; kh++) {
            const ih = oh * strideHeight - padTop + kh * dilationHeight;
            if (ih < 0 || ih >= height) {
              sums += <usize>kernelWidth * inChannels * 8 << 2;
              continue;
            }
            const line = image + <usize>ih * width * pixelBytes;
            if (interior) {
              // Every tap of the 4 pixels inside the row: the taps' channels are one contiguous run.
              let at = line + <usize>firstColumn * pixelBytes;
              const end = sums + (<usize>kernelWidth * inChannels * 8 << 2);
              while (sums < end) {
                const x0 = v128.load32_splat(at), x1 = v128.load32_splat(at + pixelStep);
                const x2 = v128.load32_splat(at + 2 * pixelStep), x3 = v128.load32_splat(at + 3 * pixelStep);
                const low = madd(x3, l3, madd(x2, l2, madd(x1, l1, f32x4.mul(x0, l0))));
                const high = madd(x3, h3, madd(x2, h2, madd(x1, h1, f32x4.mul(x0, h0))));
                v128.store(sums, f32x4.add(v128.load(sums), low));
                v128.store(sums, f32x4.add(v128.load(sums, 16), high), 16);
                sums += 32;
                at += 4;
              }
              continue;
            }
            for (let kw = 0; kw < kernelWidth; kw++) {
              const iw0 = ow * strideWidth - padLeft + kw * dilationWidth;
              const ok0 = iw0 >= 0 && iw0 < width, ok1 = pixels > 1 && iw0 + strideWidth >= 0 && iw0 + strideWidth < width;
              const ok2 = pixels > 2 && iw0 + 2 * strideWidth >= 0 && iw0 + 2 * strideWidth < width;
              const ok3 = pixels > 3 && iw0 + 3 * strideWidth >= 0 && iw0 + 3 * strideWidth < width;
              if (!(ok0 || ok1 || ok2 || ok3)) {
                sums += <usize>inChannels * 8 << 2;
                continue;
              }
              const source = line + <usize>iw0 * pixelBytes;
              const step = <usize>strideWidth * pixelBytes;
              // Branch-free: a pixel outside the image reads a static zero (and stays on it).
              let p0 = select<usize>(source, ZERO, ok0), p1 = select<usize>(source + step, ZERO, ok1);
              let p2 = select<usize>(source + 2 * step, ZERO, ok2), p3 = select<usize>(source + 3 * step, ZERO, ok3);
              const i0 = select<usize>(4, 0, ok0), i1 = select<usize>(4, 0, ok1), i2 = select<usize>(4, 0, ok2), i3 = select<usize>(4, 0, ok3);
              for (let ci = 0; ci < inChannels; ci++) {
                const x0 = v128.load32_splat(p0), x1 = v128.load32_splat(p1);
                const x2 = v128.load32_splat(p2), x3 = v128.load32_splat(p3);
                p0 += i0;
                p1 += i1;
                p2 += i2;
                p3 += i3;
                const low = madd(x3, l3, madd(x2, l2, madd(x1, l1, f32x4.mul(x0, l0))));
                const high = madd(x3, h3, madd(x2, h2, madd(x1, h1, f32x4.mul(x0, h0))));
                v128.store(sums, f32x4.add(v128.load(sums), low));
                v128.store(sums, f32x4.add(v128.load(sums, 16), high), 16);
                sums += 32;
              }
            }
          }
        }
      }
    }
  }
}

/**
 * The filter gradient's second phase (one part): dW = the parts' accumulators added in part order
 * (PARTS of them, one per part of the first phase), the 8-lane padding dropped.
 */
export function directConvFilterSum(params: usize, part: i32, parts: i32): void {
  if (part != 0) return;
  const outChannels = field(params, OUT_CHANNELS), sums = field(params, PARTS);
  const rows = field(params, KERNEL_HEIGHT) * field(params, KERNEL_WIDTH) * field(params, IN_CHANNELS), groups = (outChannels + 7) >> 3;
  const accumulator = <usize>field(params, WORKSPACE), dw = <usize>field(params, Y), accumulatorBytes = <usize>(groups * rows * 8) << 2;
  for (let p = 1; p < sums; p++) {
    const other = accumulator + <usize>p * accumulatorBytes;
    for (let at: usize = 0; at < accumulatorBytes; at += 16) v128.store(accumulator + at, f32x4.add(v128.load(accumulator + at), v128.load(other + at)));
  }
  for (let group = 0; group < groups; group++) {
    const lanes = min(8, outChannels - group * 8);
    for (let r = 0; r < rows; r++) memory.copy(dw + ((<usize>r * outChannels + group * 8) << 2), accumulator + ((<usize>(group * rows + r) * 8) << 2), <usize>lanes << 2);
  }
}
