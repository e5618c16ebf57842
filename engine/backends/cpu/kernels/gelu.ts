// gelu: y = x·Φ(x). approximate 'none' is the exact erf form (PyTorch's default and ours);
// 'tanh' is 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). Backward from x.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { backwardArrays, forwardArrays } from './elementwise.ts';
import { normalCdf, normalDensity } from './erf.ts';

const TANH_SCALE = Math.sqrt(2 / Math.PI);
const CUBIC = 0.044715;

export function gelu(op: OpOf<'gelu'>, [input]: readonly CpuTensor[], [output]: readonly CpuTensor[]): void {
  const [x, y] = forwardArrays('gelu', input, output);
  if (op.approximate === 'tanh') {
    for (let index = 0; index < x.length; index++) {
      const value = x[index];
      y[index] = 0.5 * value * (1 + Math.tanh(TANH_SCALE * (value + CUBIC * value * value * value)));
    }
  } else {
    for (let index = 0; index < x.length; index++) y[index] = x[index] * normalCdf(x[index]);
  }
}

export function geluBackward(op: OpOf<'geluBackward'>, [input, dOutput]: readonly CpuTensor[], [dInput]: readonly CpuTensor[]): void {
  const [x, dy, dx] = backwardArrays('geluBackward', input, dOutput, dInput);
  if (op.approximate === 'tanh') {
    for (let index = 0; index < x.length; index++) {
      const value = x[index];
      const t = Math.tanh(TANH_SCALE * (value + CUBIC * value * value * value));
      const slope = 0.5 * (1 + t) + 0.5 * value * (1 - t * t) * TANH_SCALE * (1 + 3 * CUBIC * value * value);
      dx[index] = dy[index] * slope;
    }
  } else {
    for (let index = 0; index < x.length; index++) dx[index] = dy[index] * (normalCdf(x[index]) + x[index] * normalDensity(x[index]));
  }
}
