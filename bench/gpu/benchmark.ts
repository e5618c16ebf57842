// `npm run bench -- --backend webgpu`: the training benchmark's models (LeNet-5, the MLP, the LSTM)
// on Netloom's WebGPU backend in Node (the `webgpu` package: Dawn), each first checked against the
// same seeded model on the wasm backend (the first steps' losses), then timed; a square fp32
// matmul in GFLOP/s (and its share of the GPU's fp32 peak) and LeNet-5's convolution kernels.
// Beside them PyTorch on CUDA where torch.cuda.is_available(). On SwiftShader (a CPU emulator)
// the section says these are correctness runs, not speed, and keeps to a few steps.
import { createWebGpuBackend } from '../../engine/backends/webgpu/index.ts';
import type { Backend } from '../../engine/backends/backend.ts';
import { useNodeBackends } from '../../engine/cli/backendEnvironment.ts';
import { middle, type BenchResult } from '../measure.ts';
import { MODEL_SPECS, type ModelSpec } from '../training/models.ts';
import { createBenchBackend } from '../training/netloom.ts';
import { lenetConvolutions, squareMatmul, timeKernel } from './kernelTiming.ts';
import { benchGpu, type BenchGpu } from './nodeGpu.ts';
import { startTorchCuda, type TorchCuda } from './torchCuda.ts';
import { gpuTrial, lossDifference, prepareGpuModel, stepLosses } from './webgpuTraining.ts';

export interface GpuBenchOptions {
  readonly trials: number;
  readonly seconds: number;
  /** Steps between loss reads while timing. */
  readonly readEvery: number;
  /** The GPU's fp32 peak in TFLOP/s (else looked up by adapter name in PEAKS). */
  readonly peakTflops?: number;
}

/** fp32 peaks (non-tensor) of GPUs this benchmark has a table entry for, by adapter name. */
const PEAKS: readonly (readonly [RegExp, number])[] = [[/H200/i, 67], [/H100.*PCIe/i, 51], [/H100/i, 67]];
/** Targets on a GPU: LeNet-5 and the MLP at least PyTorch's rate; the matmul at least this share of the peak. */
const TARGET_PEAK_SHARE = 0.4;
/** The wasm backend's losses and WebGPU's may differ by this much (relative) over the first steps. */
const LOSS_TOLERANCE = 1e-3;
const CHECKED_STEPS = 3;
const SPEED_MODELS = ['lenet', 'mlp'];

/** Three significant digits, whole numbers with thousands separators from 100 up. */
const figure = (value: number) => (value >= 100 ? Math.round(value).toLocaleString('en') : value.toPrecision(3));
const rate = figure;
const gflops = (flops: number, milliseconds: number) => figure(flops / milliseconds / 1e6);
/** The batch the emulator trains at (the models are the same; the step is cheaper). */
const EMULATED_BATCH = 8;

function smallBatch(spec: ModelSpec): ModelSpec {
  return { ...spec, batchSize: EMULATED_BATCH, label: spec.label.replace(/batch \d+/, `batch ${EMULATED_BATCH}`) };
}

interface ModelOutcome {
  readonly row: readonly string[];
  readonly agrees: boolean;
  readonly fastEnough: boolean;
}

async function measureModel(spec: ModelSpec, backend: Backend, reference: Backend, torch: TorchCuda | undefined, options: GpuBenchOptions): Promise<ModelOutcome> {
  const gpuModel = prepareGpuModel(spec, backend);
  const cpuModel = prepareGpuModel(spec, reference);
  const losses = await stepLosses(gpuModel, CHECKED_STEPS);
  const expected = await stepLosses(cpuModel, CHECKED_STEPS);
  cpuModel.model.dispose();
  const difference = lossDifference(losses, expected);
  const rates: number[] = [];
  const torchRates: number[] = [];
  let lastLoss = losses[losses.length - 1];
  if (torch !== undefined) await torch.prepare(spec);
  for (let trial = 0; trial < options.trials; trial++) {
    const timed = await gpuTrial(gpuModel, options.seconds, options.readEvery);
    rates.push((timed.steps * spec.batchSize) / timed.seconds);
    lastLoss = timed.losses[timed.losses.length - 1];
    if (torch !== undefined) torchRates.push(await torch.samplesPerSecond(spec, options.seconds));
  }
  gpuModel.model.dispose();
  const [ours, theirs] = [middle(rates), torchRates.length > 0 ? middle(torchRates) : undefined];
  const agrees = difference <= LOSS_TOLERANCE && Number.isFinite(lastLoss);
  const check = `${agrees ? 'agree' : 'DIFFER'}: first ${CHECKED_STEPS} losses ${losses.map((loss) => loss.toFixed(4)).join(', ')} (wasm ${expected.map((loss) => loss.toFixed(4)).join(', ')}; largest difference ${difference.toExponential(1)}), last ${lastLoss.toFixed(4)}`;
  const fastEnough = !SPEED_MODELS.includes(spec.name) || (theirs !== undefined && ours >= theirs);
  return { row: [spec.label, rate(ours), theirs === undefined ? '-' : rate(theirs), theirs === undefined ? '-' : `${(ours / theirs).toFixed(2)}×`, check], agrees, fastEnough };
}

