// 2-D max and average pooling over NHWC images and their gradients, 4 channels at a time (the
// cpu kernels' semantics: padded cells never win a max and count as zeros in an average only
// with countPadding; a max window's gradient goes to its first maximum in row-major order).
// Parameter block (i32): [batch, height, width, channels, outHeight, outWidth, windowHeight,
// windowWidth, strideHeight, strideWidth, padTop, padLeft, countPadding, first, second, third]
// with first/second/third the byte addresses of the op's tensors (inputs, then outputs).
// Threads: each part takes a share of the images (a backward part zeroes and fills its own).
import { load4, store4 } from './math';
import { field, partBegin } from './simd';

const BATCH = 0, HEIGHT = 1, WIDTH = 2, CHANNELS = 3, OUT_HEIGHT = 4, OUT_WIDTH = 5;
const WINDOW_HEIGHT = 6, WINDOW_WIDTH = 7, STRIDE_HEIGHT = 8, STRIDE_WIDTH = 9, PAD_TOP = 10, PAD_LEFT = 11, COUNT_PADDING = 12;
const FIRST = 13, SECOND = 14, THIRD = 15;

// One output cell's window: rows [rowFirst, rowEnd), columns [columnFirst, columnEnd) of the image
// and the average's divisor. Plain globals: the host owns all of the memory past the static data,
// so a kernel allocates nothing.
let rowFirst = 0, rowEnd = 0, columnFirst = 0, columnEnd = 0;
let divisor: f32 = 1;

/** Sets the window to output cell (oh, ow). */
function place(params: usize, oh: i32, ow: i32): void {
  const rowStart = oh * field(params, STRIDE_HEIGHT) - field(params, PAD_TOP);
  const columnStart = ow * field(params, STRIDE_WIDTH) - field(params, PAD_LEFT);
  const windowHeight = field(params, WINDOW_HEIGHT), windowWidth = field(params, WINDOW_WIDTH);
  rowFirst = max(0, rowStart);
  rowEnd = min(field(params, HEIGHT), rowStart + windowHeight);
  columnFirst = max(0, columnStart);
  columnEnd = min(field(params, WIDTH), columnStart + windowWidth);
  const cells = field(params, COUNT_PADDING) != 0 ? windowHeight * windowWidth : (rowEnd - rowFirst) * (columnEnd - columnFirst);
  divisor = <f32>cells;
}

// @ts-ignore: decorator
@inline function pixel(params: usize, n: i32, row: i32, column: i32): usize {
  return <usize>(((n * field(params, HEIGHT) + row) * field(params, WIDTH) + column) * field(params, CHANNELS)) << 2;
}

/** Calls `cell(params, n, oh, ow, outputOffset)` for every output cell after placing its window. */
// @ts-ignore: decorator
@inline function forEachCell(params: usize, part: i32, parts: i32, cell: (params: usize, n: i32, outputOffset: usize) => void): void {
  const batch = field(params, BATCH), outHeight = field(params, OUT_HEIGHT), outWidth = field(params, OUT_WIDTH), channels = field(params, CHANNELS);
  const end = partBegin(batch, 1, part + 1, parts);
  for (let n = partBegin(batch, 1, part, parts); n < end; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      for (let ow = 0; ow < outWidth; ow++) {
        place(params, oh, ow);
        cell(params, n, <usize>(((n * outHeight + oh) * outWidth + ow) * channels) << 2);
      }
    }
  }
}

function maxCell(params: usize, n: i32, outputOffset: usize): void {
  const x = <usize>field(params, FIRST), y = <usize>field(params, SECOND), channels = field(params, CHANNELS);
  for (let c = 0; c < channels; c += 4) {
    const lanes = min(4, channels - c);
    let best = load4(x + pixel(params, n, rowFirst, columnFirst) + (<usize>c << 2), lanes);
    for (let row = rowFirst; row < rowEnd; row++) {
      for (let column = columnFirst; column < columnEnd; column++) {
        best = f32x4.max(best, load4(x + pixel(params, n, row, column) + (<usize>c << 2), lanes));
      }
    }
    store4(y + outputOffset + (<usize>c << 2), best, lanes);
  }
}

