// Times one op of the IR on a backend: a Program of that single call with random inputs, run
// `repeats` times in one submission after a warm-up, then read back (read waits for the device).
import type { Backend } from '../../engine/backends/backend.ts';
import type { BufferSpec, Op, Program } from '../../engine/ir/index.ts';
import { elementCount } from '../../engine/ir/index.ts';

export interface KernelCase {
  readonly label: string;
  readonly op: Op;
  readonly inputs: readonly (readonly number[])[];
  readonly output: readonly number[];
  /** Multiply-adds ×2 of one call, for GFLOP/s. */
  readonly flops: number;
}

function program({ label, op, inputs, output }: KernelCase): Program {
  const buffers: BufferSpec[] = inputs.map((shape, id) => ({ id, descriptor: { shape, dtype: 'f32' }, role: 'input' }));
  buffers.push({ id: inputs.length, descriptor: { shape: output, dtype: 'f32' }, role: 'activation' });
  return { buffers, calls: [{ op, inputs: inputs.map((_, id) => id), outputs: [inputs.length], node: label }] };
}

/** Milliseconds per call: the median of `trials` batches of `repeats` calls each. */
export async function timeKernel(backend: Backend, kernel: KernelCase, repeats: number, trials = 3): Promise<number> {
  const buffers = backend.allocate(program(kernel), { precision: 'f32', seed: 0 });
  try {
    kernel.inputs.forEach((shape, id) => buffers.write(id, Float32Array.from({ length: elementCount(shape) }, (_, index) => Math.sin(index * 0.37))));
    const bound = buffers.bind(program(kernel).calls);
    const output = kernel.inputs.length;
    buffers.run(bound);
    await buffers.read(output);
    const times: number[] = [];
    for (let trial = 0; trial < trials; trial++) {
      const start = performance.now();
      for (let repeat = 0; repeat < repeats; repeat++) buffers.run(bound);
      await buffers.read(output);
      times.push((performance.now() - start) / repeats);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  } finally {
    buffers.dispose();
  }
}

const none = { top: 0, bottom: 0, left: 0, right: 0 };
const same = { top: 2, bottom: 2, left: 2, right: 2 };
const unit = { stride: [1, 1], dilation: [1, 1] } as const;

/** LeNet-5's two convolutions at a batch, each direction: conv1 28×28×1 → 6 (5×5, padding 2), conv2 14×14×6 → 16 (5×5). */
export function lenetConvolutions(batch: number): KernelCase[] {
  const layers = [
    { name: 'conv1', input: [batch, 28, 28, 1], weights: [5, 5, 1, 6], output: [batch, 28, 28, 6], padding: same },
    { name: 'conv2', input: [batch, 14, 14, 6], weights: [5, 5, 6, 16], output: [batch, 10, 10, 16], padding: none },
  ];
  return layers.flatMap(({ name, input, weights, output, padding }) => {
    const flops = 2 * elementCount(output) * weights[0] * weights[1] * weights[2];
    const attributes = { ...unit, padding };
    return [
      { label: `${name} conv2d`, op: { op: 'conv2d', ...attributes }, inputs: [input, weights], output, flops },
      { label: `${name} conv2dBackwardInput`, op: { op: 'conv2dBackwardInput', ...attributes }, inputs: [output, weights], output: input, flops },
      { label: `${name} conv2dBackwardFilter`, op: { op: 'conv2dBackwardFilter', ...attributes }, inputs: [input, output], output: weights, flops },
    ] satisfies KernelCase[];
  });
}

/** A square fp32 matmul of `size`³. */
export function squareMatmul(size: number): KernelCase {
  return { label: `matmul ${size}³`, op: { op: 'matmul', transposeA: false, transposeB: false }, inputs: [[size, size], [size, size]], output: [size, size], flops: 2 * size ** 3 };
}