function peakOf(gpu: BenchGpu, options: GpuBenchOptions): number | undefined {
  if (gpu.emulated) return undefined;
  return options.peakTflops ?? PEAKS.find(([pattern]) => pattern.test(gpu.adapter))?.[1];
}

async function matmulRow(gpu: BenchGpu, backend: Backend, torch: TorchCuda | undefined, options: GpuBenchOptions): Promise<{ row: string[]; share?: number }> {
  const size = gpu.emulated ? 256 : 4096;
  const kernel = squareMatmul(size);
  const milliseconds = await timeKernel(backend, kernel, gpu.emulated ? 1 : 20, gpu.emulated ? 1 : options.trials);
  const achieved = kernel.flops / milliseconds / 1e6;
  const peak = peakOf(gpu, options);
  const share = peak === undefined ? undefined : achieved / (peak * 1000);
  const torchGflops = torch === undefined ? undefined : await torch.matmulGflops(size, Math.min(options.seconds, 2));
  const shareText = share === undefined ? (gpu.emulated ? 'no peak: an emulator' : 'peak unknown: pass --gpu-peak-tflops') : `${(share * 100).toFixed(1)}% of ${peak} TFLOP/s (target ${TARGET_PEAK_SHARE * 100}%)`;
  const label = `matmul ${size}³ fp32, GFLOP/s${gpu.emulated ? ' (4096³ on a GPU)' : ''}`;
  return { row: [label, figure(achieved), torchGflops === undefined ? '-' : figure(torchGflops), torchGflops === undefined ? '-' : `${(achieved / torchGflops).toFixed(2)}×`, shareText], share };
}

async function convolutionRows(gpu: BenchGpu, backend: Backend): Promise<[string, string][]> {
  const batch = gpu.emulated ? EMULATED_BATCH : 64;
  const rows: [string, string][] = [];
  for (const kernel of lenetConvolutions(batch)) {
    const milliseconds = await timeKernel(backend, kernel, gpu.emulated ? 1 : 50, 3);
    rows.push([`LeNet-5 ${kernel.label}, batch ${batch}`, `${figure(milliseconds)} ms (${gflops(kernel.flops, milliseconds)} GFLOP/s)`]);
  }
  return rows;
}

export async function benchWebGpu(requested: GpuBenchOptions): Promise<BenchResult> {
  const gpu = await benchGpu();
  // On an emulator: one trial of one step per model, each loss read (correctness, in seconds).
  const options = gpu.emulated ? { ...requested, trials: 1, seconds: 0, readEvery: 1 } : requested;
  console.log(`WebGPU benchmark on ${gpu.adapter}${gpu.emulated ? ' (an emulator: correctness runs)' : ''}`);
  const backend = await createWebGpuBackend({ gpu: gpu.gpu });
  useNodeBackends();
  const reference = await createBenchBackend('wasm', 1);
  const torch = await startTorchCuda(options.readEvery);
  const torchDriver = 'driver' in torch ? torch.driver : undefined;
  try {
    const outcomes: ModelOutcome[] = [];
    for (const spec of MODEL_SPECS) outcomes.push(await measureModel(gpu.emulated ? smallBatch(spec) : spec, backend, reference, torchDriver, options));
    const matmul = await matmulRow(gpu, backend, torchDriver, options);
    const convolutions = await convolutionRows(gpu, backend);
    const agrees = outcomes.every((outcome) => outcome.agrees);
    const fast = outcomes.every((outcome) => outcome.fastEnough) && matmul.share !== undefined && matmul.share >= TARGET_PEAK_SHARE;
    const rows: [string, string][] = [
      ['adapter', `${gpu.adapter} (Dawn through the webgpu package, Node ${process.version})`],
      ['what these numbers are', gpu.emulated ? `CORRECTNESS RUNS, NOT SPEED: SwiftShader runs WebGPU on the CPU; batch ${EMULATED_BATCH}, one timed step per model, a small matmul` : `speed: ${options.trials} trials of ${options.seconds} s per model, loss read every ${options.readEvery} steps and after the last`],
      ['PyTorch', 'info' in torch ? torch.info : torch.reason],
      ['targets', gpu.emulated ? `losses agree with the wasm backend within ${LOSS_TOLERANCE} (speed targets need a GPU)` : `LeNet-5 and the MLP at least PyTorch CUDA's rate; matmul at least ${TARGET_PEAK_SHARE * 100}% of the fp32 peak; losses agree with wasm within ${LOSS_TOLERANCE}`],
      ...convolutions,
    ];
    const header = ['model', 'Netloom WebGPU, samples/s', 'PyTorch CUDA', 'ratio', 'check'];
    const name = gpu.emulated ? 'WebGPU on SwiftShader (correctness runs, not speed)' : 'WebGPU on a GPU against PyTorch CUDA';
    return { name, table: { header, rows: [...outcomes.map((outcome) => outcome.row), matmul.row] }, rows, pass: agrees && (gpu.emulated || fast) };
  } finally {
    torchDriver?.close();
    reference.dispose();
    backend.dispose();
  }
}