export function maxPool2d(params: usize, part: i32, parts: i32): void {
  forEachCell(params, part, parts, maxCell);
}

function maxBackwardCell(params: usize, n: i32, outputOffset: usize): void {
  const x = <usize>field(params, FIRST), dy = <usize>field(params, SECOND), dx = <usize>field(params, THIRD), channels = field(params, CHANNELS);
  for (let c = 0; c < channels; c += 4) {
    const lanes = min(4, channels - c);
    const channel = <usize>c << 2;
    let where = i32x4.splat(<i32>pixel(params, n, rowFirst, columnFirst));
    let best = load4(x + <usize>i32x4.extract_lane(where, 0) + channel, lanes);
    for (let row = rowFirst; row < rowEnd; row++) {
      for (let column = columnFirst; column < columnEnd; column++) {
        const offset = pixel(params, n, row, column);
        const value = load4(x + offset + channel, lanes);
        const better = f32x4.gt(value, best);
        best = v128.bitselect(value, best, better);
        where = v128.bitselect(i32x4.splat(<i32>offset), where, better);
      }
    }
    const gradient = load4(dy + outputOffset + channel, lanes);
    const target = dx + channel;
    addLane(target + <usize>i32x4.extract_lane(where, 0), f32x4.extract_lane(gradient, 0));
    if (lanes > 1) addLane(target + 4 + <usize>i32x4.extract_lane(where, 1), f32x4.extract_lane(gradient, 1));
    if (lanes > 2) addLane(target + 8 + <usize>i32x4.extract_lane(where, 2), f32x4.extract_lane(gradient, 2));
    if (lanes > 3) addLane(target + 12 + <usize>i32x4.extract_lane(where, 3), f32x4.extract_lane(gradient, 3));
  }
}

// @ts-ignore: decorator
@inline function addLane(at: usize, value: f32): void {
  store<f32>(at, load<f32>(at) + value);
}

/** Zeroes the images of part `part` in the input gradient at `dx`. */
function zeroImages(params: usize, dx: usize, part: i32, parts: i32): void {
  const batch = field(params, BATCH), imageBytes = <usize>(field(params, HEIGHT) * field(params, WIDTH) * field(params, CHANNELS)) << 2;
  const begin = partBegin(batch, 1, part, parts), end = partBegin(batch, 1, part + 1, parts);
  memory.fill(dx + <usize>begin * imageBytes, 0, <usize>(end - begin) * imageBytes);
}

export function maxPool2dBackward(params: usize, part: i32, parts: i32): void {
  zeroImages(params, <usize>field(params, THIRD), part, parts);
  forEachCell(params, part, parts, maxBackwardCell);
}

function averageCell(params: usize, n: i32, outputOffset: usize): void {
  const x = <usize>field(params, FIRST), y = <usize>field(params, SECOND), channels = field(params, CHANNELS);
  const scale = f32x4.splat(1 / divisor);
  for (let c = 0; c < channels; c += 4) {
    const lanes = min(4, channels - c);
    let sum = f32x4.splat(0);
    for (let row = rowFirst; row < rowEnd; row++) {
      for (let column = columnFirst; column < columnEnd; column++) {
        sum = f32x4.add(sum, load4(x + pixel(params, n, row, column) + (<usize>c << 2), lanes));
      }
    }
    store4(y + outputOffset + (<usize>c << 2), f32x4.mul(sum, scale), lanes);
  }
}

/** Whether the windows sit side by side from the image's corner (window = stride, no padding): each window lies inside the image. */
function adjacent(params: usize): bool {
  return field(params, PAD_TOP) == 0 && field(params, PAD_LEFT) == 0
    && field(params, STRIDE_HEIGHT) == field(params, WINDOW_HEIGHT) && field(params, STRIDE_WIDTH) == field(params, WINDOW_WIDTH);
}

/**
 * Average pooling or its gradient over adjacent windows, cell by cell with the addresses stepped
 * (no window placement, no clipping): forward y = mean of the window; backward (the windows
 * tile the image) every input cell of a window = dY / cells.
 */
