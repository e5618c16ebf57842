// `npm run bench` options: which benchmarks run, and how long the training benchmark measures.
import type { TrainingOptions } from './training/protocol.ts';

export const BENCHMARK_NAMES = ['validate', 'kernels', 'ui', 'training'] as const;
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];

export interface BenchOptions {
  readonly benchmarks: readonly BenchmarkName[];
  readonly training: TrainingOptions;
}

export const USAGE = `npm run bench -- [--only ${BENCHMARK_NAMES.join(',')}] [--skip ui] [--quick] [--trials 6] [--seconds 3] [--heap-steps 1000] [--backend cpu]
  --quick          3 trials of 1 s (the numbers are rougher)
  --only, --skip   comma-separated benchmark names
  --backend        the Netloom backend the training benchmark measures`;

function names(value: string): BenchmarkName[] {
  const list = value.split(',').map((name) => name.trim());
  const unknown = list.filter((name) => !(BENCHMARK_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown benchmark "${unknown[0]}": use ${BENCHMARK_NAMES.join(', ')}.\n${USAGE}`);
  return list as BenchmarkName[];
}

function positive(flag: string, value: string, allowZero = false): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || (number === 0 && !allowZero)) throw new Error(`${flag} needs a positive number, not "${value}".\n${USAGE}`);
  return number;
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let benchmarks: readonly BenchmarkName[] = BENCHMARK_NAMES;
  const quick = argv.includes('--quick');
  let training: TrainingOptions = { trials: quick ? 3 : 6, seconds: quick ? 1 : 3, backend: 'cpu', heapSteps: 1000 };
  for (let index = 0; index < argv.length; index++) {
    const [flag, value = ''] = [argv[index], argv[index + 1]];
    if (flag === '--quick') continue;
    if (!['--only', '--skip', '--trials', '--seconds', '--heap-steps', '--backend'].includes(flag)) throw new Error(`Unknown option "${flag}".\n${USAGE}`);
    index++;
    if (flag === '--only') benchmarks = names(value);
    else if (flag === '--skip') benchmarks = benchmarks.filter((name) => !names(value).includes(name));
    else if (flag === '--trials') training = { ...training, trials: Math.round(positive(flag, value)) };
    else if (flag === '--seconds') training = { ...training, seconds: positive(flag, value) };
    else if (flag === '--heap-steps') training = { ...training, heapSteps: Math.round(positive(flag, value, true)) };
    else if (value === '') throw new Error(`--backend needs a backend name.\n${USAGE}`);
    else training = { ...training, backend: value };
  }
  return { benchmarks, training };
}
