// fill, copy, biasAdd and the broadcasting arithmetic (fill.wgsl, copy.wgsl, biasAdd.wgsl,
// binary.wgsl, broadcast.wgsl): one thread per output element.
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectCount, expectReal, expectShape, lastDimension, Parameters, perElement, shapeText, type Dispatch } from './context.ts';

export function fill(op: OpOf<'fill'>, _inputs: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  const bits = new Parameters();
  if (output.dtype === 'i32') bits.u32(op.value | 0);
  else bits.f32(op.value);
  return [{ shader: ['fill'], parameters: new Parameters().u32(output.count, bits.words[0]), buffers: [output.buffer], workgroups: perElement(output.count) }];
}

export function copy(_op: OpOf<'copy'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  expectCount(output, input.count, 'copy output');
  if (input.dtype !== output.dtype) throw new TypeError('copy: input and output must have the same element type.');
  return [{ shader: ['copy'], parameters: new Parameters().u32(input.count), buffers: [input.buffer, output.buffer], workgroups: perElement(input.count) }];
}

export function biasAdd(_op: OpOf<'biasAdd'>, [input, bias]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  const channels = lastDimension(input.shape);
  expectShape(bias, [channels], 'biasAdd bias');
  expectShape(output, input.shape, 'biasAdd output');
  expectReal(input, 'biasAdd input');
  return [{ shader: ['biasAdd'], parameters: new Parameters().u32(input.count, channels), buffers: [input.buffer, bias.buffer, output.buffer], workgroups: perElement(input.count) }];
}

/** The numpy broadcast of two shapes (aligned on the right; a size-1 axis stretches). */
export function broadcastShape(a: readonly number[], b: readonly number[], what: string): number[] {
  const rank = Math.max(a.length, b.length);
  return Array.from({ length: rank }, (_, axis) => {
    const fromA = a[axis - rank + a.length] ?? 1;
    const fromB = b[axis - rank + b.length] ?? 1;
    if (fromA !== fromB && fromA !== 1 && fromB !== 1) throw new RangeError(`${what}: shapes ${shapeText(a)} and ${shapeText(b)} do not broadcast.`);
    return fromA === 1 ? fromB : fromA;
  });
}

/** Strides for reading `shape` as the broadcast shape `target`: 0 along stretched axes. */
export function broadcastStrides(shape: readonly number[], target: readonly number[], what: string): number[] {
  if (shape.length > target.length) throw new RangeError(`${what}: ${shapeText(shape)} has more axes than ${shapeText(target)}.`);
  const strides = new Array<number>(target.length).fill(0);
  let stride = 1;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const targetAxis = axis + target.length - shape.length;
    if (shape[axis] !== 1 && shape[axis] !== target[targetAxis]) throw new RangeError(`${what}: ${shapeText(shape)} does not broadcast to ${shapeText(target)}.`);
    strides[targetAxis] = shape[axis] === 1 ? 0 : stride;
    stride *= shape[axis];
  }
  return strides;
}

const KINDS = { add: 0, sub: 1, mul: 2, div: 3 } as const;

function arithmetic(kind: keyof typeof KINDS, [a, b]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  const shape = broadcastShape(a.shape, b.shape, kind);
  expectShape(output, shape, `${kind} output`);
  expectReal(a, `${kind} a`);
  expectReal(b, `${kind} b`);
  const parameters = new Parameters().u32(output.count, KINDS[kind], shape.length, ...shape, ...broadcastStrides(a.shape, shape, kind), ...broadcastStrides(b.shape, shape, kind));
  return [{ shader: ['binary'], parameters, buffers: [a.buffer, b.buffer, output.buffer], workgroups: perElement(output.count) }];
}

export const add = (_op: OpOf<'add'>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[]): Dispatch[] => arithmetic('add', inputs, outputs);
export const sub = (_op: OpOf<'sub'>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[]): Dispatch[] => arithmetic('sub', inputs, outputs);
export const mul = (_op: OpOf<'mul'>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[]): Dispatch[] => arithmetic('mul', inputs, outputs);
export const div = (_op: OpOf<'div'>, inputs: readonly GpuTensor[], outputs: readonly GpuTensor[]): Dispatch[] => arithmetic('div', inputs, outputs);

export function broadcast(_op: OpOf<'broadcast'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  const strides = broadcastStrides(input.shape, output.shape, 'broadcast');
  const parameters = new Parameters().u32(output.count, output.shape.length, ...output.shape, ...strides);
  return [{ shader: ['broadcast'], parameters, buffers: [input.buffer, output.buffer], workgroups: perElement(output.count) }];
}
