// concat joins parts along an axis; split, its gradient, cuts a tensor into parts of the outputs' sizes.
import type { OpOf } from '../../../ir/index.ts';
import { rowsAndColumns, type CpuTensor } from '../tensor.ts';

/** Checks that parts fit `whole` along `axis`; returns rows (axes before) and the size after the axis. */
function layout(name: string, axis: number, whole: CpuTensor, parts: readonly CpuTensor[]): { rows: number; inner: number } {
  const shape = whole.shape;
  if (!Number.isInteger(axis) || axis < 0 || axis >= shape.length) throw new RangeError(`${name}: axis ${axis} is not an axis of [${shape.join(', ')}].`);
  let total = 0;
  for (const part of parts) {
    const fits = part.shape.length === shape.length && part.shape.every((size, index) => index === axis || size === shape[index]);
    if (!fits) throw new RangeError(`${name}: part [${part.shape.join(', ')}] does not fit [${shape.join(', ')}] along axis ${axis}.`);
    if (part.data instanceof Int32Array !== whole.data instanceof Int32Array) throw new TypeError(`${name}: all parts must have one element type.`);
    total += part.shape[axis];
  }
  if (total !== shape[axis]) throw new RangeError(`${name}: parts add up to ${total} along axis ${axis}, but the whole has ${shape[axis]}.`);
  return { rows: rowsAndColumns(shape, axis).rows, inner: rowsAndColumns(shape, axis + 1).columns };
}

export function concat(op: OpOf<'concat'>, parts: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const { rows, inner } = layout('concat', op.axis, output, parts);
  const wholeBlock = output.shape[op.axis] * inner;
  const y = output.data;
  let offset = 0;
  for (const part of parts) {
    const block = part.shape[op.axis] * inner;
    const x = part.data;
    for (let row = 0; row < rows; row++) {
      for (let index = 0; index < block; index++) y[row * wholeBlock + offset + index] = x[row * block + index];
    }
    offset += block;
  }
}

export function split(op: OpOf<'split'>, [input]: readonly CpuTensor[], parts: readonly CpuTensor[]): void {
  const { rows, inner } = layout('split', op.axis, input, parts);
  const wholeBlock = input.shape[op.axis] * inner;
  const x = input.data;
  let offset = 0;
  for (const part of parts) {
    const block = part.shape[op.axis] * inner;
    const y = part.data;
    for (let row = 0; row < rows; row++) {
      for (let index = 0; index < block; index++) y[row * block + index] = x[row * wholeBlock + offset + index];
    }
    offset += block;
  }
}
