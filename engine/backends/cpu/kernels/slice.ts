// slice takes a window along one axis (e.g. the last time step); sliceBackward places the gradient
// of that window back into zeros.
import type { OpOf } from '../../../ir/index.ts';
import { floats, rowsAndColumns, type CpuTensor } from '../tensor.ts';

/** Checks the window and returns rows (axes before), the inner size (axes after) and both axis sizes. */
function window(name: string, op: OpOf<'slice'> | OpOf<'sliceBackward'>, whole: CpuTensor, part: CpuTensor) {
  const { axis, start } = op;
  const shape = whole.shape;
  const fits =
    axis >= 0 && axis < shape.length && part.shape.length === shape.length && part.shape.every((size, index) => index === axis || size === shape[index]);
  if (!fits || start < 0 || start + part.shape[axis] > shape[axis]) {
    throw new RangeError(`${name}: [${part.shape.join(', ')}] at ${start} on axis ${axis} is not a window of [${shape.join(', ')}].`);
  }
  return { rows: rowsAndColumns(shape, axis).rows, inner: rowsAndColumns(shape, axis + 1).columns, wholeSize: shape[axis], partSize: part.shape[axis] };
}

export function slice(op: OpOf<'slice'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const { rows, inner, wholeSize, partSize } = window('slice', op, input, output);
  const [x, y] = [floats(input, 'slice input'), floats(output, 'slice output')];
  const block = partSize * inner;
  for (let row = 0; row < rows; row++) {
    const source = (row * wholeSize + op.start) * inner;
    for (let index = 0; index < block; index++) y[row * block + index] = x[source + index];
  }
}

export function sliceBackward(op: OpOf<'sliceBackward'>, [dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const { rows, inner, wholeSize, partSize } = window('sliceBackward', op, dInput, dOutput);
  const [dy, dx] = [floats(dOutput, 'sliceBackward dOutput'), floats(dInput, 'sliceBackward dInput')];
  dx.fill(0);
  const block = partSize * inner;
  for (let row = 0; row < rows; row++) {
    const target = (row * wholeSize + op.start) * inner;
    for (let index = 0; index < block; index++) dx[target + index] = dy[row * block + index];
  }
}
