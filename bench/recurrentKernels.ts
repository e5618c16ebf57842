// Times the wasm recurrent sequence kernels alone at the training bench's LSTM shape (sequence 32,
// input 32, hidden 128, batch 32; GRU and RNN alike), relaxed SIMD, on 1 and 2 threads: the
// minimum and median wall time of `repeats` runs and the median processor time of all threads
// (a thread waiting for a core does not count; a spinning one does). The machine may be shared:
// the minimum is the least disturbed run, and the load average is printed.
// `npx tsx bench/recurrentKernels.ts [repeats] [threads, e.g. 1,2] [label filter, e.g. lstm]`
import { loadavg } from 'node:os';
import { createWasmBackend } from '../engine/backends/wasm/index.ts';
import { spawnNodePoolWorker } from '../engine/cli/poolWorkers.ts';
import { enableRelaxedSimd, loadWasmModule } from '../engine/cli/wasmModules.ts';
import type { Backend } from '../engine/backends/backend.ts';
import type { Op, Program } from '../engine/ir/index.ts';

function program(op: Op, inputs: number[][], outputs: number[][]): Program {
  const buffers = [...inputs, ...outputs].map((shape, id) => ({ id, descriptor: { shape, dtype: 'f32' as const }, role: 'input' as const, initializer: { kind: 'normal' as const, mean: 0, deviation: 0.3 } }));
  return { buffers, calls: [{ op, inputs: inputs.map((_, index) => index), outputs: outputs.map((_, index) => inputs.length + index) }] };
}

const [B, T, F, H] = [32, 32, 32, 128];
const steps = (width: number) => [B, T, width];
const weights = (gates: number) => [[F, gates * H], [H, gates * H]];
const gradients = (gates: number) => [[B, T, F], [B, H], [F, gates * H], [H, gates * H]];
const SUBJECTS: [string, Program, number][] = [
  ['lstm forward', program({ op: 'lstmSequence' }, [[B, T, F], [B, H], [B, H], ...weights(4), [4 * H]], [steps(H), steps(H), steps(4 * H)]), 2 * B * T * (F + H) * 4 * H],
  ['lstm backward', program({ op: 'lstmSequenceBackward' }, [[B, T, F], [B, H], [B, H], ...weights(4), steps(H), steps(H), steps(4 * H), steps(H)], [[B, T, F], [B, H], [B, H], [F, 4 * H], [H, 4 * H], [4 * H], [6 * H]]), 4 * B * T * (F + H) * 4 * H],
  ['gru forward', program({ op: 'gruSequence' }, [[B, T, F], [B, H], ...weights(3), [3 * H], [3 * H]], [steps(H), steps(3 * H), steps(H)]), 2 * B * T * (F + H) * 3 * H],
  ['gru backward', program({ op: 'gruSequenceBackward' }, [[B, T, F], [B, H], ...weights(3), steps(H), steps(3 * H), steps(H), steps(H)], [...gradients(3), [3 * H], [3 * H], [7 * H]]), 4 * B * T * (F + H) * 3 * H],
  ['rnn forward', program({ op: 'rnnSequence' }, [[B, T, F], [B, H], ...weights(1), [H]], [steps(H)]), 2 * B * T * (F + H) * H],
  ['rnn backward', program({ op: 'rnnSequenceBackward' }, [[B, T, F], [B, H], ...weights(1), steps(H), steps(H)], [...gradients(1), [H], [2 * H]]), 4 * B * T * (F + H) * H],
];

function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function time(backend: Backend, subject: Program, repeats: number): { least: number; middle: number; processor: number } {
  const buffers = backend.allocate(subject, { precision: 'f32', seed: 1 });
  const bound = buffers.bind(subject.calls);
  for (let index = 0; index < 3; index++) buffers.run(bound);
  const wall: number[] = [], processor: number[] = [];
  for (let index = 0; index < repeats; index++) {
    const before = process.cpuUsage(), start = performance.now();
    buffers.run(bound);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(before);
    processor.push((used.user + used.system) / 1000);
  }
  buffers.dispose();
  const middle = Math.floor(repeats / 2);
  return { least: sorted(wall)[0], middle: sorted(wall)[middle], processor: sorted(processor)[middle] };
}

enableRelaxedSimd();
const repeats = Number(process.argv[2] ?? 30);
const threadCounts = (process.argv[3] ?? '1,2').split(',').map(Number);
const only = process.argv[4];
const backends = await Promise.all(threadCounts.map((threads) => createWasmBackend({ loadModule: loadWasmModule, variant: 'relaxed', threads, spawnWorker: spawnNodePoolWorker })));
for (const [label, subject, flops] of SUBJECTS.filter(([name]) => only === undefined || name.includes(only))) {
  const cells = backends.map((backend, index) => {
    const { least, middle, processor } = time(backend, subject, repeats);
    return `${threadCounts[index]}t min ${least.toFixed(2)} ms (${(flops / least / 1e6).toFixed(1)} GFLOP/s) median ${middle.toFixed(2)} [processor ${processor.toFixed(2)}]`;
  });
  console.log(`${label}: ${cells.join(', ')}; load ${loadavg()[0].toFixed(1)}`);
}
for (const backend of backends) backend.dispose();
