// The wasm backend's worker pool: results repeat bit for bit with the same thread count, the
// workers start and stop cleanly, one thread is the fallback without shared memory or workers,
// and the memory never grows under host arrays once allocate has returned.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../../engine/backends/backend.ts';
import { createWasmBackend, threadsFor, type PoolWorker } from '../../../../engine/backends/wasm/index.ts';
import { splitsDepth } from '../../../../engine/backends/wasm/kernels/gemmParameters.ts';
import { spawnNodePoolWorker } from '../../../../engine/cli/poolWorkers.ts';
import { enableRelaxedSimd, loadWasmModule } from '../../../../engine/cli/wasmModules.ts';
import type { Op, Program } from '../../../../engine/ir/index.ts';
import { wasmBackend } from '../spec/backends.ts';

function program(calls: { op: Op; shapes: number[][] }[]): Program {
  const buffers: Program['buffers'][number][] = [];
  const kernelCalls = calls.map(({ op, shapes }) => {
    const ids = shapes.map((shape) => {
      buffers.push({ id: buffers.length, descriptor: { shape, dtype: 'f32' }, role: 'input', initializer: { kind: 'normal', mean: 0, deviation: 1 } });
      return buffers.length - 1;
    });
    return { op, inputs: ids.slice(0, -1), outputs: ids.slice(-1) };
  });
  return { buffers, calls: kernelCalls };
}

const conv = { stride: [1, 1], dilation: [1, 1], padding: { top: 0, bottom: 0, left: 0, right: 0 } } as const;
/** A row-split product and a depth-split one (LeNet's conv2 filter gradient: 150 rows, depth 3200). */
const SPLIT = program([
  { op: { op: 'matmul', transposeA: false, transposeB: true }, shapes: [[190, 300], [70, 300], [190, 70]] },
  { op: { op: 'conv2dBackwardFilter', ...conv }, shapes: [[32, 14, 14, 6], [32, 10, 10, 16], [5, 5, 6, 16]] },
]);

async function outputsAfterRuns(backend: Backend, subject: Program, outputs: number[]): Promise<Float32Array[]> {
  const buffers = backend.allocate(subject, { precision: 'f32', seed: 3 });
  buffers.run(buffers.bind(subject.calls));
  const results = await Promise.all(outputs.map(async (id) => (await buffers.read(id)) as Float32Array));
  buffers.dispose();
  return results;
}

describe('wasm worker pool', () => {
  it('splits the filter gradient by depth and the long product by rows', () => {
    expect(splitsDepth({ batch: 1, rows: 150, columns: 16, depth: 3200 }, 2)).toBe(true);
    expect(splitsDepth({ batch: 1, rows: 190, columns: 70, depth: 300 }, 2)).toBe(false);
    expect(splitsDepth({ batch: 1, rows: 150, columns: 16, depth: 3200 }, 1)).toBe(false);
  });

  it('gives the same bits on every run with 2 threads, and agrees with 1 thread within float32 rounding', async () => {
    const threaded = await wasmBackend(undefined, 2);
    const single = await wasmBackend(undefined, 1);
    expect(threaded.threads).toBe(2);
    const first = await outputsAfterRuns(threaded, SPLIT, [2, 5]);
    for (let run = 0; run < 4; run++) {
      const again = await outputsAfterRuns(threaded, SPLIT, [2, 5]);
      again.forEach((values, index) => expect(Array.from(values)).toEqual(Array.from(first[index])));
    }
    const reference = await outputsAfterRuns(single, SPLIT, [2, 5]);
    reference.forEach((values, index) => values.forEach((value, at) => expect(Math.abs(first[index][at] - value)).toBeLessThan(1e-3 * (1 + Math.abs(value)))));
    threaded.dispose();
    single.dispose();
  });

  it('starts its workers, stops them on dispose, and refuses work afterwards', async () => {
    enableRelaxedSimd();
    const terminated: number[] = [];
    let started = 0;
    const spawnWorker = (): PoolWorker => {
      const worker = spawnNodePoolWorker();
      const index = started++;
      return { postMessage: (message) => worker.postMessage(message), terminate: () => terminated.push(index) && worker.terminate() };
    };
    const backend = await createWasmBackend({ loadModule: loadWasmModule, threads: 3, spawnWorker, minimumFlopsPerPart: 0 });
    expect([backend.threads, started, backend.description.endsWith(', 3 threads')]).toEqual([3, 2, true]);
    const buffers = backend.allocate(SPLIT, { precision: 'f32', seed: 1 });
    const bound = buffers.bind(SPLIT.calls);
    buffers.run(bound);
    backend.dispose();
    expect(terminated).toEqual([0, 1]);
    expect(() => buffers.run(bound)).toThrow(/worker pool was disposed/);
  });

  it('falls back to one thread without shared memory or without a way to start workers', async () => {
    expect(threadsFor({ threads: 4, spawnWorker: spawnNodePoolWorker, sharedMemory: () => false })).toBe(1);
    expect(threadsFor({ threads: 4 })).toBe(1);
    expect(threadsFor({ threads: 4, spawnWorker: spawnNodePoolWorker, sharedMemory: () => true })).toBe(4);
    const spawned: unknown[] = [];
    const backend = await createWasmBackend({ loadModule: loadWasmModule, threads: 2, spawnWorker: () => { spawned.push(1); return spawnNodePoolWorker(); }, sharedMemory: () => false });
    expect([backend.threads, spawned.length, backend.description.endsWith(', 1 thread')]).toEqual([1, 0, true]);
    const [product] = await outputsAfterRuns(backend, SPLIT, [2]);
    expect(product.every(Number.isFinite)).toBe(true);
    backend.dispose();
  });

  for (const threads of [1, 2]) {
    it(`keeps host arrays live however often the program's calls are bound (${threads} thread${threads === 1 ? '' : 's'})`, async () => {
      const backend = await wasmBackend(undefined, threads);
      const buffers = backend.allocate(SPLIT, { precision: 'f32', seed: 1 });
      const product = buffers.hostArray(2);
      const length = product?.length;
      let bound = buffers.bind(SPLIT.calls);
      for (let again = 0; again < 2000; again++) bound = buffers.bind(again % 2 === 0 ? SPLIT.calls : SPLIT.calls.slice(0, 1));
      buffers.run(bound);
      expect(product?.length).toBe(length);
      expect(product?.buffer).toBe(buffers.hostArray(5)?.buffer);
      expect(Array.from(product ?? [])).toEqual(Array.from(await buffers.read(2)));
      buffers.dispose();
      backend.dispose();
    });
  }
});
