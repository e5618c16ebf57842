// The wasm backend's own contract: the host's parameter layout matches the kernels', variants are
// detected, buffers are initialized as on the cpu backend, float64 is refused, memory is reused.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocateBuffers } from '../../../../engine/backends/cpu/index.ts';
import * as layout from '../../../../engine/backends/wasm/layout.ts';
import { detectVariant, relaxedSimdSupported, simdSupported } from '../../../../engine/backends/wasm/index.ts';
import type { Program } from '../../../../engine/ir/index.ts';
import { wasmBackend } from '../spec/backends.ts';

const KERNEL_LAYOUT = new URL('../../../../engine/backends/wasm/assembly/layout.ts', import.meta.url);

describe('wasm backend', () => {
  it('the host writes parameter blocks with the field numbers the kernels read', () => {
    const source = readFileSync(KERNEL_LAYOUT, 'utf8');
    const fields = [...source.matchAll(/export const (\w+) = (\d+);/g)];
    expect(fields.length).toBeGreaterThan(40);
    for (const [, name, value] of fields) expect((layout as Record<string, number>)[name], name).toBe(Number(value));
  });

  it('finds SIMD, and relaxed SIMD once Node has the flag', async () => {
    const backend = await wasmBackend();
    expect(simdSupported()).toBe(true);
    expect(relaxedSimdSupported()).toBe(true);
    expect(detectVariant()).toBe('relaxed');
    expect(backend.description).toBe('WebAssembly SIMD with relaxed fused multiply-add, 1 thread');
  });

  const program: Program = {
    buffers: [
      { id: 0, descriptor: { shape: [3, 4], dtype: 'f32' }, role: 'parameter', initializer: { kind: 'heNormal', fanIn: 3 } },
      { id: 1, descriptor: { shape: [4], dtype: 'f32' }, role: 'parameter', initializer: { kind: 'uniform', low: -1, high: 1 } },
      { id: 2, descriptor: { shape: [12], dtype: 'f32' }, role: 'activation', aliasOf: 0 },
      { id: 3, descriptor: { shape: [4], dtype: 'i32' }, role: 'state', initializer: { kind: 'randomState', seed: 5 } },
    ],
    calls: [{ op: { op: 'scale', factor: 2 }, inputs: [1], outputs: [1] }],
  };

  it('initializes buffers as the cpu backend does (same seed, same values, same order) and aliases share storage', async () => {
    const backend = await wasmBackend();
    const buffers = backend.allocate(program, { precision: 'f32', seed: 42 });
    const reference = allocateBuffers(program, 'f32', 42);
    for (const id of [0, 1, 3]) expect(Array.from(await buffers.read(id))).toEqual(Array.from(reference.get(id)?.data ?? []));
    buffers.write(2, [9]);
    expect((await buffers.read(0))[0]).toBe(9);
    const live = buffers.hostArray(1);
    const before = Array.from(live ?? []);
    buffers.run(buffers.bind(program.calls));
    expect(Array.from(live ?? [])).toEqual(before.map((value) => Math.fround(value * 2)));
  });

  it('refuses float64 with a message that names the cpu backend', async () => {
    const backend = await wasmBackend();
    expect(() => backend.allocate(program, { precision: 'f64', seed: 0 })).toThrow(/float32 only.*cpu backend/);
  });

  it('names the call, its op and its node when a kernel rejects its shapes', async () => {
    const backend = await wasmBackend();
    const bad: Program = {
      buffers: [
        { id: 0, descriptor: { shape: [2, 3], dtype: 'f32' }, role: 'input' },
        { id: 1, descriptor: { shape: [4, 5], dtype: 'f32' }, role: 'input' },
        { id: 2, descriptor: { shape: [2, 5], dtype: 'f32' }, role: 'activation' },
      ],
      calls: [{ op: { op: 'matmul', transposeA: false, transposeB: false }, inputs: [0, 1], outputs: [2], node: 'dense1' }],
    };
    const buffers = backend.allocate(bad, { precision: 'f32', seed: 0 });
    expect(() => buffers.bind(bad.calls)).toThrow('call 0 (matmul of node dense1): matmul: A is [2, 3] and B is [4, 5]; their inner sizes 3 and 4 differ.');
  });
});
