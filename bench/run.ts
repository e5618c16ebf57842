// `npm run bench`: runs the benchmarks (all, or those --only names) and writes their sections
// into BENCHMARKS.md, keeping the sections of benchmarks that did not run. Options: bench/options.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchBrowserTraining, type NodeRate } from './browserTraining.ts';
import { benchWebGpu } from './gpu/benchmark.ts';
import { benchKernels } from './kernels.ts';
import { formatSection, type BenchResult } from './measure.ts';
import { BENCHMARK_NAMES, parseBenchOptions, type BenchmarkName } from './options.ts';
import { benchTraining } from './training/run.ts';
import { benchUiFrames } from './uiFrames.ts';
import { benchValidate } from './validate.ts';

const FILE = join(import.meta.dirname, '../BENCHMARKS.md');
const options = parseBenchOptions(process.argv.slice(2));
/** Netloom's Node rates on LeNet, from the training benchmark when it ran first: the browser section compares with them. */
let nodeRates: NodeRate[] | undefined;

async function training(): Promise<BenchResult> {
  if (options.training.backend === 'webgpu') return benchWebGpu({ trials: options.training.trials, seconds: options.training.seconds, ...options.gpu });
  const result = await benchTraining(options.training);
  nodeRates = result.medians
    .filter((engine) => engine.info.engine === 'Netloom' && engine.samplesPerSecond.has('lenet'))
    .map((engine) => ({ label: engine.label, backend: engine.info.backend ?? '', threads: engine.info.threads, samplesPerSecond: engine.samplesPerSecond.get('lenet') ?? 0 }));
  return result;
}

const benchmarks: Record<BenchmarkName, () => BenchResult | Promise<BenchResult>> = {
  validate: benchValidate,
  kernels: benchKernels,
  ui: benchUiFrames,
  training,
  // The ui benchmark, when it ran just before, has built the web app already.
  browser: () => benchBrowserTraining({ seconds: options.browserSeconds, build: !options.benchmarks.includes('ui'), nodeRates }),
};

const results: BenchResult[] = [];
// In their own order whatever the command line's: the browser section needs the training one's rates.
for (const name of BENCHMARK_NAMES.filter((known) => options.benchmarks.includes(known))) {
  const result = await benchmarks[name]();
  results.push(result);
  console.log(`${result.pass ? 'meets target' : 'MISSES TARGET'}: ${result.name}`);
  if (result.table !== undefined) for (const row of [result.table.header, ...result.table.rows]) console.log(`  ${row.join(' | ')}`);
  for (const [label, value] of result.rows) console.log(`  ${label}: ${value}`);
}

/** The sections already in BENCHMARKS.md, by heading, in their order. */
function existingSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(FILE)) return sections;
  for (const part of readFileSync(FILE, 'utf8').split(/^(?=## )/m).slice(1)) sections.set(part.split('\n')[0].slice(3).trim(), part.trimEnd());
  return sections;
}

const sections = existingSections();
for (const result of results) sections.set(result.name, formatSection(result));
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const intro = 'Written by `npm run bench` (`-- --only training` and the like rerun some sections and keep the others); numbers from one run per section on the machine below. Ratios compare engines measured in the same run.';
writeFileSync(FILE, ['# Benchmarks', '', intro, '', `Machine: ${machine}.`, '', [...sections.values()].join('\n\n'), ''].join('\n'));
console.log('wrote BENCHMARKS.md');
