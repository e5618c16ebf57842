// The sizes of a 2-D pooling, checked once for the four pooling kernels.
import type { OpOf } from '../../../ir/index.ts';
import { checkWindowAttributes, expectWindowOutput } from './window.ts';

export type PoolAttributes = OpOf<'maxPool2d'> | OpOf<'maxPool2dBackward'> | OpOf<'avgPool2d'> | OpOf<'avgPool2dBackward'>;

export interface PoolGeometry {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

/** Checks an NHWC input and output; padding must be smaller than the window so no window is all padding. */
export function poolGeometry(attributes: PoolAttributes, input: readonly number[], output: readonly number[]): PoolGeometry {
  const name = attributes.op;
  const window = { stride: attributes.stride, padding: attributes.padding, dilation: [1, 1] as const };
  checkWindowAttributes(name, window);
  const { padding } = attributes;
  const [windowHeight, windowWidth] = attributes.window;
  if (Math.max(padding.top, padding.bottom) >= windowHeight || Math.max(padding.left, padding.right) >= windowWidth) {
    throw new RangeError(`${name}: padding must be smaller than the ${windowHeight}×${windowWidth} window.`);
  }
  if (input.length !== 4 || output.length !== 4 || input[3] !== output[3]) {
    throw new RangeError(`${name}: input [${input.join(', ')}] and output [${output.join(', ')}] must be NHWC images with the same channels.`);
  }
  expectWindowOutput(name, window, attributes.window, input, output);
  // `| 0` keeps sizes small integers for V8 even when a shape arrives as doubles (see integerShape).
  return { batch: input[0] | 0, height: input[1] | 0, width: input[2] | 0, channels: input[3] | 0, outHeight: output[1] | 0, outWidth: output[2] | 0 };
}
