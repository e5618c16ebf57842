// `npm run bench`: runs every benchmark and writes BENCHMARKS.md.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchKernels } from './kernels.ts';
import { formatSection, type BenchResult } from './measure.ts';
import { benchUiFrames } from './uiFrames.ts';
import { benchValidate } from './validate.ts';

const benchmarks: readonly (() => BenchResult | Promise<BenchResult>)[] = [benchValidate, benchKernels, benchUiFrames];

const results: BenchResult[] = [];
for (const benchmark of benchmarks) {
  const result = await benchmark();
  results.push(result);
  console.log(`${result.pass ? 'meets target' : 'MISSES TARGET'}: ${result.name}`);
  for (const [label, value] of result.rows) console.log(`  ${label}: ${value}`);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const sections = results.map(formatSection);
const text = ['# Benchmarks', '', 'Written by `npm run bench`; numbers from one run on the machine below. Ratios compare engines measured in the same run.', '', `Machine: ${machine}.`, '', sections.join('\n\n'), ''].join('\n');
writeFileSync(join(import.meta.dirname, '../BENCHMARKS.md'), text);
console.log('wrote BENCHMARKS.md');
