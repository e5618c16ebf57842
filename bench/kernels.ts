// The CPU backend's heaviest kernels (matmul, conv2d and its two gradients) at LeNet-5 sizes and a
// larger case, and one LeNet-5 training step, against PyTorch measured in the same run. PyTorch
// runs in Debian's /usr/bin/python3 (bench/kernels.py) limited to one thread, as our kernels are.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runKernel, type CpuTensor } from '../engine/backends/cpu/index.ts';
import { Model } from '../engine/index.ts';
import type { Op } from '../engine/ir/index.ts';
import { median, type BenchResult } from './measure.ts';

const PYTHON = '/usr/bin/python3';
/** A LeNet-5 step must leave 2 epochs of 9,000 digits (about 560 steps) well inside a minute. */
const STEP_TARGET_MS = 60;
const STEP_RUNS = 21;

interface MatmulCase {
  readonly kind: 'matmul';
  readonly label: string;
  readonly m: number;
  readonly k: number;
  readonly n: number;
  readonly runs: number;
}

interface ConvCase {
  readonly kind: 'conv';
  readonly label: string;
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly inChannels: number;
  readonly outChannels: number;
  /** Square kernel side; stride and dilation 1, the same padding on every side. */
  readonly kernel: number;
  readonly padding: number;
  readonly runs: number;
}

type Case = MatmulCase | ConvCase;

const CASES: readonly Case[] = [
  { kind: 'matmul', label: 'LeNet-5 dense1 [32, 400]·[400, 120]', m: 32, k: 400, n: 120, runs: 41 },
  { kind: 'matmul', label: 'large [256, 512]·[512, 512]', m: 256, k: 512, n: 512, runs: 9 },
  { kind: 'conv', label: 'LeNet-5 conv1 32×28×28×1 → 6, 5×5, padding 2', batch: 32, height: 28, width: 28, inChannels: 1, outChannels: 6, kernel: 5, padding: 2, runs: 21 },
  { kind: 'conv', label: 'LeNet-5 conv2 32×14×14×6 → 16, 5×5', batch: 32, height: 14, width: 14, inChannels: 6, outChannels: 16, kernel: 5, padding: 0, runs: 21 },
  { kind: 'conv', label: 'large 8×32×32×32 → 64, 3×3, padding 1', batch: 8, height: 32, width: 32, inChannels: 32, outChannels: 64, kernel: 3, padding: 1, runs: 7 },
];

interface Timing {
  readonly label: string;
  readonly ms: number;
  readonly flops: number;
}

function randomTensor(shape: readonly number[]): CpuTensor {
  const data = new Float32Array(shape.reduce((count, size) => count * size, 1));
  for (let index = 0; index < data.length; index++) data[index] = Math.random() * 2 - 1;
  return { shape, data };
}

function time(label: string, runs: number, flops: number, op: Op, inputs: CpuTensor[], outputs: CpuTensor[]): Timing {
  return { label, flops, ms: median(runs, () => runKernel(op, inputs, outputs)) };
}

function ourMatmul({ label, m, k, n, runs }: MatmulCase): Timing[] {
  const op: Op = { op: 'matmul', transposeA: false, transposeB: false };
  return [time(`${label} matmul`, runs, 2 * m * k * n, op, [randomTensor([m, k]), randomTensor([k, n])], [randomTensor([m, n])])];
}

function ourConv(spec: ConvCase): Timing[] {
  const { label, batch, height, width, inChannels, outChannels, kernel, padding, runs } = spec;
  const [outHeight, outWidth] = [height + 2 * padding - kernel + 1, width + 2 * padding - kernel + 1];
  const x = randomTensor([batch, height, width, inChannels]);
  const w = randomTensor([kernel, kernel, inChannels, outChannels]);
  const y = randomTensor([batch, outHeight, outWidth, outChannels]);
  const window = { stride: [1, 1], padding: { top: padding, bottom: padding, left: padding, right: padding }, dilation: [1, 1] } as const;
  const flops = 2 * batch * outHeight * outWidth * outChannels * kernel * kernel * inChannels;
  return [
    time(`${label} conv2d`, runs, flops, { op: 'conv2d', ...window }, [x, w], [y]),
    time(`${label} conv2dBackwardInput`, runs, flops, { op: 'conv2dBackwardInput', ...window }, [y, w], [x]),
    time(`${label} conv2dBackwardFilter`, runs, flops, { op: 'conv2dBackwardFilter', ...window }, [x, y], [w]),
  ];
}

/** Median of forward('train') + backward() of the LeNet-5 example, batch 32, on random digits. */
function ourLenetStep(): number {
  const document: unknown = JSON.parse(readFileSync(join(import.meta.dirname, '../assets/examples/lenet5.json'), 'utf8'));
  const model = Model.compile(document, { batchSize: 32 });
  const images = model.input('input1').data;
  for (let index = 0; index < images.length; index++) images[index] = Math.random();
  const labels = model.target().data;
  for (let index = 0; index < labels.length; index++) labels[index] = index % 10;
  return median(STEP_RUNS, () => {
    model.forward('train');
    model.backward();
  });
}

/** PyTorch's median milliseconds by label, or why there are none. */
function torchTimings(): { timings: Map<string, number>; version: string } | { skipped: string } {
  if (!existsSync(PYTHON)) return { skipped: `${PYTHON} is missing` };
  const run = spawnSync(PYTHON, [join(import.meta.dirname, 'kernels.py')], { input: JSON.stringify({ cases: CASES, stepRuns: STEP_RUNS }), encoding: 'utf8', timeout: 600_000 });
  if (run.status !== 0) {
    const lines = `${run.stderr ?? ''}`.trim().split('\n');
    return { skipped: `${PYTHON} bench/kernels.py failed: ${lines[lines.length - 1] || run.error?.message || `exit ${run.status}`}` };
  }
  const result = JSON.parse(run.stdout) as { timings: Record<string, number>; torch: string };
  return { timings: new Map(Object.entries(result.timings)), version: result.torch };
}

function describe(ours: number, theirs: number | undefined, flops?: number): string {
  const rate = flops === undefined ? '' : ` (${(flops / ours / 1e6).toFixed(2)} GFLOP/s)`;
  if (theirs === undefined) return `ours ${ours.toFixed(2)} ms${rate}`;
  return `ours ${ours.toFixed(2)} ms${rate} · PyTorch ${theirs.toFixed(3)} ms · ours/PyTorch ${(ours / theirs).toFixed(1)}×`;
}

export function benchKernels(): BenchResult {
  const ours = CASES.flatMap((spec) => (spec.kind === 'matmul' ? ourMatmul(spec) : ourConv(spec)));
  const step = ourLenetStep();
  const torch = torchTimings();
  const theirs = 'timings' in torch ? torch.timings : new Map<string, number>();
  const stepLabel = 'LeNet-5 training step';
  const comparison =
    'timings' in torch
      ? `PyTorch ${torch.version} CPU, torch.set_num_threads(1), NCHW; ours single-threaded, NHWC; both float32`
      : `skipped (${torch.skipped}); our numbers only`;
  return {
    name: "The cpu reference backend's kernels against PyTorch (one thread; the app trains on wasm: see the training section)",
    rows: [
      ['comparison', comparison],
      ...ours.map(({ label, ms, flops }): [string, string] => [label, describe(ms, theirs.get(label), flops)]),
      [`${stepLabel}, batch 32, forward + backward (target < ${STEP_TARGET_MS} ms)`, describe(step, theirs.get(stepLabel))],
    ],
    pass: step < STEP_TARGET_MS,
  };
}
