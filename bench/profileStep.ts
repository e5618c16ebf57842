// Profiles Netloom training steps of the benchmark models on one backend: samples/s (wall and
// processor time) and, with --ops, the milliseconds per op per step (each bound call timed and
// summed by op over the steps). Run:
//   npx tsx bench/profileStep.ts --model lenet --backend wasm --threads 1 [--seconds 3] [--ops]
import { performance } from 'node:perf_hooks';
import { createBackend } from '../engine/backends/index.ts';
import { WasmBuffers } from '../engine/backends/wasm/buffers.ts';
import { useNodeBackends } from '../engine/cli/backendEnvironment.ts';
import { Model, Trainer } from '../engine/index.ts';
import type { KernelCall } from '../engine/ir/index.ts';
import { modelGraph, modelSpec } from './training/models.ts';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

/** Per op: [wall ms, processor ms (all threads of the process)] summed over the timed steps. */
const opTimes = new Map<string, [number, number]>();

function processorMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** Replaces WasmBuffers.run with one that times each bound call (by op name, plus the node for gemm ops). */
function instrumentWasm(): void {
  type Bound = { kernels: readonly (() => void)[]; calls: readonly KernelCall[] };
  WasmBuffers.prototype.run = function timedRun(this: WasmBuffers, bound: unknown): void {
    const { kernels, calls } = bound as Bound;
    for (let index = 0; index < kernels.length; index++) {
      const call = calls[index];
      const key = `${call.op.op}${call.node === undefined ? '' : ` ${call.node}`}`;
      const start = performance.now();
      const processor = processorMilliseconds();
      kernels[index]();
      const entry = opTimes.get(key) ?? [0, 0];
      entry[0] += performance.now() - start;
      entry[1] += processorMilliseconds() - processor;
      opTimes.set(key, entry);
    }
  };
}

async function main(): Promise<void> {
  useNodeBackends();
  const spec = modelSpec(option('model', 'lenet'));
  const backendName = option('backend', 'wasm');
  const threads = Number(option('threads', '1'));
  const seconds = Number(option('seconds', '3'));
  const profileOps = process.argv.includes('--ops');
  if (profileOps) instrumentWasm();
  const backend = await createBackend(backendName, { threads });
  const document = modelGraph(spec);
  const model = Model.compile(document, { batchSize: spec.batchSize, seed: 1, backend });
  const input = model.input('n0').data;
  for (let index = 0; index < input.length; index++) input[index] = Math.random();
  const labels = model.target().data;
  for (let index = 0; index < labels.length; index++) labels[index] = Math.floor(Math.random() * spec.classes);
  const trainer = new Trainer(model, model.compiled.document.training, Number.MAX_SAFE_INTEGER);
  for (let step = 0; step < 20; step++) trainer.trainStep();
  const rounds = Number(option('rounds', '5'));
  const best = { wall: 0, processor: 0, steps: 0 };
  const bestOps = new Map<string, [number, number]>();
  let loss = 0;
  for (let round = 0; round < rounds; round++) {
    opTimes.clear();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    let steps = 0;
    while (performance.now() - start < (seconds * 1000) / rounds) {
      loss = trainer.trainStep().loss;
      steps++;
    }
    const wall = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    best.wall = Math.max(best.wall, (steps * spec.batchSize) / wall);
    best.processor = Math.max(best.processor, (steps * spec.batchSize) / ((cpu.user + cpu.system) / 1e6));
    best.steps += steps;
    for (const [key, [time, processorTime]] of opTimes) {
      const entry = bestOps.get(key) ?? [Infinity, Infinity];
      bestOps.set(key, [Math.min(entry[0], time / steps), Math.min(entry[1], processorTime / steps)]);
    }
  }
  const load = (await import('node:os')).loadavg()[0].toFixed(2);
  console.log(`${spec.name} ${backend.description}: best of ${rounds} rounds: ${best.wall.toFixed(0)} samples/s wall, ${best.processor.toFixed(0)} per processor-second (${((1000 * spec.batchSize) / best.wall).toFixed(3)} ms/step), ${best.steps} steps, loss ${loss.toFixed(4)}, load ${load}`);
  if (profileOps) {
    const rows = [...bestOps.entries()].sort((a, b) => b[1][1] - a[1][1]);
    const total = rows.reduce((sum, [, [time]]) => sum + time, 0);
    const totalProcessor = rows.reduce((sum, [, [, time]]) => sum + time, 0);
    console.log('  per step, least over the rounds: wall ms, processor ms');
    for (const [key, [time, processorTime]] of rows) console.log(`  ${time.toFixed(3).padStart(7)}  ${processorTime.toFixed(3).padStart(7)}  ${key}`);
    console.log(`  ${total.toFixed(3).padStart(7)}  ${totalProcessor.toFixed(3).padStart(7)}  sum`);
  }
  model.dispose();
  backend.dispose();
}

await main();
