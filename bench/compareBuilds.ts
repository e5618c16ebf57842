// Compares two builds of the wasm kernels on a benchmark model's training step, interleaved step
// by step so that machine noise hits both alike: processor milliseconds per step (median) of each.
// Run: npx tsx bench/compareBuilds.ts <old build folder> <new build folder> [model] [steps]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createWasmBackend, type WasmBuild } from '../engine/backends/wasm/index.ts';
import { enableRelaxedSimd } from '../engine/cli/wasmModules.ts';
import { Model, Trainer } from '../engine/index.ts';
import { modelGraph, modelSpec } from './training/models.ts';

async function trainerOn(folder: string, name: string): Promise<Trainer> {
  const backend = await createWasmBackend({ loadModule: (build: WasmBuild) => readFile(join(folder, `kernels-${build}.wasm`)), threads: 1 });
  const spec = modelSpec(name);
  const model = Model.compile(modelGraph(spec), { batchSize: spec.batchSize, seed: 1, backend });
  const input = model.input('n0').data;
  for (let index = 0; index < input.length; index++) input[index] = Math.random();
  const labels = model.target().data;
  for (let index = 0; index < labels.length; index++) labels[index] = Math.floor(Math.random() * spec.classes);
  return new Trainer(model, model.compiled.document.training, Number.MAX_SAFE_INTEGER);
}

function processorMilliseconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const [oldFolder, newFolder, name = 'mlp', count = '200'] = process.argv.slice(2);
  enableRelaxedSimd();
  const trainers = [await trainerOn(oldFolder, name), await trainerOn(newFolder, name)];
  const times: number[][] = [[], []];
  for (let step = 0; step < Number(count); step++) {
    trainers.forEach((trainer, index) => {
      const start = processorMilliseconds();
      trainer.trainStep();
      if (step >= 10) times[index].push(processorMilliseconds() - start);
    });
  }
  const [before, after] = times.map(median);
  console.log(`${name}: old ${before.toFixed(3)} ms, new ${after.toFixed(3)} ms processor per step (median), new/old ${(after / before).toFixed(3)}`);
}

await main();
