// Times one training step of the benchmark LSTM (or a GRU/RNN of the same shape) on a backend, by
// bound call: `npx tsx bench/recurrentProfile.ts [threads...] [--model lstm|gru|rnn] [--steps N]`.
// Prints ms per op per step (medians over the steps) and samples/s of whole steps, with the load
// average (the machine may be shared).
import { loadavg } from 'node:os';
import { Model, Trainer } from '../engine/index.ts';
import { createBackend } from '../engine/backends/index.ts';
import { useNodeBackends } from '../engine/cli/backendEnvironment.ts';
import { chainGraph } from './training/models.ts';

interface Instrumented {
  readonly kernels: (() => void)[];
  readonly calls: readonly { readonly op: { readonly op: string } }[];
}

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function document(layer: string) {
  const layers: [string, Record<string, unknown>][] = [['Input', { kind: 'sequence', steps: 32, features: 32 }], [layer, { units: 128 }], ['Dense', { units: 10 }], ['SoftmaxCrossEntropy', {}]];
  return chainGraph(`${layer} T32 in32 H128`, layers as never, 32);
}

async function profile(threads: number, layer: string, steps: number): Promise<void> {
  const backend = await createBackend(option('--backend', 'wasm'), { threads });
  const doc = document(layer);
  const model = Model.compile(doc, { batchSize: 32, seed: 1, backend });
  const input = model.input('n0').data;
  for (let index = 0; index < input.length; index++) input[index] = Math.random();
  const labels = model.target().data;
  for (let index = 0; index < labels.length; index++) labels[index] = Math.floor(Math.random() * 10);
  const trainer = new Trainer(model, model.compiled.document.training, Number.MAX_SAFE_INTEGER);
  for (let step = 0; step < 5; step++) trainer.trainStep();
  // Whole steps, uninstrumented.
  const stepTimes: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let step = 0; step < steps; step++) {
    const start = performance.now();
    trainer.advance();
    stepTimes.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  const processorMs = (cpu.user + cpu.system) / 1000 / steps;
  const load = loadavg()[0].toFixed(1);
  const ms = median(stepTimes);
  console.log(`${layer} ${backend.name} threads ${threads}: step ${ms.toFixed(2)} ms median, min ${Math.min(...stepTimes).toFixed(2)} ms (${(32000 / ms).toFixed(0)} samples/s; mean ${(stepTimes.reduce((a, b) => a + b, 0) / steps).toFixed(2)} ms; processor ${processorMs.toFixed(2)} ms per step, all threads), load ${load}`);
  // Per op: wall time per step, the minimum (least disturbed by other jobs) and the median.
  const times = new Map<string, number[]>();
  const buffers = (model as unknown as { buffers: { run: (bound: Instrumented) => void } }).buffers;
  let current = new Map<string, number>();
  buffers.run = (bound: Instrumented) => {
    bound.kernels.forEach((kernel, index) => {
      const start = performance.now();
      kernel();
      const op = bound.calls[index].op.op;
      current.set(op, (current.get(op) ?? 0) + performance.now() - start);
    });
  };
  for (let step = 0; step < steps; step++) {
    current = new Map();
    trainer.advance();
    for (const [op, time] of current) times.set(op, [...(times.get(op) ?? []), time]);
  }
  const rows = [...times].map(([op, values]) => [op, Math.min(...values), median(values)] as const).sort((a, b) => b[2] - a[2]);
  for (const [op, least, middle] of rows) if (middle > 0.01) console.log(`  ${op.padEnd(28)} min ${least.toFixed(3)} ms, median ${middle.toFixed(3)} ms`);
  backend.dispose();
}

useNodeBackends();
const layer = ({ lstm: 'LSTM', gru: 'GRU', rnn: 'SimpleRNN' } as Record<string, string>)[option('--model', 'lstm')] ?? 'LSTM';
const threadCounts = process.argv.slice(2).filter((arg, index, all) => /^\d+$/.test(arg) && !all[index - 1]?.startsWith('--')).map(Number);
for (const threads of threadCounts.length > 0 ? threadCounts : [1, 2]) await profile(threads, layer, Number(option('--steps', '30')));
