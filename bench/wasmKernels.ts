// Times the wasm backend's SIMD kernels against the cpu backend: matmul 1024³ (plain and relaxed
// SIMD) and LeNet's convolutions (batch 32) forward and backward, on 1 thread and on the pool
// with more. Medians of several runs; prints the load average, since the machine may be shared,
// and the processor time of all threads per call ([processor ...]: a thread that waits for a core
// does not count, a spinning one does).
// `npx tsx bench/wasmKernels.ts [repeats] [threads, e.g. 1,2] [label filter, e.g. lstm]` (after `npm run build:wasm`).
import { loadavg } from 'node:os';
import { allocateBuffers, bindCalls, runCalls } from '../engine/backends/cpu/index.ts';
import { createWasmBackend, type WasmVariant } from '../engine/backends/wasm/index.ts';
import { spawnNodePoolWorker } from '../engine/cli/poolWorkers.ts';
import { enableRelaxedSimd, loadWasmModule } from '../engine/cli/wasmModules.ts';
import type { Backend } from '../engine/backends/backend.ts';
import type { Op, Program } from '../engine/ir/index.ts';

function program(op: Op, inputs: number[][], output: number[] | number[][]): Program {
  const outputs = Array.isArray(output[0]) ? (output as number[][]) : [output as number[]];
  const buffers = [...inputs, ...outputs].map((shape, id) => ({ id, descriptor: { shape, dtype: 'f32' as const }, role: 'input' as const, initializer: { kind: 'normal' as const, mean: 0, deviation: 1 } }));
  return { buffers, calls: [{ op, inputs: inputs.map((_, index) => index), outputs: outputs.map((_, index) => inputs.length + index) }] };
}

// The LSTM of the training bench: sequence 32, input 32, hidden 128, batch 32.
const [B, T, F, H] = [32, 32, 32, 128];
const lstmInputs = [[B, T, F], [B, H], [B, H], [F, 4 * H], [H, 4 * H]];
const steps = (width: number) => [B, T, width];

