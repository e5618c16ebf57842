// The registry covers every op, and a Program (a two-layer classifier, forward and backward) runs on
// preallocated buffers with its gradients checked end to end by central differences.
import { describe, expect, it } from 'vitest';
import { allocateBuffers, bindCalls, kernelRegistry, runCalls, type CpuTensor } from '../../../../engine/backends/cpu/index.ts';
import { OP_SIGNATURES, type BufferSpec, type KernelCall, type Program } from '../../../../engine/ir/index.ts';
import { checkGradients } from './helpers.ts';

function buffer(id: number, shape: number[], role: BufferSpec['role'], extra: Partial<BufferSpec> = {}): BufferSpec {
  return { id, descriptor: { shape, dtype: 'f32' }, role, ...extra };
}

/** x [4, 2, 3] flattened (an alias) -> Dense 6→5 -> ReLU -> Dense 5→3 -> softmax cross-entropy, and its backward pass. */
const classifier: Program = {
  buffers: [
    buffer(0, [4, 2, 3], 'input'),
    buffer(1, [4, 6], 'activation', { aliasOf: 0 }),
    buffer(2, [6, 5], 'parameter', { name: 'dense1/weights', initializer: { kind: 'heNormal', fanIn: 6 } }),
    buffer(3, [5], 'parameter', { name: 'dense1/bias', initializer: { kind: 'uniform', low: -0.1, high: 0.1 } }),
    buffer(4, [4, 5], 'activation'),
    buffer(5, [4, 5], 'activation'),
    buffer(6, [4, 5], 'activation'),
    buffer(7, [5, 3], 'parameter', { name: 'dense2/weights', initializer: { kind: 'glorotUniform', fanIn: 5, fanOut: 3 } }),
    buffer(8, [3], 'parameter', { name: 'dense2/bias', initializer: { kind: 'zeros' } }),
    buffer(9, [4, 3], 'activation'),
    buffer(10, [4, 3], 'activation'),
    { id: 11, descriptor: { shape: [4], dtype: 'i32' }, role: 'input' },
    buffer(12, [], 'activation'),
    buffer(13, [4, 3], 'activation'),
    buffer(14, [], 'state', { initializer: { kind: 'ones' } }),
    buffer(15, [4, 3], 'gradient'),
    buffer(16, [5, 3], 'gradient'),
    buffer(17, [3], 'gradient'),
    buffer(18, [4, 5], 'gradient'),
    buffer(19, [4, 5], 'gradient'),
    buffer(20, [6, 5], 'gradient'),
    buffer(21, [5], 'gradient'),
  ],
  calls: [
    { op: { op: 'matmul', transposeA: false, transposeB: false }, inputs: [1, 2], outputs: [4], node: 'dense1' },
    { op: { op: 'biasAdd' }, inputs: [4, 3], outputs: [5], node: 'dense1' },
    { op: { op: 'relu' }, inputs: [5], outputs: [6], node: 'relu' },
    { op: { op: 'matmul', transposeA: false, transposeB: false }, inputs: [6, 7], outputs: [9], node: 'dense2' },
    { op: { op: 'biasAdd' }, inputs: [9, 8], outputs: [10], node: 'dense2' },
    { op: { op: 'softmaxCrossEntropy' }, inputs: [10, 11], outputs: [12, 13], node: 'loss' },
    { op: { op: 'softmaxCrossEntropyBackward' }, inputs: [13, 11, 14], outputs: [15], node: 'loss' },
    { op: { op: 'matmul', transposeA: true, transposeB: false }, inputs: [6, 15], outputs: [16], node: 'dense2' },
    { op: { op: 'reduceSum', axes: [0] }, inputs: [15], outputs: [17], node: 'dense2' },
    { op: { op: 'matmul', transposeA: false, transposeB: true }, inputs: [15, 7], outputs: [18], node: 'dense2' },
    { op: { op: 'reluBackward' }, inputs: [5, 18], outputs: [19], node: 'relu' },
    { op: { op: 'matmul', transposeA: true, transposeB: false }, inputs: [1, 19], outputs: [20], node: 'dense1' },
    { op: { op: 'reduceSum', axes: [0] }, inputs: [19], outputs: [21], node: 'dense1' },
  ],
};

function get(tensors: Map<number, CpuTensor>, id: number): CpuTensor {
  const tensor = tensors.get(id);
  if (tensor === undefined) throw new Error(`no buffer ${id}`);
  return tensor;
}

describe('the CPU kernel registry', () => {
  it('has exactly one kernel per op of the IR', () => {
    expect(Object.keys(kernelRegistry).sort()).toEqual(Object.keys(OP_SIGNATURES).sort());
  });
});

describe('running a program', () => {
  it('computes the loss and gradients of a two-layer classifier, checked by central differences', () => {
    const tensors = allocateBuffers(classifier, 'f64', 2024);
    get(tensors, 0).data.set(Array.from({ length: 24 }, (_, index) => Math.sin(index * 1.3)));
    get(tensors, 11).data.set([0, 2, 1, 2]);
    const forward = bindCalls(classifier.calls.slice(0, 6), tensors);
    const everything = bindCalls(classifier.calls, tensors);
    const parameters = [2, 3, 7, 8].map((id) => get(tensors, id).data as Float64Array);
    checkGradients({
      inputs: { w1: parameters[0], b1: parameters[1], w2: parameters[2], b2: parameters[3] },
      forward: () => (runCalls(forward), get(tensors, 12).data as Float64Array),
      backward: (dLoss) => {
        get(tensors, 14).data.set(dLoss);
        runCalls(everything);
        return { w1: get(tensors, 20).data as Float64Array, b1: get(tensors, 21).data as Float64Array, w2: get(tensors, 16).data as Float64Array, b2: get(tensors, 17).data as Float64Array };
      },
    });
  });

  it('initializes from one seed, and aliases share storage', () => {
    const first = allocateBuffers(classifier, 'f32', 7);
    const second = allocateBuffers(classifier, 'f32', 7);
    expect(Array.from(get(first, 2).data)).toEqual(Array.from(get(second, 2).data));
    expect(get(first, 2).data).toBeInstanceOf(Float32Array);
    expect(Array.from(get(first, 14).data)).toEqual([1]);
    expect(get(first, 1).data).toBe(get(first, 0).data);
  });

  it('says which call and node failed', () => {
    const tensors = allocateBuffers(classifier);
    get(tensors, 11).data.set([0, 1, 7, 0]);
    expect(() => runCalls(bindCalls(classifier.calls, tensors))).toThrow(/call 5 \(softmaxCrossEntropy of node loss\): softmaxCrossEntropy: label 7 of example 2/);
  });

  it('refuses a malformed program', () => {
    const broken: Program = { buffers: classifier.buffers, calls: [...classifier.calls, { op: { op: 'relu' }, inputs: [99], outputs: [4] } as KernelCall] };
    expect(() => allocateBuffers(broken)).toThrow(/buffer 99, which is not declared/);
  });
});
