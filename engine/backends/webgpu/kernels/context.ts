/// <reference types="@webgpu/types" />
// What a kernel wrapper gets and returns. A wrapper checks shapes once (at bind), fills the call's
// parameters (sizes and attributes, 64 32-bit words in one uniform buffer) and returns the
// dispatches a run records: a pipeline (cached per shader), the buffers it binds, and the
// workgroup counts. Every shader is common.wgsl + its own file(s): binding 0 is the parameters,
// bindings 1... the storage buffers in the order the wrapper lists them.
import type { OpName, OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';

/** The most parameter words one call has (the uniform is 16 vec4<u32>). */
export const PARAMETER_WORDS = 64;

/** One compute dispatch of a bound call. */
export interface Dispatch {
  /** The shader's pieces (names of kernels/*.wgsl, common.wgsl comes first by itself). */
  readonly shader: readonly string[];
  /** The call's parameter words (u32; floats as their bits, see Parameters). */
  readonly parameters: Parameters;
  /** The storage buffers, bindings 1, 2, ... in order. */
  readonly buffers: readonly GPUBuffer[];
  readonly workgroups: readonly [number, number, number];
}

export type Wrapper<Name extends OpName> = (op: OpOf<Name>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[], context: WrapperContext) => Dispatch[];

/** What a wrapper may ask of the buffers: a scratch buffer owned by the call (clipGradientNorm's partial sums). */
export interface WrapperContext {
  scratch(bytes: number): GPUBuffer;
}

/** The parameter words of one dispatch, written in order. */
export class Parameters {
  readonly words = new Uint32Array(PARAMETER_WORDS);
  private readonly floats = new Float32Array(this.words.buffer);
  private length = 0;

  /** Appends unsigned integers. */
  u32(...values: readonly number[]): this {
    for (const value of values) this.words[this.take()] = value >>> 0;
    return this;
  }

  /** Appends reals as float32 bits. */
  f32(...values: readonly number[]): this {
    for (const value of values) this.floats[this.take()] = value;
    return this;
  }

  private take(): number {
    if (this.length >= PARAMETER_WORDS) throw new RangeError(`A WebGPU kernel call takes at most ${PARAMETER_WORDS} parameter words.`);
    return this.length++;
  }
}

/** The most workgroups along one dispatch axis (WebGPU's default limit). */
const MAXIMUM_GROUPS = 65535;

/** `total` workgroups as an x·y grid (shaders index them as y·countX + x and skip past the end). */
export function grid(total: number): [number, number, number] {
  const x = Math.max(1, Math.min(total, MAXIMUM_GROUPS));
  return [x, Math.max(1, Math.ceil(total / x)), 1];
}

/** Workgroups of 256 threads, one thread per element. */
export function perElement(count: number): [number, number, number] {
  return grid(Math.ceil(count / 256));
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Throws unless `tensor` has exactly `shape`. */
export function expectShape(tensor: GpuTensor, shape: readonly number[], what: string): void {
  const same = tensor.shape.length === shape.length && tensor.shape.every((size, axis) => size === shape[axis]);
  if (!same) throw new RangeError(`${what} has shape ${shapeText(tensor.shape)}, expected ${shapeText(shape)}.`);
}

/** Throws unless `tensor` has `count` elements. */
export function expectCount(tensor: GpuTensor, count: number, what: string): void {
  if (tensor.count !== count) throw new RangeError(`${what} has ${tensor.count} values (shape ${shapeText(tensor.shape)}), expected ${count}.`);
}

/** Throws unless `tensor` holds reals (f32). */
export function expectReal(tensor: GpuTensor, what: string): void {
  if (tensor.dtype !== 'f32') throw new TypeError(`${what} must hold real numbers (f32), but holds integers (i32).`);
}

/** The size of the last axis (1 for a scalar). */
export function lastDimension(shape: readonly number[]): number {
  return shape.length === 0 ? 1 : shape[shape.length - 1];
}
