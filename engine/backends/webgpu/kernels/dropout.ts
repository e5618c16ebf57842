// dropout (dropout.wgsl: the masks the cpu backend draws, from the same xoshiro128** stream, by
// one thread; the state advanced in place) and dropoutBackward (binary.wgsl's product dy·mask).
import type { OpOf } from '../../../ir/index.ts';
import { RANDOM_STATE_LENGTH } from '../../../ir/index.ts';
import type { GpuTensor } from '../tensor.ts';
import { expectCount, expectReal, expectShape, Parameters, perElement, type Dispatch } from './context.ts';

export function dropout(op: OpOf<'dropout'>, [input, stateIn]: readonly GpuTensor[], [output, mask, stateOut]: readonly GpuTensor[]): Dispatch[] {
  if (!(op.rate >= 0 && op.rate < 1)) throw new RangeError(`dropout: the rate must be in [0, 1), not ${op.rate}.`);
  expectReal(input, 'dropout input');
  expectShape(output, input.shape, 'dropout output');
  expectShape(mask, input.shape, 'dropout mask');
  for (const state of [stateIn, stateOut]) {
    expectCount(state, RANDOM_STATE_LENGTH, 'dropout random state');
    if (state.dtype !== 'i32') throw new TypeError('dropout: the random state must hold integers (i32).');
  }
  const dispatches: Dispatch[] = [];
  if (stateIn.buffer !== stateOut.buffer) {
    dispatches.push({ shader: ['copy'], parameters: new Parameters().u32(RANDOM_STATE_LENGTH), buffers: [stateIn.buffer, stateOut.buffer], workgroups: [1, 1, 1] });
  }
  const parameters = new Parameters().u32(input.count, Math.ceil(op.rate * 2 ** 24)).f32(1 / (1 - op.rate));
  dispatches.push({ shader: ['dropout'], parameters, buffers: [input.buffer, stateOut.buffer, output.buffer, mask.buffer], workgroups: [1, 1, 1] });
  return dispatches;
}

export function dropoutBackward(_op: OpOf<'dropoutBackward'>, [mask, dOutput]: readonly GpuTensor[], [dInput]: readonly GpuTensor[]): Dispatch[] {
  expectReal(mask, 'dropoutBackward mask');
  expectShape(dOutput, mask.shape, 'dropoutBackward dOutput');
  expectShape(dInput, mask.shape, 'dropoutBackward dInput');
  const rank = mask.shape.length;
  const strides = mask.shape.map((_, axis) => mask.shape.slice(axis + 1).reduce((product, size) => product * size, 1));
  const parameters = new Parameters().u32(mask.count, 2, rank, ...mask.shape, ...strides, ...strides);
  return [{ shader: ['binary'], parameters, buffers: [dOutput.buffer, mask.buffer, dInput.buffer], workgroups: perElement(mask.count) }];
}
