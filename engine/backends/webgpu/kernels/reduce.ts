// reduceSum, reduceMean and sumToShape (reduce.wgsl): sums over a set of axes, one workgroup per
// output value; adjacent axes of the same kind are merged so the shader walks as few as possible.
import type { OpOf } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { broadcastStrides } from './elementwise.ts';
import { expectCount, expectReal, grid, Parameters, shapeText, type Dispatch } from './context.ts';

/** Axes of `shape` as (size, stride) runs, adjacent axes of one kind merged, size-1 axes dropped. */
function runs(shape: readonly number[], reduced: readonly boolean[], wanted: boolean): { sizes: number[]; strides: number[] } {
  const sizes: number[] = [];
  const strides: number[] = [];
  let stride = 1;
  let previous: boolean | undefined;
  for (let axis = shape.length - 1; axis >= 0; axis--) {
    const size = shape[axis];
    if (size !== 1 && reduced[axis] === wanted) {
      if (previous === wanted && strides.length > 0 && strides[0] * sizes[0] === stride) sizes[0] *= size;
      else {
        sizes.unshift(size);
        strides.unshift(stride);
      }
    }
    if (size !== 1) previous = reduced[axis];
    stride *= size;
  }
  return { sizes, strides };
}

function sumOver(name: string, input: GpuTensor, output: GpuTensor, reduced: readonly boolean[], mean: boolean): Dispatch[] {
  expectReal(input, `${name} input`);
  const kept = runs(input.shape, reduced, false);
  const summed = runs(input.shape, reduced, true);
  const perOutput = summed.sizes.reduce((product, size) => product * size, 1);
  const outputs = kept.sizes.reduce((product, size) => product * size, 1);
  expectCount(output, outputs, `${name} output`);
  const factor = mean ? 1 / perOutput : 1;
  const parameters = new Parameters().u32(outputs, perOutput).f32(factor).u32(kept.sizes.length, summed.sizes.length, ...kept.sizes, ...kept.strides, ...summed.sizes, ...summed.strides);
  return [{ shader: ['reduce'], parameters, buffers: [input.buffer, output.buffer], workgroups: grid(outputs) }];
}

function reduce(op: OpOf<'reduceSum'> | OpOf<'reduceMean'>, input: GpuTensor, output: GpuTensor): Dispatch[] {
  const reduced = input.shape.map(() => false);
  op.axes.forEach((axis, index) => {
    if (!Number.isInteger(axis) || axis < 0 || axis >= input.shape.length || (index > 0 && axis <= op.axes[index - 1])) {
      throw new RangeError(`${op.op}: axes [${op.axes.join(', ')}] must be ascending axes of ${shapeText(input.shape)}.`);
    }
    reduced[axis] = true;
  });
  return sumOver(op.op, input, output, reduced, op.op === 'reduceMean');
}

export function reduceSum(op: OpOf<'reduceSum'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  return reduce(op, input, output);
}

export function reduceMean(op: OpOf<'reduceMean'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  return reduce(op, input, output);
}

export function sumToShape(_op: OpOf<'sumToShape'>, [input]: readonly GpuTensor[], [output]: readonly GpuTensor[]): Dispatch[] {
  broadcastStrides(output.shape, input.shape, 'sumToShape');
  const offset = input.shape.length - output.shape.length;
  const reduced = input.shape.map((size, axis) => axis < offset || (output.shape[axis - offset] === 1 && size !== 1));
  return sumOver('sumToShape', input, output, reduced, false);
}
