// The training benchmark's results as a BENCHMARKS.md section: one column per engine, each
// Netloom engine's ratio to PyTorch with as many threads and to tfjs-wasm, then the engines'
// versions, threads and BLAS, the heap check and the targets of each Netloom engine measured.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { middle, type BenchResult } from '../measure.ts';
import { MATMUL_SIZE, MODEL_SPECS } from './models.ts';
import type { EngineInfo, HeapReply, TrainingOptions } from './protocol.ts';

export interface EngineResult {
  readonly label: string;
  readonly info: EngineInfo;
  /** A Netloom engine on the measured backend: its targets are checked (not the cpu reference). */
  readonly targeted: boolean;
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
/**
 * With relaxed SIMD the kernels use fused multiply-adds, and the ceiling is the FMA one: 4 lanes ×
 * 2 flops × the FMA units a core issues each cycle (two on current x86 and Arm cores).
 */
const FMA_UNITS = 2;
/** Heap growth over the whole check below which it counts as none (collector and compiler noise). */
const HEAP_NOISE_BYTES = 256 * 1024;

const count = (value: number) => Math.round(value).toLocaleString('en');
const ratio = (value: number) => `${value.toFixed(2)}×`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(2)} MiB`;

/** An engine's median samples/s by model name, and its median matmul GFLOP/s as 'matmul'. */
export function medians(engine: EngineResult): Map<string, number> {
  const result = new Map([...engine.samplesPerSecond].map(([name, rates]) => [name, middle(rates)]));
  if (engine.matmulGflops.length > 0) result.set('matmul', middle(engine.matmulGflops));
  return result;
}

const plural = (threads: number) => `${threads} thread${threads === 1 ? '' : 's'}`;

/** What each Netloom engine is compared with: PyTorch with as many threads, and tfjs-wasm. */
function comparisons(engines: readonly EngineResult[]): { netloom: EngineResult; other: EngineResult }[] {
  const tfjs = engines.find((engine) => engine.info.engine === 'TensorFlow.js');
  return engines
    .filter((engine) => engine.info.engine === 'Netloom')
    .flatMap((netloom) => [engines.find((engine) => engine.info.engine === 'PyTorch' && engine.info.threads === netloom.info.threads), tfjs].filter((other) => other !== undefined).map((other) => ({ netloom, other })));
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
  const values = new Map(engines.map((engine) => [engine, medians(engine)]));
  const pairs = comparisons(engines);
  const rows = [...MODEL_SPECS.map((spec) => ({ name: spec.name, label: spec.label, format: count })), { name: 'matmul', label: `matmul ${MATMUL_SIZE}³, GFLOP/s`, format: (value: number) => value.toFixed(1) }].map(({ name, label, format }) => {
    const cell = (engine: EngineResult) => values.get(engine)?.get(name);
    const ratios = pairs.map(({ netloom, other }) => {
      const [mine, theirs] = [cell(netloom), cell(other)];
      return mine === undefined || theirs === undefined ? '–' : ratio(mine / theirs);
    });
    return [label, ...engines.map((engine) => { const value = cell(engine); return value === undefined ? '–' : format(value); }), ...ratios];
  });
  return { header: ['samples/s (median)', ...engines.map((engine) => engine.label), ...pairs.map(({ netloom, other }) => `${netloom.label} / ${other.label}`)], rows };
}

/** Whether the engine's description says it ran the relaxed-SIMD (fused multiply-add) kernels. */
function fusedMultiplyAdd(engine: EngineResult): boolean {
  return engine.info.details.some((detail) => /relaxed/i.test(detail));
}

function ceilingVerdict(engine: EngineResult, gflops: number): [string, boolean] | null {
  const clock = clockGhz();
  if (clock === null || engine.info.details.every((detail) => !/SIMD/.test(detail))) return null;
  const threads = engine.info.threads;
  const simd = 4 * 2 * clock * threads;
  const fma = fusedMultiplyAdd(engine);
  const ceiling = fma ? simd * FMA_UNITS : simd;
  const formula = fma ? `FMA ceiling, relaxed SIMD ran: 4 lanes × 2 flops × ${FMA_UNITS} FMA units × ${clock.toFixed(2)} GHz × ${plural(threads)}` : `SIMD ceiling, plain SIMD ran: 4 lanes × 2 flops × ${clock.toFixed(2)} GHz × ${plural(threads)}`;
  const also = fma ? `; ${((gflops / simd) * 100).toFixed(1)}% of the plain SIMD ceiling ${simd.toFixed(1)}` : '';
  return [`${engine.label}: matmul ≥ ${TARGET_CEILING * 100}% of the ${formula} = ${ceiling.toFixed(1)} GFLOP/s: ${((gflops / ceiling) * 100).toFixed(1)}%${also}`, gflops >= TARGET_CEILING * ceiling];
}

/** The targets of every Netloom engine on the measured backend. */
function targetRows(engines: readonly EngineResult[]): { rows: [string, string][]; pass: boolean } {
  const verdicts: [string, boolean][] = [];
  for (const { netloom, other } of comparisons(engines).filter((pair) => pair.netloom.targeted)) {
    const [mine, theirs] = [medians(netloom), medians(other)];
    const factor = other.info.engine === 'PyTorch' ? TARGET_TORCH : TARGET_TFJS;
    for (const spec of MODEL_SPECS) {
      const [value, reference] = [mine.get(spec.name) ?? 0, theirs.get(spec.name) ?? Infinity];
      verdicts.push([`${netloom.label}: ${spec.label} ≥ ${factor}× ${other.label}: ${ratio(value / reference)}`, value >= factor * reference]);
    }
  }
  for (const engine of engines.filter((candidate) => candidate.targeted)) {
    const verdict = ceilingVerdict(engine, medians(engine).get('matmul') ?? 0);
    if (verdict !== null) verdicts.push(verdict);
  }
  return { rows: verdicts.map(([label, met]) => [label, met ? 'met' : 'missed']), pass: verdicts.every(([, met]) => met) };
}

function heapRows(heap: readonly HeapResult[]): { rows: [string, string][]; pass: boolean } {
  const rows = heap.map((check): [string, string] => {
    const growth = check.afterBytes - check.beforeBytes;
    const external = check.externalAfterBytes - check.externalBeforeBytes;
    const verdict = growth <= HEAP_NOISE_BYTES ? 'none (target met)' : 'GROWS (target: none)';
    return [`heap growth over ${check.steps.toLocaleString('en')} training steps after as many warm-up steps, ${check.model}`, `${kib(growth)} (${mib(check.beforeBytes)} → ${mib(check.afterBytes)} in use after GC; typed arrays and other external memory ${kib(external)}): ${verdict}`];
  });
  return { rows, pass: heap.every((check) => check.afterBytes - check.beforeBytes <= HEAP_NOISE_BYTES) };
}

function engineRows(engines: readonly EngineResult[]): [string, string][] {
  return engines.map((engine) => [engine.label, `${engine.info.engine} ${engine.info.version}, ${plural(engine.info.threads)}; ${engine.info.details.join('; ')}${engine.info.warnings.map((warning) => `; **WARNING: ${warning}**`).join('')}`]);
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
    ['Netloom engines', 'one process per backend and thread count; each compared with PyTorch at the same thread count and with tfjs-wasm (ratio columns); the cpu reference backend (`--with-cpu`) has no targets'],
    ['PyTorch threads', 'one process per thread count: torch.set_num_threads(n), OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1 (so OpenBLAS GEMMs run on one thread in both)'],
    ...engineRows(engines),
    ...skipped.map((reason): [string, string] => ['skipped', reason]),
    ...spreadRows(engines),
    ...heapCheck.rows,
    ...targets.rows,
  ];
  return { name: 'Training speed against PyTorch and TensorFlow.js', table: speedTable(engines), rows, pass: targets.pass && heapCheck.pass };
}
