// The training benchmark: every engine trains the same models on random data, in trials that take
// turns round-robin (each trial every engine once, the order rotating) so that machine noise hits
// all engines alike. Reports the median samples/s, each Netloom engine's ratio to PyTorch with
// as many threads and to tfjs-wasm, matmul GFLOP/s and Netloom's heap growth over many steps.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from '../measure.ts';
import { Driver, type DriverCommand } from './driver.ts';
import { MATMUL_SIZE, MODEL_SPECS, type ModelSpec } from './models.ts';
import type { EngineInfo, HeapReply, TrainingOptions, TrialReply } from './protocol.ts';
import { medians, trainingResult, type EngineResult, type HeapResult } from './report.ts';


const PYTHON = '/usr/bin/python3';
const ROOT = join(import.meta.dirname, '../..');
/** One thread everywhere below torch's own: OpenMP and OpenBLAS must not add their own threads. */
const PINNED = { OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

const plural = (threads: number) => `${threads} thread${threads === 1 ? '' : 's'}`;

/** Netloom on the measured backend (at every thread count where it has threads), the cpu reference if asked, PyTorch at every thread count, tfjs-wasm. */
function commands(options: TrainingOptions): DriverCommand[] {
  const node = (label: string, file: string, extra: readonly string[] = []): DriverCommand => ({ label, executable: process.execPath, arguments: ['--expose-gc', '--import', 'tsx', `bench/training/${file}`, ...extra] });
  const netloom = (backend: string, threads: number, labelled: boolean) => node(`Netloom ${backend}${labelled ? ` ${plural(threads)}` : ''}`, 'netloom.ts', ['--backend', backend, '--threads', String(threads)]);
  const torch = (threads: number): DriverCommand => ({ label: `PyTorch ${plural(threads)}`, executable: PYTHON, arguments: ['bench/training/pytorch.py', '--threads', String(threads)], environment: PINNED });
  const measured = options.backend === 'cpu' ? [netloom('cpu', 1, false)] : options.threads.map((threads) => netloom(options.backend, threads, true));
  const reference = options.withCpu && options.backend !== 'cpu' ? [netloom('cpu', 1, false)] : [];
  return [...measured, ...reference, ...options.threads.map(torch), node('tfjs-wasm', 'tfjs.ts')];
}

interface Engine {
  readonly driver: Driver;
  readonly info: EngineInfo;
  readonly result: EngineResult;
}

async function startEngines(options: TrainingOptions, skipped: string[]): Promise<Engine[]> {
  const engines: Engine[] = [];
  for (const command of commands(options)) {
    if (command.executable === PYTHON && !existsSync(PYTHON)) {
      skipped.push(`${command.label}: ${PYTHON} is missing (install Debian's python3-torch and libopenblas0-pthread)`);
      continue;
    }
    const driver = new Driver(command, ROOT);
    try {
      const info = await driver.request<EngineInfo>({ command: 'info' });
      for (const warning of info.warnings) console.warn(`\n!!! WARNING, ${command.label}: ${warning}\n`);
      const targeted = command.label.startsWith(`Netloom ${options.backend}`);
      engines.push({ driver, info, result: { label: command.label, info, targeted, parameters: new Map(), samplesPerSecond: new Map(), matmulGflops: [] } });
    } catch (error) {
      if (command.label.startsWith('Netloom')) throw error;
      skipped.push(`${command.label}: ${error instanceof Error ? error.message : String(error)}`);
      driver.close();
    }
  }
  return engines;
}

async function prepareModels(engines: readonly Engine[]): Promise<void> {
  for (const spec of MODEL_SPECS) {
    for (const engine of engines) {
      const parameters = await engine.driver.request<number>({ command: 'prepare', model: spec });
      engine.result.parameters.set(spec.name, parameters);
      if (parameters !== spec.parameters) throw new Error(`${engine.result.label} built ${spec.label} with ${parameters} trainable parameters, not ${spec.parameters}: the models differ. Fix its definition in bench/training.`);
    }
    console.log(`  ${spec.label}: ${spec.parameters.toLocaleString('en')} trainable parameters in every engine`);
  }
}

async function runTrial(engine: Engine, spec: ModelSpec, seconds: number): Promise<void> {
  const trial = await engine.driver.request<TrialReply>({ command: 'trial', model: spec.name, seconds });
  const rate = (trial.steps * spec.batchSize) / trial.seconds;
  const rates = engine.result.samplesPerSecond.get(spec.name) ?? [];
  engine.result.samplesPerSecond.set(spec.name, [...rates, rate]);
}

async function runMatmul(engine: Engine, seconds: number): Promise<void> {
  const trial = await engine.driver.request<TrialReply>({ command: 'matmul', size: MATMUL_SIZE, seconds });
  engine.result.matmulGflops.push((2 * MATMUL_SIZE ** 3 * trial.steps) / trial.seconds / 1e9);
}

/** Each trial: every model on every engine, the engines' order rotated by one per trial. */
async function runTrials(engines: readonly Engine[], options: TrainingOptions): Promise<void> {
  for (let trial = 0; trial < options.trials; trial++) {
    const order = engines.map((_, index) => engines[(index + trial) % engines.length]);
    for (const spec of MODEL_SPECS) {
      for (const engine of order) await runTrial(engine, spec, options.seconds);
    }
    for (const engine of order) await runMatmul(engine, Math.min(options.seconds, 2));
    console.log(`  trial ${trial + 1} of ${options.trials} done`);
  }
}

/** Heap growth over many steps, on every Netloom engine. */
async function heapCheck(engines: readonly Engine[], steps: number): Promise<HeapResult[]> {
  const results: HeapResult[] = [];
  for (const engine of engines.filter((candidate) => candidate.info.engine === 'Netloom')) {
    for (const spec of MODEL_SPECS.filter((candidate) => candidate.name !== 'lstm')) {
      const small = { ...spec, batchSize: 8 };
      const reply = await engine.driver.request<HeapReply>({ command: 'heap', model: small, steps });
      results.push({ model: `${spec.label.split(',')[0]}, batch 8, ${engine.result.label}`, ...reply });
    }
  }
  return results;
}

export interface TrainingBenchResult extends BenchResult {
  /** Each engine's median samples/s by model name (for the browser benchmark's comparison). */
  readonly medians: readonly { readonly label: string; readonly info: EngineInfo; readonly samplesPerSecond: ReadonlyMap<string, number> }[];
}

export async function benchTraining(options: TrainingOptions): Promise<TrainingBenchResult> {
  const skipped: string[] = [];
  console.log(`training benchmark: ${options.trials} trials of ${options.seconds} s per model and engine`);
  const engines = await startEngines(options, skipped);
  try {
    await prepareModels(engines);
    await runTrials(engines, options);
    const heap = options.heapSteps > 0 ? await heapCheck(engines, options.heapSteps) : [];
    const results = engines.map((engine) => engine.result);
    return { ...trainingResult({ engines: results, heap, skipped, options }), medians: results.map((result) => ({ label: result.label, info: result.info, samplesPerSecond: medians(result) })) };
  } finally {
    for (const engine of engines) engine.driver.close();
  }
}
