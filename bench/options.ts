// `npm run bench` options: which benchmarks run, and how long the training benchmark measures.
import type { TrainingOptions } from './training/protocol.ts';

export const BENCHMARK_NAMES = ['validate', 'kernels', 'ui', 'training', 'browser'] as const;
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];

/** The WebGPU benchmark's own options (it runs instead of the training benchmark with --backend webgpu). */
export interface GpuOptions {
  /** Steps between loss reads while timing. */
  readonly readEvery: number;
  /** The GPU's fp32 peak in TFLOP/s, where the benchmark's table lacks it. */
  readonly peakTflops?: number;
}

export interface BenchOptions {
  readonly benchmarks: readonly BenchmarkName[];
  readonly training: TrainingOptions;
  readonly gpu: GpuOptions;
  /** Seconds the browser benchmark trains in the app. */
  readonly browserSeconds: number;
}

export const USAGE = `npm run bench -- [--only ${BENCHMARK_NAMES.join(',')}] [--skip ui] [--quick] [--trials 6] [--seconds 3] [--heap-steps 1000] [--backend wasm] [--threads 1,2] [--with-cpu] [--browser-seconds 20] [--read-every 10] [--gpu-peak-tflops 67]
  --quick            3 trials of 1 s, 10 s in the browser (the numbers are rougher)
  --only, --skip     comma-separated benchmark names
  --backend          the Netloom backend the training benchmark measures (wasm or cpu); webgpu runs
                     the WebGPU benchmark instead (bench/gpu: the models, a 4096³ matmul and
                     PyTorch on CUDA where it has a GPU; correctness runs only on SwiftShader)
  --threads          thread counts at which a threaded Netloom backend and PyTorch are each measured
  --with-cpu         also measures Netloom's cpu reference backend
  --browser-seconds  how long the browser benchmark trains LeNet-5 in the app
  --read-every       WebGPU: training steps between loss reads while timing
  --gpu-peak-tflops  WebGPU: the GPU's fp32 peak, for the matmul's share of it (H100 and H200 are known)`;

const VALUE_FLAGS = ['--only', '--skip', '--trials', '--seconds', '--heap-steps', '--backend', '--threads', '--browser-seconds', '--read-every', '--gpu-peak-tflops'];

function names(value: string): BenchmarkName[] {
  const list = value.split(',').map((name) => name.trim());
  const unknown = list.filter((name) => !(BENCHMARK_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown benchmark "${unknown[0]}": use ${BENCHMARK_NAMES.join(', ')}.\n${USAGE}`);
  return list as BenchmarkName[];
}

function positive(flag: string, value: string, allowZero = false): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || (number === 0 && !allowZero)) throw new Error(`${flag} needs a positive number, not "${value}".\n${USAGE}`);
  return number;
}

function threadCounts(value: string): number[] {
  const counts = value.split(',').map((count) => positive('--threads', count));
  if (counts.some((count) => !Number.isInteger(count))) throw new Error(`--threads needs whole thread counts, not "${value}".\n${USAGE}`);
  return [...new Set(counts)];
}

function applyTraining(training: TrainingOptions, flag: string, value: string): TrainingOptions {
  switch (flag) {
    case '--trials':
      return { ...training, trials: Math.round(positive(flag, value)) };
    case '--seconds':
      return { ...training, seconds: positive(flag, value) };
    case '--heap-steps':
      return { ...training, heapSteps: Math.round(positive(flag, value, true)) };
    case '--threads':
      return { ...training, threads: threadCounts(value) };
    default:
      if (value === '' || value.startsWith('--')) throw new Error(`--backend needs a backend name (wasm, cpu or webgpu).\n${USAGE}`);
      return { ...training, backend: value };
  }
}

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let benchmarks: readonly BenchmarkName[] = BENCHMARK_NAMES;
  const quick = argv.includes('--quick');
  let training: TrainingOptions = { trials: quick ? 3 : 6, seconds: quick ? 1 : 3, backend: 'wasm', threads: [1, 2], withCpu: false, heapSteps: 1000 };
  let browserSeconds = quick ? 10 : 20;
  let gpu: GpuOptions = { readEvery: 10 };
  for (let index = 0; index < argv.length; index++) {
    const [flag, value = ''] = [argv[index], argv[index + 1]];
    if (flag === '--quick') continue;
    if (flag === '--with-cpu') {
      training = { ...training, withCpu: true };
      continue;
    }
    if (!VALUE_FLAGS.includes(flag)) throw new Error(`Unknown option "${flag}".\n${USAGE}`);
    index++;
    if (flag === '--only') benchmarks = names(value);
    else if (flag === '--skip') benchmarks = benchmarks.filter((name) => !names(value).includes(name));
    else if (flag === '--browser-seconds') browserSeconds = positive(flag, value);
    else if (flag === '--read-every') gpu = { ...gpu, readEvery: Math.max(1, Math.round(positive(flag, value))) };
    else if (flag === '--gpu-peak-tflops') gpu = { ...gpu, peakTflops: positive(flag, value) };
    else training = applyTraining(training, flag, value);
  }
  return { benchmarks, training, gpu, browserSeconds };
}
