// The wasm optimizer updates compute in float32 lanes in the reference kernels' order, so they
// match the cpu backend (double arithmetic, float32 stores) within a few float32 roundings, far
// inside the op spec's tolerance: every optimizer, lengths off and on the 4-lane vector, over three
// steps (momentum's velocity starts at g on the first), with and without weight decay.
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../../engine/backends/cpu/backend.ts';
import type { Backend, HostArray } from '../../../../engine/backends/backend.ts';
import { encodeStepScalars, nextNormal, nextUniform, seedRandomState, type BufferSpec, type Op, type Program } from '../../../../engine/ir/index.ts';
import { wasmBackend } from '../spec/backends.ts';

const OPS: readonly Op[] = [
  { op: 'sgdUpdate', weightDecay: 0.01, momentum: 0, nesterov: false },
  { op: 'momentumUpdate', weightDecay: 0, momentum: 0.9, nesterov: false },
  { op: 'momentumUpdate', weightDecay: 0.02, momentum: 0.8, nesterov: true },
  { op: 'adamUpdate', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0, decoupled: false },
  { op: 'adamUpdate', beta1: 0.85, beta2: 0.99, epsilon: 1e-6, weightDecay: 0.01, decoupled: false },
  { op: 'adamUpdate', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.05, decoupled: true },
  { op: 'rmspropUpdate', rho: 0.99, epsilon: 1e-8, weightDecay: 0.01 },
];

const STATE: Readonly<Record<string, number>> = { sgdUpdate: 0, momentumUpdate: 1, adamUpdate: 2, rmspropUpdate: 1 };

/** Runs `op` for steps 1..3 (rate 0.01 then 0.003) on `backend`; returns value and state after. */
async function update(backend: Backend, op: Op, count: number): Promise<HostArray[]> {
  const states = STATE[op.op];
  const buffers: BufferSpec[] = [0, 1, 2, ...Array.from({ length: states }, (_, index) => 3 + index)].map((id) => ({
    id, descriptor: { shape: id === 2 ? [3] : [count], dtype: id === 2 ? 'i32' : 'f32' }, role: 'input' as const,
  }));
  const ids = buffers.map((buffer) => buffer.id);
  const program: Program = { buffers, calls: [{ op, inputs: ids, outputs: [0, ...ids.slice(3)] }] };
  const allocated = backend.allocate(program, { precision: 'f32', seed: 0 });
  const random = seedRandomState(count);
  allocated.write(0, Array.from({ length: count }, () => nextNormal(random)));
  for (const id of ids.slice(3)) allocated.write(id, Array.from({ length: count }, () => (id === 4 || op.op === 'rmspropUpdate' ? nextUniform(random) : nextNormal(random))));
  const bound = allocated.bind(program.calls);
  for (let step = 1; step <= 3; step++) {
    allocated.write(1, Array.from({ length: count }, () => nextNormal(random)));
    allocated.write(2, encodeStepScalars(step, step === 1 ? 0.01 : 0.003));
    allocated.run(bound);
  }
  const results = await Promise.all([0, ...ids.slice(3)].map((id) => allocated.read(id)));
  allocated.dispose();
  return results;
}

describe('wasm optimizer updates', () => {
  for (const op of OPS) {
    it(`${op.op} ${JSON.stringify(op)} matches the cpu reference within float32 rounding`, async () => {
      const wasm = await wasmBackend('relaxed');
      for (const count of [1, 6, 185, 256]) {
        const expected = await update(createCpuBackend(), op, count);
        const actual = await update(wasm, op, count);
        expected.forEach((output, index) => {
          const values = Array.from(output);
          const largest = values.reduce((most, value) => Math.max(most, Math.abs(value)), 1);
          values.forEach((value, at) => {
            // Relative to the value and to the output's scale (a sum that cancels loses digits).
            const error = Math.abs(actual[index][at] - value);
            if (!(error <= 1e-6 * Math.abs(value) + 1e-6 * largest)) expect.fail(`${op.op} output ${index}[${at}] of ${count}: ${actual[index][at]} against the cpu's ${value}.`);
          });
        });
      }
      wasm.dispose();
    });
  }
});
