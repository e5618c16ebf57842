// sgdUpdate and momentumUpdate: stochastic gradient descent, plain or with (Nesterov) momentum, as
// PyTorch's SGD. Sums in double precision; parameters and velocity stored at their precision.
import type { OpOf } from '../../../ir/index.ts';
import type { CpuTensor } from '../tensor.ts';
import { expectCount, floats } from '../tensor.ts';
import { stepScalars } from './stepScalars.ts';

export function sgdUpdate(op: OpOf<'sgdUpdate'>, [value, gradient, scalars]: readonly CpuTensor[]): void {
  const values = floats(value, 'sgdUpdate value');
  const gradients = floats(gradient, 'sgdUpdate gradient');
  expectCount(gradient, values.length, 'sgdUpdate gradient');
  const { learningRate } = stepScalars(scalars, 'sgdUpdate');
  const decay = op.weightDecay;
  for (let i = 0; i < values.length; i++) {
    const g = decay !== 0 ? gradients[i] + decay * values[i] : gradients[i];
    values[i] -= learningRate * g;
  }
}

export function momentumUpdate(op: OpOf<'momentumUpdate'>, [value, gradient, scalars, velocity]: readonly CpuTensor[]): void {
  const values = floats(value, 'momentumUpdate value');
  const gradients = floats(gradient, 'momentumUpdate gradient');
  const velocities = floats(velocity, 'momentumUpdate velocity');
  expectCount(gradient, values.length, 'momentumUpdate gradient');
  expectCount(velocity, values.length, 'momentumUpdate velocity');
  const { step, learningRate } = stepScalars(scalars, 'momentumUpdate');
  const { weightDecay: decay, momentum, nesterov } = op;
  for (let i = 0; i < values.length; i++) {
    const g = decay !== 0 ? gradients[i] + decay * values[i] : gradients[i];
    const current = step === 1 ? g : momentum * velocities[i] + g;
    velocities[i] = current;
    values[i] -= learningRate * (nesterov ? g + momentum * current : current);
  }
}
