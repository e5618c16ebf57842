// The wasm kernels' contract beyond the op spec: they allocate nothing in the memory the host owns,
// and the errors they report at run time are worded as the cpu kernels word them.
import { describe, expect, it } from 'vitest';
import type { Program } from '../../../../engine/ir/index.ts';
import { wasmBackend } from '../spec/backends.ts';

describe('wasm kernels', () => {
  it('keep their state out of the buffers (the first buffer sits right after the static data)', async () => {
    const pool = { window: [2, 2], stride: [2, 2], padding: { top: 0, bottom: 0, left: 0, right: 0 }, countPadding: false } as const;
    const program: Program = {
      buffers: [
        { id: 0, descriptor: { shape: [16], dtype: 'f32' }, role: 'input' },
        { id: 1, descriptor: { shape: [1, 4, 4, 2], dtype: 'f32' }, role: 'input' },
        { id: 2, descriptor: { shape: [1, 2, 2, 2], dtype: 'f32' }, role: 'activation' },
      ],
      calls: [{ op: { op: 'avgPool2d', ...pool }, inputs: [1], outputs: [2] }],
    };
    const backend = await wasmBackend();
    const buffers = backend.allocate(program, { precision: 'f32', seed: 0 });
    const bound = buffers.bind(program.calls);
    const guard = Array.from({ length: 16 }, (_, index) => index + 0.5);
    buffers.write(0, guard);
    buffers.write(1, Array.from({ length: 32 }, (_, index) => index));
    buffers.run(bound);
    expect(Array.from(await buffers.read(0))).toEqual(guard);
    expect(Array.from(await buffers.read(2))).toEqual([5, 6, 9, 10, 21, 22, 25, 26]);
  });

  it('softmaxCrossEntropy names a label that is not a class, and its example', async () => {
    const program: Program = {
      buffers: [
        { id: 0, descriptor: { shape: [3, 10], dtype: 'f32' }, role: 'input' },
        { id: 1, descriptor: { shape: [3], dtype: 'i32' }, role: 'input' },
        { id: 2, descriptor: { shape: [], dtype: 'f32' }, role: 'activation' },
        { id: 3, descriptor: { shape: [3, 10], dtype: 'f32' }, role: 'activation' },
      ],
      calls: [{ op: { op: 'softmaxCrossEntropy' }, inputs: [0, 1], outputs: [2, 3] }],
    };
    const backend = await wasmBackend();
    const buffers = backend.allocate(program, { precision: 'f32', seed: 0 });
    const bound = buffers.bind(program.calls);
    buffers.write(1, [3, 9, 0]);
    buffers.run(bound);
    expect((await buffers.read(2))[0]).toBeCloseTo(Math.log(10), 5);
    buffers.write(1, [3, 12, 0]);
    expect(() => buffers.run(bound)).toThrow('label 12 of example 1 is not a class (0 to 9)');
  });
});
