// The training benchmark's results as a BENCHMARKS.md section: one column per engine, Netloom's
// ratio to each, then the engines' versions, threads and BLAS, the heap check and the targets.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { middle, type BenchResult } from '../measure.ts';
import { MATMUL_SIZE, MODEL_SPECS } from './models.ts';
import type { EngineInfo, HeapReply, TrainingOptions } from './protocol.ts';

export interface EngineResult {
  readonly label: string;
  readonly info: EngineInfo;
  readonly parameters: Map<string, number>;
  /** Samples per second of each trial, by model name. */
  readonly samplesPerSecond: Map<string, number[]>;
  readonly matmulGflops: number[];
}

export interface HeapResult extends HeapReply {
  readonly model: string;
}

interface Measured {
  readonly engines: readonly EngineResult[];
  readonly heap: readonly HeapResult[];
  readonly skipped: readonly string[];
  readonly options: TrainingOptions;
}

/** Training speed targets: Netloom against PyTorch with as many threads, and against tfjs-wasm. */
const TARGET_TORCH = 1;
const TARGET_TFJS = 5;
/** matmul: this share of the WebAssembly SIMD ceiling (4 lanes × 2 flops × clock × threads). */
const TARGET_CEILING = 0.75;
/** Heap growth over the whole check below which it counts as none (collector and compiler noise). */
const HEAP_NOISE_BYTES = 256 * 1024;

const count = (value: number) => Math.round(value).toLocaleString('en');
const ratio = (value: number) => `${value.toFixed(2)}×`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

function medians(engine: EngineResult): Map<string, number> {
  const result = new Map([...engine.samplesPerSecond].map(([name, rates]) => [name, middle(rates)]));
  if (engine.matmulGflops.length > 0) result.set('matmul', middle(engine.matmulGflops));
  return result;
}