function median(run: () => void, repeats: number): number {
  run();
  const times: number[] = [];
  for (let index = 0; index < repeats; index++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

/** Median wall time, and the median processor time of all threads (less sensitive to a shared machine's load). */
function wasmTimer(backend: Backend, subject: Program, repeats: number): { wall: number; processor: number } {
  const buffers = backend.allocate(subject, { precision: 'f32', seed: 1 });
  const bound = buffers.bind(subject.calls);
  const processor: number[] = [];
  const wall = median(() => {
    const before = process.cpuUsage();
    buffers.run(bound);
    const used = process.cpuUsage(before);
    processor.push((used.user + used.system) / 1000);
  }, repeats);
  buffers.dispose();
  return { wall, processor: processor.sort((a, b) => a - b)[Math.floor(processor.length / 2)] };
}

function cpuTimer(subject: Program, repeats: number): number {
  const tensors = allocateBuffers(subject, 'f32', 1);
  const bound = bindCalls(subject.calls, tensors);
  return median(() => runCalls(bound), repeats);
}

const conv = { stride: [1, 1], dilation: [1, 1] } as const;
const pad2 = { top: 2, bottom: 2, left: 2, right: 2 };
const pad0 = { top: 0, bottom: 0, left: 0, right: 0 };
const pool = { window: [2, 2], stride: [2, 2], padding: pad0, countPadding: true } as const;
const bn = { epsilon: 1e-5, momentum: 0.1 };
const SUBJECTS: [string, Program, number][] = [
  ['matmul 1024³', program({ op: 'matmul', transposeA: false, transposeB: false }, [[1024, 1024], [1024, 1024]], [1024, 1024]), 2 * 1024 ** 3],
  ['conv1 forward', program({ op: 'conv2d', ...conv, padding: pad2 }, [[32, 28, 28, 1], [5, 5, 1, 6]], [32, 28, 28, 6]), 0],
  ['conv1 filter gradient', program({ op: 'conv2dBackwardFilter', ...conv, padding: pad2 }, [[32, 28, 28, 1], [32, 28, 28, 6]], [5, 5, 1, 6]), 0],
  ['conv2 forward', program({ op: 'conv2d', ...conv, padding: pad0 }, [[32, 14, 14, 6], [5, 5, 6, 16]], [32, 10, 10, 16]), 0],
  ['conv2 input gradient', program({ op: 'conv2dBackwardInput', ...conv, padding: pad0 }, [[32, 10, 10, 16], [5, 5, 6, 16]], [32, 14, 14, 6]), 0],
  ['conv2 filter gradient', program({ op: 'conv2dBackwardFilter', ...conv, padding: pad0 }, [[32, 14, 14, 6], [32, 10, 10, 16]], [5, 5, 6, 16]), 0],
  ['maxPool 2×2 [32, 28, 28, 6]', program({ op: 'maxPool2d', ...pool }, [[32, 28, 28, 6]], [32, 14, 14, 6]), 0],
  ['maxPool backward', program({ op: 'maxPool2dBackward', ...pool }, [[32, 28, 28, 6], [32, 14, 14, 6]], [32, 28, 28, 6]), 0],
  ['avgPool 2×2 [32, 28, 28, 6]', program({ op: 'avgPool2d', ...pool }, [[32, 28, 28, 6]], [32, 14, 14, 6]), 0],
  ['avgPool backward', program({ op: 'avgPool2dBackward', ...pool }, [[32, 14, 14, 6]], [32, 28, 28, 6]), 0],
  ['reduceSum [32, 28, 28, 6] -> [6]', program({ op: 'reduceSum', axes: [0, 1, 2] }, [[32, 28, 28, 6]], [6]), 0],
  ['tanh [32, 32, 128]', program({ op: 'tanh' }, [[32, 32, 128]], [32, 32, 128]), 0],
  ['batchNormTrain [32, 16, 16, 64]', program({ op: 'batchNormTrain', ...bn }, [[32, 16, 16, 64], [64], [64], [64], [64]], [[32, 16, 16, 64], [64], [64], [64], [64]]), 0],
  ['batchNormBackward', program({ op: 'batchNormBackward', ...bn }, [[32, 16, 16, 64], [64], [64], [64], [32, 16, 16, 64]], [[32, 16, 16, 64], [64], [64]]), 0],
  ['lstm forward B32 T32 F32 H128', program({ op: 'lstmSequence' }, [...lstmInputs, [4 * H]], [steps(H), steps(H), steps(4 * H)]), 2 * B * T * (F + H) * 4 * H],
  ['lstm backward', program({ op: 'lstmSequenceBackward' }, [...lstmInputs, steps(H), steps(H), steps(4 * H), steps(H)], [[B, T, F], [B, H], [B, H], [F, 4 * H], [H, 4 * H], [4 * H], [6 * H]]), 4 * B * T * (F + H) * 4 * H],
];

enableRelaxedSimd();
const repeats = Number(process.argv[2] ?? 7);
const threadCounts = (process.argv[3] ?? '1,2').split(',').map(Number);
const configurations: [string, Backend][] = [];
for (const threads of threadCounts) {
  for (const variant of ['simd', 'relaxed'] as WasmVariant[]) {
    configurations.push([`wasm ${variant} ${threads}t`, await createWasmBackend({ loadModule: loadWasmModule, variant, threads, spawnWorker: spawnNodePoolWorker })]);
  }
}
const load = () => loadavg().map((value) => value.toFixed(1)).join(' ');
console.log(`load average before: ${load()}`);
const only = process.argv[4];
for (const [label, subject, flops] of SUBJECTS.filter(([name]) => only === undefined || name.includes(only))) {
  const cpu = cpuTimer(subject, label.startsWith('matmul') ? 3 : repeats);
  const rate = (ms: number) => (flops > 0 ? ` (${(flops / ms / 1e6).toFixed(1)} GFLOP/s)` : '');
  const times = configurations.map(([name, backend]) => {
    const { wall, processor } = wasmTimer(backend, subject, repeats);
    return `${name} ${wall.toFixed(2)} ms${rate(wall)} [processor ${processor.toFixed(2)} ms]`;
  });
  console.log(`${label}: cpu ${cpu.toFixed(2)} ms${rate(cpu)}, ${times.join(', ')}`);
}
console.log(`load average after: ${load()}`);
for (const [, backend] of configurations) backend.dispose();