function averageAdjacent(params: usize, part: i32, parts: i32, backward: bool): void {
  const batch = field(params, BATCH), height = field(params, HEIGHT), width = field(params, WIDTH), channels = field(params, CHANNELS);
  const outHeight = field(params, OUT_HEIGHT), outWidth = field(params, OUT_WIDTH);
  const windowHeight = field(params, WINDOW_HEIGHT), windowWidth = field(params, WINDOW_WIDTH);
  const image = <usize>field(params, backward ? SECOND : FIRST), pooled = <usize>field(params, backward ? FIRST : SECOND);
  const pixelBytes = <usize>channels << 2, rowBytes = <usize>width * pixelBytes;
  const scale = f32x4.splat(<f32>1 / <f32>(windowHeight * windowWidth));
  const end = partBegin(batch, 1, part + 1, parts);
  for (let n = partBegin(batch, 1, part, parts); n < end; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const row = image + <usize>(n * height + oh * windowHeight) * rowBytes;
      let cell = pooled + (<usize>((n * outHeight + oh) * outWidth) * channels << 2);
      for (let ow = 0; ow < outWidth; ow++) {
        const corner = row + <usize>(ow * windowWidth) * pixelBytes;
        for (let c = 0; c < channels; c += 4) {
          const lanes = min(4, channels - c), channel = <usize>c << 2;
          if (backward) {
            const share = f32x4.mul(load4(cell + channel, lanes), scale);
            for (let wh = 0; wh < windowHeight; wh++) {
              for (let ww = 0; ww < windowWidth; ww++) store4(corner + <usize>wh * rowBytes + <usize>ww * pixelBytes + channel, share, lanes);
            }
          } else {
            let sum = f32x4.splat(0);
            for (let wh = 0; wh < windowHeight; wh++) {
              for (let ww = 0; ww < windowWidth; ww++) sum = f32x4.add(sum, load4(corner + <usize>wh * rowBytes + <usize>ww * pixelBytes + channel, lanes));
            }
            store4(cell + channel, f32x4.mul(sum, scale), lanes);
          }
        }
        cell += pixelBytes;
      }
    }
  }
}

export function avgPool2d(params: usize, part: i32, parts: i32): void {
  if (adjacent(params)) averageAdjacent(params, part, parts, false);
  else forEachCell(params, part, parts, averageCell);
}

function averageBackwardCell(params: usize, n: i32, outputOffset: usize): void {
  const dy = <usize>field(params, FIRST), dx = <usize>field(params, SECOND), channels = field(params, CHANNELS);
  const scale = f32x4.splat(1 / divisor);
  for (let c = 0; c < channels; c += 4) {
    const lanes = min(4, channels - c);
    const channel = <usize>c << 2;
    const share = f32x4.mul(load4(dy + outputOffset + channel, lanes), scale);
    for (let row = rowFirst; row < rowEnd; row++) {
      for (let column = columnFirst; column < columnEnd; column++) {
        const at = dx + pixel(params, n, row, column) + channel;
        store4(at, f32x4.add(load4(at, lanes), share), lanes);
      }
    }
  }
}

export function avgPool2dBackward(params: usize, part: i32, parts: i32): void {
  const windowHeight = field(params, WINDOW_HEIGHT), windowWidth = field(params, WINDOW_WIDTH);
  // Whether the windows tile the image exactly (no padding, no overlap, no gap): every input cell gets one share.
  const tiled = field(params, PAD_TOP) == 0 && field(params, PAD_LEFT) == 0 && field(params, STRIDE_HEIGHT) == windowHeight && field(params, STRIDE_WIDTH) == windowWidth
    && field(params, HEIGHT) == field(params, OUT_HEIGHT) * windowHeight && field(params, WIDTH) == field(params, OUT_WIDTH) * windowWidth;
  // Tiled, every cell is written once: no zeroing, no read-modify-write.
  if (tiled) {
    averageAdjacent(params, part, parts, true);
    return;
  }
  zeroImages(params, <usize>field(params, SECOND), part, parts);
  forEachCell(params, part, parts, averageBackwardCell);
}
