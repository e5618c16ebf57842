// broadcast stretches x to the output shape; sumToShape, its adjoint, sums the stretched axes back.
import type { OpOf } from '../../../ir/index.ts';
import { floats, type CpuTensor } from '../tensor.ts';
import { broadcastStrides, rowOffset, sumOverAxes } from './broadcasting.ts';

export function broadcast(_op: OpOf<'broadcast'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = [floats(input, 'broadcast input'), floats(output, 'broadcast output')];
  const shape = output.shape;
  const strides = broadcastStrides(input.shape, shape, 'broadcast');
  const rank = shape.length;
  const columns = rank === 0 ? 1 : shape[rank - 1];
  const step = rank === 0 ? 0 : strides[rank - 1];
  const rows = columns === 0 ? 0 : y.length / columns;
  for (let row = 0; row < rows; row++) {
    const start = rowOffset(row, shape, strides);
    for (let column = 0; column < columns; column++) y[row * columns + column] = x[start + column * step];
  }
}

export function sumToShape(_op: OpOf<'sumToShape'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = [floats(input, 'sumToShape input'), floats(output, 'sumToShape output')];
  broadcastStrides(output.shape, input.shape, 'sumToShape');
  const offset = input.shape.length - output.shape.length;
  const reduced = input.shape.map((size, axis) => axis < offset || (output.shape[axis - offset] === 1 && size !== 1));
  sumOverAxes(x, input.shape, reduced, y, 1);
}
