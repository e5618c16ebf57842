// The windows of a 2-D pooling, computed once per call for the four pooling kernels: for each output
// position (oh, ow), the input rows and columns its window covers inside the image (padded cells are
// left out) and average pooling's divisor. The kernels loop over these windows with their own tight
// loops, so nothing is called or allocated per window.
import { poolGeometry, type PoolAttributes, type PoolGeometry } from './poolGeometry.ts';

export interface PoolWindows {
  /** Windows per image: outHeight · outWidth, in row-major order. */
  readonly count: number;
  /** Four numbers per window: rowFirst, rowEnd, columnFirst, columnEnd (ends exclusive). */
  readonly bounds: Int32Array;
  /** Average pooling's divisor per window: the window area with countPadding, else the cells inside the image. */
  readonly divisors: Float64Array;
}

export function poolWindows(op: PoolAttributes, geometry: PoolGeometry): PoolWindows {
  const { height, width, outHeight, outWidth } = geometry;
  const [windowHeight, windowWidth] = op.window;
  const count = outHeight * outWidth;
  const bounds = new Int32Array(count * 4);
  const divisors = new Float64Array(count);
  for (let oh = 0; oh < outHeight; oh++) {
    const rowStart = oh * op.stride[0] - op.padding.top;
    const rowFirst = Math.max(0, rowStart);
    const rowEnd = Math.min(height, rowStart + windowHeight);
    for (let ow = 0; ow < outWidth; ow++) {
      const columnStart = ow * op.stride[1] - op.padding.left;
      const columnFirst = Math.max(0, columnStart);
      const columnEnd = Math.min(width, columnStart + windowWidth);
      const window = oh * outWidth + ow;
      bounds.set([rowFirst, rowEnd, columnFirst, columnEnd], window * 4);
      divisors[window] = op.countPadding ? windowHeight * windowWidth : (rowEnd - rowFirst) * (columnEnd - columnFirst);
    }
  }
  return { count, bounds, divisors };
}

/** A pooling call's sizes and windows together: what every pooling kernel computes first. */
export type PoolPlan = PoolGeometry & PoolWindows;

export function poolPlan(op: PoolAttributes, inputShape: readonly number[], outputShape: readonly number[]): PoolPlan {
  const geometry = poolGeometry(op, inputShape, outputShape);
  return { ...geometry, ...poolWindows(op, geometry) };
}
