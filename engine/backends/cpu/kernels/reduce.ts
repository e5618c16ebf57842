// reduceSum and reduceMean over a list of axes, accumulated in double precision.
import type { OpOf } from '../../../ir/index.ts';
import { expectCount, floats, type CpuTensor } from '../tensor.ts';
import { sumOverAxes } from './broadcasting.ts';

function reduce(op: OpOf<'reduceSum'> | OpOf<'reduceMean'>, input: CpuTensor, output: CpuTensor): void {
  const shape = input.shape;
  const reduced = shape.map(() => false);
  let keptCount = 1;
  let reducedCount = 1;
  op.axes.forEach((axis, index) => {
    if (!Number.isInteger(axis) || axis < 0 || axis >= shape.length || (index > 0 && axis <= op.axes[index - 1])) {
      throw new RangeError(`${op.op}: axes [${op.axes.join(', ')}] must be ascending axes of [${shape.join(', ')}].`);
    }
    reduced[axis] = true;
  });
  shape.forEach((size, axis) => (reduced[axis] ? (reducedCount *= size) : (keptCount *= size)));
  expectCount(output, keptCount, `${op.op} output`);
  const factor = op.op === 'reduceMean' ? 1 / reducedCount : 1;
  sumOverAxes(floats(input, `${op.op} input`), shape, reduced, floats(output, `${op.op} output`), factor);
}

export function reduceSum(op: OpOf<'reduceSum'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  reduce(op, input, output);
}

export function reduceMean(op: OpOf<'reduceMean'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  reduce(op, input, output);
}
