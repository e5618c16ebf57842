// concat, split, slice, sliceBackward (copyBlocks.wgsl: blocks of rows between a part and the
// whole along an axis, one thread per copied value) and embedding with its backward op
// (embedding.wgsl, embeddingBackward.wgsl).
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectReal, expectShape, Parameters, perElement, shapeText, type Dispatch } from './context.ts';

/** Rows (axes before `axis`) and the size of the axes after it. */
function rowsAndInner(shape: readonly number[], axis: number): { rows: number; inner: number } {
  const product = (sizes: readonly number[]) => sizes.reduce((total, size) => total * size, 1);
  return { rows: product(shape.slice(0, axis)), inner: product(shape.slice(axis + 1)) };
}

function fits(part: GpuTensor, whole: GpuTensor, axis: number): boolean {
  return part.shape.length === whole.shape.length && part.shape.every((size, index) => index === axis || size === whole.shape[index]);
}

/** The copies between `whole` and its `parts` along `axis`, in order (direction 0: into the whole). */
function blocks(name: string, axis: number, whole: GpuTensor, parts: readonly GpuTensor[], direction: 0 | 1): Dispatch[] {
  if (!Number.isInteger(axis) || axis < 0 || axis >= whole.shape.length) throw new RangeError(`${name}: axis ${axis} is not an axis of ${shapeText(whole.shape)}.`);
  const { rows, inner } = rowsAndInner(whole.shape, axis);
  let offset = 0;
  const dispatches = parts.map((part): Dispatch => {
    if (!fits(part, whole, axis)) throw new RangeError(`${name}: part ${shapeText(part.shape)} does not fit ${shapeText(whole.shape)} along axis ${axis}.`);
    if (part.dtype !== whole.dtype) throw new TypeError(`${name}: all parts must have one element type.`);
    const block = part.shape[axis] * inner;
    const parameters = new Parameters().u32(rows * block, Math.max(1, block), whole.shape[axis] * inner, offset, direction);
    offset += block;
    const buffers = direction === 0 ? [part.buffer, whole.buffer] : [whole.buffer, part.buffer];
    return { shader: ['copyBlocks'], parameters, buffers, workgroups: perElement(rows * block) };
  });
  if (offset !== whole.shape[axis] * inner) throw new RangeError(`${name}: parts add up to ${offset / Math.max(1, inner)} along axis ${axis}, but the whole has ${whole.shape[axis]}.`);
  return dispatches;
}

export function concat(op: OpOf<'concat'>, parts: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  return blocks('concat', op.axis, output, parts, 0);
}

export function split(op: OpOf<'split'>, [input]: readonly GpuTensor[], parts: readonly GpuTensor[]): Dispatch[] {
  return blocks('split', op.axis, input, parts, 1);
}

/** The one block of a window along an axis, checked. */
function window(name: string, op: OpOf<'slice'> | OpOf<'sliceBackward'>, whole: GpuTensor, part: GpuTensor, direction: 0 | 1): Dispatch {
  const { axis, start } = op;
  if (!(axis >= 0 && axis < whole.shape.length) || !fits(part, whole, axis) || start < 0 || start + part.shape[axis] > whole.shape[axis]) {
    throw new RangeError(`${name}: ${shapeText(part.shape)} at ${start} on axis ${axis} is not a window of ${shapeText(whole.shape)}.`);
  }
  expectReal(whole, `${name} tensor`);
  const { rows, inner } = rowsAndInner(whole.shape, axis);
  const block = part.shape[axis] * inner;
  const parameters = new Parameters().u32(rows * block, Math.max(1, block), whole.shape[axis] * inner, start * inner, direction);
  return { shader: ['copyBlocks'], parameters, buffers: direction === 0 ? [part.buffer, whole.buffer] : [whole.buffer, part.buffer], workgroups: perElement(rows * block) };
}

export function slice(op: OpOf<'slice'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  return [window('slice', op, input, output, 1)];
}

export function sliceBackward(op: OpOf<'sliceBackward'>, [dOutput]: readonly GpuTensor[], [dInput]: readonly GpuTensor[]): Dispatch[] {
  const zero: Dispatch = { shader: ['fill'], parameters: new Parameters().u32(dInput.count, 0), buffers: [dInput.buffer], workgroups: perElement(dInput.count) };
  return [zero, window('sliceBackward', op, dInput, dOutput, 0)];
}

function tableShape(name: string, table: GpuTensor, ids: GpuTensor, rows: GpuTensor): [number, number] {
  if (table.shape.length !== 2) throw new RangeError(`${name} table must have 2 axes, but has shape ${shapeText(table.shape)}.`);
  if (ids.dtype !== 'i32') throw new TypeError(`${name} ids must hold integers (i32), but hold real numbers.`);
  const [vocabulary, dimension] = table.shape;
  expectShape(rows, [...ids.shape, dimension], `${name} rows`);
  return [vocabulary, dimension];
}

export function embedding(_op: OpOf<'embedding'>, [ids, table]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  const [vocabulary, dimension] = tableShape('embedding', table, ids, output);
  const parameters = new Parameters().u32(output.count, Math.max(1, dimension), vocabulary).f32(Number.NaN);
  return [{ shader: ['embedding'], parameters, buffers: [ids.buffer, table.buffer, output.buffer], workgroups: perElement(output.count) }];
}

export function embeddingBackward(_op: OpOf<'embeddingBackward'>, [ids, dOutput]: readonly GpuTensor[], [dTable]: readonly GpuTensor[]): Dispatch[] {
  const [, dimension] = tableShape('embeddingBackward', dTable, ids, dOutput);
  const parameters = new Parameters().u32(dTable.count, Math.max(1, dimension), ids.count);
  return [{ shader: ['embeddingBackward'], parameters, buffers: [ids.buffer, dOutput.buffer, dTable.buffer], workgroups: perElement(dTable.count) }];
}