/** The clock in GHz as /proc/cpuinfo states it, or null where it does not. */
function clockGhz(): number | null {
  try {
    const match = /cpu MHz\s*:\s*([\d.]+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return match === null ? null : Number(match[1]) / 1000;
  } catch {
    return null;
  }
}

function speedTable(engines: readonly EngineResult[]) {
  const [netloom, ...others] = engines;
  const values = engines.map(medians);
  const rows = [...MODEL_SPECS.map((spec) => ({ name: spec.name, label: spec.label, format: count })), { name: 'matmul', label: `matmul ${MATMUL_SIZE}³, GFLOP/s`, format: (value: number) => value.toFixed(1) }].map(({ name, label, format }) => {
    const cells = values.map((value) => value.get(name));
    const mine = cells[0];
    const ratios = cells.slice(1).map((theirs) => (mine === undefined || theirs === undefined ? '–' : ratio(mine / theirs)));
    return [label, ...cells.map((cell) => (cell === undefined ? '–' : format(cell))), ...ratios];
  });
  return { header: ['samples/s (median)', ...engines.map((engine) => engine.label), ...others.map((other) => `${netloom.label} / ${other.label}`)], rows };
}

function targetRows(engines: readonly EngineResult[]): { rows: [string, string][]; pass: boolean } {
  const [netloom, ...others] = engines;
  const mine = medians(netloom);
  const torch = others.find((engine) => engine.info.engine === 'PyTorch' && engine.info.threads === netloom.info.threads);
  const tfjs = others.find((engine) => engine.info.engine === 'TensorFlow.js');
  const verdicts: [string, boolean][] = [];
  for (const spec of MODEL_SPECS) {
    const value = mine.get(spec.name) ?? 0;
    if (torch !== undefined) verdicts.push([`${spec.label} ≥ ${TARGET_TORCH}× ${torch.label}: ${ratio(value / (medians(torch).get(spec.name) ?? Infinity))}`, value >= TARGET_TORCH * (medians(torch).get(spec.name) ?? Infinity)]);
    if (tfjs !== undefined) verdicts.push([`${spec.label} ≥ ${TARGET_TFJS}× tfjs-wasm: ${ratio(value / (medians(tfjs).get(spec.name) ?? Infinity))}`, value >= TARGET_TFJS * (medians(tfjs).get(spec.name) ?? Infinity)]);
  }
  const clock = clockGhz();
  if (clock !== null) {
    const ceiling = 4 * 2 * clock * netloom.info.threads;
    const share = (mine.get('matmul') ?? 0) / ceiling;
    verdicts.push([`matmul ≥ ${TARGET_CEILING * 100}% of the SIMD ceiling (4 lanes × 2 flops × ${clock.toFixed(2)} GHz × ${netloom.info.threads} thread${netloom.info.threads === 1 ? '' : 's'} = ${ceiling.toFixed(1)} GFLOP/s): ${(share * 100).toFixed(1)}%`, share >= TARGET_CEILING]);
  }
  return { rows: verdicts.map(([label, met]) => [label, met ? 'met' : 'missed']), pass: verdicts.every(([, met]) => met) };
}

function heapRows(heap: readonly HeapResult[]): { rows: [string, string][]; pass: boolean } {
  const rows = heap.map((check): [string, string] => {
    const growth = check.afterBytes - check.beforeBytes;
    const external = check.externalAfterBytes - check.externalBeforeBytes;
    const verdict = growth <= HEAP_NOISE_BYTES ? 'none (target met)' : 'GROWS (target: none)';
    return [`Netloom heap growth over ${check.steps.toLocaleString('en')} training steps after as many warm-up steps, ${check.model}`, `${kib(growth)} (${mib(check.beforeBytes)} → ${mib(check.afterBytes)} in use after GC; typed arrays and other external memory ${kib(external)}): ${verdict}`];
  });
  return { rows, pass: heap.every((check) => check.afterBytes - check.beforeBytes <= HEAP_NOISE_BYTES) };
}

function engineRows(engines: readonly EngineResult[]): [string, string][] {
  return engines.map((engine) => [engine.label, `${engine.info.engine} ${engine.info.version}, ${engine.info.threads} thread${engine.info.threads === 1 ? '' : 's'}; ${engine.info.details.join('; ')}${engine.info.warnings.map((warning) => `; **WARNING: ${warning}**`).join('')}`]);
}

function spreadRows(engines: readonly EngineResult[]): [string, string][] {
  return MODEL_SPECS.map((spec) => [
    `${spec.label}: slowest–fastest trial, samples/s`,
    engines.map((engine) => {
      const rates = engine.samplesPerSecond.get(spec.name) ?? [];
      return `${engine.label} ${count(Math.min(...rates))}–${count(Math.max(...rates))}`;
    }).join(' · '),
  ]);
}

export function trainingResult({ engines, heap, skipped, options }: Measured): BenchResult {
  const targets = targetRows(engines);
  const heapCheck = heapRows(heap);
  const how = `random data shaped like MNIST (28×28×1, 10 classes; the LSTM random 32×32 sequences), one batch per engine reused every step; softmax cross-entropy, Adam 1e-3; ${options.trials} trial${options.trials === 1 ? '' : 's'} of ≥ ${options.seconds} s per model and engine, taking turns round-robin (the order rotating each trial); the median is shown`;
  const rows: [string, string][] = [
    ['how', how],
    ['machine load', `1-minute load average ${loadavg()[0].toFixed(1)} at the end of the run; on a machine shared with other jobs the numbers are noisy: compare runs with care`],
    ['parameters (trainable, every engine)', MODEL_SPECS.map((spec) => `${spec.label.split(',')[0]} ${spec.parameters.toLocaleString('en')}`).join(' · ')],
    ['PyTorch threads', 'one process per thread count: torch.set_num_threads(n), OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1 (so OpenBLAS GEMMs run on one thread in both)'],
    ...engineRows(engines),
    ...skipped.map((reason): [string, string] => ['skipped', reason]),
    ...spreadRows(engines),
    ...heapCheck.rows,
    ...targets.rows,
  ];
  return { name: 'Training speed against PyTorch and TensorFlow.js', table: speedTable(engines), rows, pass: targets.pass && heapCheck.pass };
}
