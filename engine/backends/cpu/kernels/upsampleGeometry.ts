// Shape checks for upsampling: [N, H, W, C] grows to [N, H·sH, W·sW, C].
import type { HeightWidth } from '../../../ir/index.ts';

export interface UpsampleGeometry {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly outHeight: number;
  readonly outWidth: number;
}

export function upsampleGeometry(name: string, scale: HeightWidth, input: readonly number[], output: readonly number[]): UpsampleGeometry {
  if (!scale.every((factor) => Number.isInteger(factor) && factor >= 1)) throw new RangeError(`${name}: scale factors must be positive integers, not ${scale.join('×')}.`);
  const expected = [input[0], input[1] * scale[0], input[2] * scale[1], input[3]];
  if (input.length !== 4 || output.length !== 4 || !output.every((size, axis) => size === expected[axis])) {
    throw new RangeError(`${name}: an input [${input.join(', ')}] scaled ${scale.join('×')} gives [${expected.join(', ')}], but the output is [${output.join(', ')}].`);
  }
  return { batch: input[0], height: input[1], width: input[2], channels: input[3], outHeight: expected[1], outWidth: expected[2] };
}
