// Netloom's driver for the training benchmark (a child process; see protocol.ts). It trains the
// way engine/train does: a Model compiled from the graph document and a Trainer stepping it.
// Run: node --expose-gc --import tsx bench/training/netloom.ts --backend wasm --threads 2
import { Model, Trainer } from '../../engine/index.ts';
import { createBackend, type Backend } from '../../engine/backends/index.ts';
import { useNodeBackends } from '../../engine/cli/backendEnvironment.ts';
import { readFileSync } from 'node:fs';
import { matmulGraph, modelGraph, type BenchGraph, type ModelSpec } from './models.ts';
import { serveRequests, timeSteps, type EngineInfo, type HeapReply, type Request } from './protocol.ts';

/** Backends the benchmark can build a model on, fastest first (the first is the default). */
export const BENCH_BACKENDS = ['wasm', 'cpu'] as const;

/**
 * The backend a benchmark engine trains on: `name` with `threads` threads (a backend that runs on
 * the calling thread only ignores it). Call useNodeBackends() first in Node.
 */
export async function createBenchBackend(name: string, threads: number): Promise<Backend> {
  if (!(BENCH_BACKENDS as readonly string[]).includes(name)) throw new Error(`The benchmark cannot build a Netloom model on backend "${name}": use --backend ${BENCH_BACKENDS.join(' or ')}.`);
  const backend = await createBackend(name, { threads });
  if (backend.threads !== threads && name !== 'cpu') {
    backend.dispose();
    throw new Error(`The ${name} backend runs on ${backend.threads} thread(s) here, not the ${threads} asked for: shared memory or worker threads are missing in this runtime.`);
  }
  return backend;
}

/**
 * The one place the benchmark builds a Netloom model: the graph compiled on `backend` at the
 * document's batch size. Every Netloom number in the benchmark goes through here.
 */
export function createBenchModel(document: BenchGraph, backend: Backend): Model {
  return Model.compile(document, { batchSize: document.training.batchSize, seed: document.training.seed, backend });
}

interface Prepared {
  readonly model: Model;
  readonly trainer: Trainer;
}

/** Fills the model's input with uniform [0, 1) values and its labels with random classes. */
function fillRandomBatch(model: Model, classes: number): void {
  const input = model.input('n0').data;
  for (let index = 0; index < input.length; index++) input[index] = Math.random();
  const labels = model.target().data;
  for (let index = 0; index < labels.length; index++) labels[index] = Math.floor(Math.random() * classes);
}

function matmulModel(size: number, backend: Backend): Model {
  const model = createBenchModel(matmulGraph(size), backend);
  const input = model.input('n0').data;
  for (let index = 0; index < input.length; index++) input[index] = Math.random() * 2 - 1;
  return model;
}

function netloomVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function prepare(spec: ModelSpec, backend: Backend): Prepared {
  const model = createBenchModel(modelGraph(spec), backend);
  fillRandomBatch(model, spec.classes);
  const trainer = new Trainer(model, model.compiled.document.training, Number.MAX_SAFE_INTEGER);
  for (let step = 0; step < 3; step++) trainer.trainStep();
  return { model, trainer };
}

function trainableParameters(model: Model): number {
  return model.compiled.parameters.filter((parameter) => parameter.gradient !== undefined).reduce((total, parameter) => total + model.tensor(parameter.value).data.length, 0);
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('The heap check needs node --expose-gc.');
  gc();
  gc();
}

function heapGrowth(spec: ModelSpec, steps: number, backend: Backend): HeapReply {
  const { model, trainer } = prepare(spec, backend);
  // As many warm-up steps first: the heap grows over the first thousand or so while V8 compiles
  // and gathers feedback (about 0.6 MiB for LeNet, flat from about 1,500 steps on), which is no leak.
  for (let step = 0; step < steps; step++) trainer.trainStep();
  collectGarbage();
  const before = process.memoryUsage();
  for (let step = 0; step < steps; step++) trainer.trainStep();
  collectGarbage();
  const after = process.memoryUsage();
  model.dispose();
  return { steps, beforeBytes: before.heapUsed, afterBytes: after.heapUsed, externalBeforeBytes: before.external + before.arrayBuffers, externalAfterBytes: after.external + after.arrayBuffers };
}

function option(flag: string, fallback: string): string {
  const index = process.argv.indexOf(flag);
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback);
}

async function main(): Promise<void> {
  useNodeBackends();
  const backend = await createBenchBackend(option('--backend', BENCH_BACKENDS[0]), Number(option('--threads', '1')));
  const prepared = new Map<string, Prepared>();
  let matmul: Model | null = null;
  await serveRequests(async (request: Request) => {
    switch (request.command) {
      case 'info':
        return { engine: 'Netloom', version: netloomVersion(), threads: backend.threads, backend: backend.name, details: [`backend ${backend.name}: ${backend.description}`, `Node ${process.version}`], warnings: [] } satisfies EngineInfo;
      case 'prepare': {
        const entry = prepare(request.model, backend);
        prepared.set(request.model.name, entry);
        return trainableParameters(entry.model);
      }
      case 'trial': {
        const entry = prepared.get(request.model);
        if (entry === undefined) throw new Error(`Model ${request.model} was not prepared.`);
        return timeSteps(request.seconds, () => entry.trainer.trainStep());
      }
      case 'matmul': {
        matmul ??= matmulModel(request.size, backend);
        const model = matmul;
        return timeSteps(request.seconds, () => model.forward('infer'));
      }
      case 'heap':
        return heapGrowth(request.model, request.steps, backend);
    }
  });
  backend.dispose();
}

if (process.argv[1]?.endsWith('netloom.ts')) await main();
