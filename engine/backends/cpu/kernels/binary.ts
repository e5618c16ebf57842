// add, sub, mul, div with numpy broadcasting. Gradients: sumToShape of (dy, -dy, dy·b, dy/b, ...).
import type { OpOf } from '../../../ir/index.ts';
import { expectShape, floats, type CpuTensor, type FloatArray } from '../tensor.ts';
import { broadcastShape, broadcastStrides, rowOffset } from './broadcasting.ts';

type Arithmetic = 'add' | 'sub' | 'mul' | 'div';

function applyRow(kind: Arithmetic, a: FloatArray, aStart: number, aStep: number, b: FloatArray, bStart: number, bStep: number, y: FloatArray, yStart: number, count: number) {
  switch (kind) {
    case 'add':
      for (let index = 0; index < count; index++) y[yStart + index] = a[aStart + index * aStep] + b[bStart + index * bStep];
      return;
    case 'sub':
      for (let index = 0; index < count; index++) y[yStart + index] = a[aStart + index * aStep] - b[bStart + index * bStep];
      return;
    case 'mul':
      for (let index = 0; index < count; index++) y[yStart + index] = a[aStart + index * aStep] * b[bStart + index * bStep];
      return;
    case 'div':
      for (let index = 0; index < count; index++) y[yStart + index] = a[aStart + index * aStep] / b[bStart + index * bStep];
  }
}

function elementwise(kind: Arithmetic, left: CpuTensor, right: CpuTensor, output: CpuTensor): void {
  const shape = broadcastShape(left.shape, right.shape, kind);
  expectShape(output, shape, `${kind} output`);
  const [a, b, y] = [floats(left, `${kind} a`), floats(right, `${kind} b`), floats(output, `${kind} output`)];
  const aStrides = broadcastStrides(left.shape, shape, kind);
  const bStrides = broadcastStrides(right.shape, shape, kind);
  const rank = shape.length;
  const columns = rank === 0 ? 1 : shape[rank - 1];
  const aStep = rank === 0 ? 0 : aStrides[rank - 1];
  const bStep = rank === 0 ? 0 : bStrides[rank - 1];
  const rows = columns === 0 ? 0 : y.length / columns;
  for (let row = 0; row < rows; row++) {
    applyRow(kind, a, rowOffset(row, shape, aStrides), aStep, b, rowOffset(row, shape, bStrides), bStep, y, row * columns, columns);
  }
}

export function add(_op: OpOf<'add'>, [a, b]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  elementwise('add', a, b, output);
}

export function sub(_op: OpOf<'sub'>, [a, b]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  elementwise('sub', a, b, output);
}

export function mul(_op: OpOf<'mul'>, [a, b]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  elementwise('mul', a, b, output);
}

export function div(_op: OpOf<'div'>, [a, b]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  elementwise('div', a, b, output);
}
