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

const opTimes = new Map<string, number>();

/** Replaces WasmBuffers.run with one that times each bound call (by op name, plus the node for gemm ops). */
function instrumentWasm(): void {
  type Bound = { kernels: readonly (() => void)[]; calls: readonly KernelCall[] };
  WasmBuffers.prototype.run = function timedRun(this: WasmBuffers, bound: unknown): void {
    const { kernels, calls } = bound as Bound;
    for (let index = 0; index < kernels.length; index++) {
      const call = calls[index];
      const key = `${call.op.op}${call.node === undefined ? '' : ` ${call.node}`}`;
      const start = performance.now();
      kernels[index]();
      opTimes.set(key, (opTimes.get(key) ?? 0) + performance.now() - start);
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
  opTimes.clear();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let steps = 0;
  let loss = 0;
  while (performance.now() - start < seconds * 1000) {
    loss = trainer.trainStep().loss;
    steps++;
  }
  const wall = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const processor = (cpu.user + cpu.system) / 1e6;
  const load = (await import('node:os')).loadavg()[0].toFixed(2);
  console.log(`${spec.name} ${backend.description}: ${((steps * spec.batchSize) / wall).toFixed(0)} samples/s wall, ${((steps * spec.batchSize) / processor).toFixed(0)} per processor-second, ${((wall * 1000) / steps).toFixed(3)} ms/step, ${steps} steps, loss ${loss.toFixed(4)}, load ${load}`);
  if (profileOps) {
    const rows = [...opTimes.entries()].sort((a, b) => b[1] - a[1]);
    const total = rows.reduce((sum, [, time]) => sum + time, 0);
    for (const [key, time] of rows) console.log(`  ${(time / steps).toFixed(3).padStart(8)} ms  ${key}`);
    console.log(`  ${(total / steps).toFixed(3).padStart(8)} ms  total in calls; ${((wall * 1000) / steps - total / steps).toFixed(3)} ms outside`);
  }
  model.dispose();
  backend.dispose();
}

await main();
