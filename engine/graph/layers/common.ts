// Small helpers shared by the layer files: param builders and shape arithmetic.
import type { BoolParam, EnumParam, FloatParam, IntListParam, IntParam, Params, ShapeResult } from '../layerSpec.ts';
import { fail } from '../layerSpec.ts';
import { describeShape, type TensorShape } from '../shape.ts';

export const MAX_DIM = 1 << 20;

export function intParam(doc: string, defaultValue: number, min: number, max: number): IntParam {
  return { kind: 'int', doc, default: defaultValue, min, max };
}
export function floatParam(doc: string, defaultValue: number, min: number, max: number): FloatParam {
  return { kind: 'float', doc, default: defaultValue, min, max };
}
export function boolParam(doc: string, defaultValue: boolean): BoolParam {
  return { kind: 'bool', doc, default: defaultValue };
}
export function enumParam(doc: string, defaultValue: string, options: readonly string[]): EnumParam {
  return { kind: 'enum', doc, default: defaultValue, options };
}
export function pairParam(doc: string, defaultValue: number, min: number, max: number): IntListParam {
  return { kind: 'intList', doc, default: [defaultValue, defaultValue], min, max, minLength: 1, maxLength: 2 };
}

/** A 1- or 2-element list as [height, width]. */
export function pair(value: Params[string]): [number, number] {
  const list = value as readonly number[];
  return [list[0], list.length > 1 ? list[1] : list[0]];
}

/** Explicit padding as [top/bottom, left/right]. */
export function paddingPair(params: Params): [number, number] {
  return pair(params.padAmount);
}

/** Fails unless the input has one of the given ranks; names what was expected. */
export function expectRank(layer: string, shape: TensorShape, ranks: readonly number[], port = 'in'): ShapeResult | null {
  if (ranks.includes(shape.dims.length)) return null;
  const names = ranks.map((rank) => ['a scalar', 'a vector', 'a sequence (T×F)', 'an image (H×W×C)'][rank] ?? `rank ${rank}`);
  return fail(`${layer} expects ${names.join(' or ')}, but receives ${describeShape(shape)}.`, { port });
}

export function expectFloat(layer: string, shape: TensorShape, port = 'in'): ShapeResult | null {
  if (shape.dtype === 'float32') return null;
  return fail(`${layer} expects real numbers, but receives integer ids (${describeShape(shape)}).`, {
    port,
    suggestion: 'Integer ids usually go through an Embedding layer first.',
  });
}

/** Output length of a sliding window (convolution or pooling) along one axis. */
export function windowOutput(size: number, kernel: number, stride: number, padBefore: number, padAfter: number, dilation = 1): number {
  const span = dilation * (kernel - 1) + 1;
  return Math.floor((size + padBefore + padAfter - span) / stride) + 1;
}

/** 'same' padding: output = ceil(size / stride); returns the total padding needed (extra goes after). */
export function samePadding(size: number, kernel: number, stride: number, dilation = 1): number {
  const span = dilation * (kernel - 1) + 1;
  const output = Math.ceil(size / stride);
  return Math.max(0, (output - 1) * stride + span - size);
}

export interface SpatialPlan {
  readonly height: number;
  readonly width: number;
  /** [top, bottom, left, right] */
  readonly padding: readonly [number, number, number, number];
}

/** Output size and padding of a windowed op for padding mode valid, same or explicit. */
export function planWindow(
  height: number,
  width: number,
  kernel: readonly [number, number],
  stride: readonly [number, number],
  mode: string,
  explicit: readonly [number, number],
  dilation: readonly [number, number] = [1, 1],
): SpatialPlan {
  let padding: [number, number, number, number] = [0, 0, 0, 0];
  if (mode === 'same') {
    const totalHeight = samePadding(height, kernel[0], stride[0], dilation[0]);
    const totalWidth = samePadding(width, kernel[1], stride[1], dilation[1]);
    padding = [Math.floor(totalHeight / 2), totalHeight - Math.floor(totalHeight / 2), Math.floor(totalWidth / 2), totalWidth - Math.floor(totalWidth / 2)];
  } else if (mode === 'explicit') {
    padding = [explicit[0], explicit[0], explicit[1], explicit[1]];
  }
  return {
    height: windowOutput(height, kernel[0], stride[0], padding[0], padding[1], dilation[0]),
    width: windowOutput(width, kernel[1], stride[1], padding[2], padding[3], dilation[1]),
    padding,
  };
}

export function tooLarge(dims: readonly number[]): boolean {
  let size = 1;
  for (const dim of dims) {
    size *= dim;
    if (!Number.isFinite(size) || size > 2 ** 31) return true;
  }
  return false;
}
