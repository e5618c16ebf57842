// Netloom's driver for the training benchmark (a child process; see protocol.ts). It trains the
// way engine/train does: a Model compiled from the graph document and a Trainer stepping it.
// Run: node --expose-gc --import tsx bench/training/netloom.ts --backend cpu
import { Model, Trainer } from '../../engine/index.ts';
import { readFileSync } from 'node:fs';
import { matmulGraph, modelGraph, type BenchGraph, type ModelSpec } from './models.ts';
import { serveRequests, timeSteps, type EngineInfo, type HeapReply, type Request } from './protocol.ts';

/** Backends the benchmark can build a model on; a new backend is wired in here and in createBenchModel. */
export const BENCH_BACKENDS = ['cpu'] as const;

/**
 * The one place the benchmark builds a Netloom model: the graph compiled for `backendName` at the
 * document's batch size. Every Netloom number in the benchmark goes through here.
 */
export function createBenchModel(document: BenchGraph, backendName: string): Model {
  if (backendName !== 'cpu') throw new Error(`The benchmark cannot build a Netloom model on backend "${backendName}": use --backend ${BENCH_BACKENDS.join(' or ')}.`);
  return Model.compile(document, { batchSize: document.training.batchSize, seed: document.training.seed });
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

function matmulModel(size: number, backendName: string): Model {
  const model = createBenchModel(matmulGraph(size), backendName);
  const input = model.input('n0').data;
  for (let index = 0; index < input.length; index++) input[index] = Math.random() * 2 - 1;
  return model;
}

function netloomVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function prepare(spec: ModelSpec, backendName: string): Prepared {
  const model = createBenchModel(modelGraph(spec), backendName);
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

function heapGrowth(spec: ModelSpec, steps: number, backendName: string): HeapReply {
  const { trainer } = prepare(spec, backendName);
  // As many warm-up steps first: the heap grows over the first thousand or so while V8 compiles
  // and gathers feedback (about 0.6 MiB for LeNet, flat from about 1,500 steps on), which is no leak.
  for (let step = 0; step < steps; step++) trainer.trainStep();
  collectGarbage();
  const before = process.memoryUsage();
  for (let step = 0; step < steps; step++) trainer.trainStep();
  collectGarbage();
  const after = process.memoryUsage();
  return { steps, beforeBytes: before.heapUsed, afterBytes: after.heapUsed, externalBeforeBytes: before.external + before.arrayBuffers, externalAfterBytes: after.external + after.arrayBuffers };
}

function backendOption(): string {
  const index = process.argv.indexOf('--backend');
  return index === -1 ? 'cpu' : (process.argv[index + 1] ?? 'cpu');
}

async function main(): Promise<void> {
  const backendName = backendOption();
  const prepared = new Map<string, Prepared>();
  let matmul: Model | null = null;
  await serveRequests(async (request: Request) => {
    switch (request.command) {
      case 'info':
        // The cpu backend runs on the calling thread; a threaded backend reports its own count here.
        return { engine: 'Netloom', version: netloomVersion(), threads: 1, details: [`backend ${backendName}`, `Node ${process.version}`], warnings: [] } satisfies EngineInfo;
      case 'prepare': {
        const entry = prepare(request.model, backendName);
        prepared.set(request.model.name, entry);
        return trainableParameters(entry.model);
      }
      case 'trial': {
        const entry = prepared.get(request.model);
        if (entry === undefined) throw new Error(`Model ${request.model} was not prepared.`);
        return timeSteps(request.seconds, () => entry.trainer.trainStep());
      }
      case 'matmul': {
        matmul ??= matmulModel(request.size, backendName);
        const model = matmul;
        return timeSteps(request.seconds, () => model.forward('infer'));
      }
      case 'heap':
        return heapGrowth(request.model, request.steps, backendName);
    }
  });
}

if (process.argv[1]?.endsWith('netloom.ts')) await main();
