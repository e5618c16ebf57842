// rmspropUpdate: divide each gradient by a running root mean square of its recent values (PyTorch's RMSprop).
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { expectCount, floats } from '../tensor.ts';
import { stepScalars } from './stepScalars.ts';

export function rmspropUpdate(op: OpOf<'rmspropUpdate'>, [value, gradient, scalars, square]: readonly CpuTensor[]): void {
  const values = floats(value, 'rmspropUpdate value');
  const gradients = floats(gradient, 'rmspropUpdate gradient');
  const squares = floats(square, 'rmspropUpdate square average');
  expectCount(gradient, values.length, 'rmspropUpdate gradient');
  expectCount(square, values.length, 'rmspropUpdate square average');
  const { learningRate } = stepScalars(scalars, 'rmspropUpdate');
  const { rho, epsilon, weightDecay } = op;
  for (let i = 0; i < values.length; i++) {
    const g = weightDecay !== 0 ? gradients[i] + weightDecay * values[i] : gradients[i];
    squares[i] = rho * squares[i] + (1 - rho) * g * g;
    values[i] -= (learningRate * g) / (Math.sqrt(squares[i]) + epsilon);
  }
}
