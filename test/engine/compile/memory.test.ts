// The memory estimate of a compiled graph, against byte counts worked out by hand from the layers.
import { describe, expect, it } from 'vitest';
import { compileGraph, estimateMemory, safeElementCount } from '../../../engine/compile/index.ts';
import { formatBytes } from '../../../engine/graph/index.ts';
import { chainDocument } from '../graph/build.ts';

const FLOAT = 4;

function mlp(optimizer: Record<string, unknown> = { type: 'adam', learningRate: 0.001 }) {
  return chainDocument(
    [
      { id: 'in', type: 'Input', params: { kind: 'vector', features: 4 } },
      { id: 'dense1', type: 'Dense', params: { units: 3 } },
      { id: 'relu1', type: 'ReLU' },
      { id: 'dense2', type: 'Dense', params: { units: 2 } },
      { id: 'loss', type: 'SoftmaxCrossEntropy' },
    ],
    'classify',
    { optimizer },
  );
}

function cnn() {
  return chainDocument(
    [
      { id: 'in', type: 'Input', params: { kind: 'image', height: 6, width: 6, channels: 1 } },
      { id: 'conv', type: 'Conv2D', params: { filters: 2, kernelSize: [3, 3] } },
      { id: 'relu', type: 'ReLU' },
      { id: 'pool', type: 'MaxPool2D', params: { poolSize: [2, 2] } },
      { id: 'flat', type: 'Flatten' },
      { id: 'dense', type: 'Dense', params: { units: 3 } },
      { id: 'loss', type: 'SoftmaxCrossEntropy' },
    ],
    'classify',
    { optimizer: { type: 'momentum', learningRate: 0.1, momentum: 0.9 } },
  );
}

describe('estimateMemory', () => {
  it('counts a small MLP at batch 5 with Adam, part by part', () => {
    const estimate = estimateMemory(compileGraph(mlp(), { batchSize: 5 }));
    const parameters = 4 * 3 + 3 + 3 * 2 + 2; // 23 weights and biases
    expect(estimate.byCategory.parameters).toBe(parameters * FLOAT);
    expect(estimate.byCategory.gradients).toBe(parameters * FLOAT);
    expect(estimate.byCategory.optimizer).toBe(2 * parameters * FLOAT); // Adam: two moments a parameter
    // dense1 product and output (5×3 each), relu1 (5×3), dense2 product and output (5×2 each),
    // the loss (1), the probabilities (5×2) and the gradient norm the clipping computes (1).
    expect(estimate.byCategory.activations).toBe((15 + 15 + 15 + 10 + 10 + 1 + 10 + 1) * FLOAT);
    // Gradients of dense2's output (5×2), relu1's output (5×3) and dense1's output (5×3).
    expect(estimate.byCategory.activationGradients).toBe((10 + 15 + 15) * FLOAT);
    // The input batch (5×4 floats), the labels (5 ids) and the optimizer's three step scalars.
    expect(estimate.byCategory.batches).toBe((20 + 5 + 3) * 4);
    expect(estimate.byCategory.state).toBe(FLOAT); // the backward pass's seed, d loss = 1
    expect(estimate.bytes).toBe(952);
  });

  it('counts a small CNN at batch 2 with momentum; the flatten view costs nothing', () => {
    const estimate = estimateMemory(compileGraph(cnn(), { batchSize: 2 }));
    const parameters = 3 * 3 * 1 * 2 + 2 + 8 * 3 + 3; // 47
    expect(estimate.byCategory.parameters).toBe(parameters * FLOAT);
    expect(estimate.byCategory.gradients).toBe(parameters * FLOAT);
    expect(estimate.byCategory.optimizer).toBe(parameters * FLOAT); // one velocity a parameter
    // conv (2×4×4×2 before and after its bias), relu (64), pool (2×2×2×2), dense product and output
    // (2×3 each), loss (1), probabilities (2×3), gradient norm (1).
    expect(estimate.byCategory.activations).toBe((64 + 64 + 64 + 16 + 6 + 6 + 1 + 6 + 1) * FLOAT);
    expect(estimate.byCategory.activationGradients).toBe((6 + 16 + 64 + 64) * FLOAT);
    expect(estimate.byCategory.batches).toBe((2 * 36 + 2 + 3) * 4);
    expect(estimate.bytes).toBe(188 * 3 + 912 + 600 + 308 + 4);
  });

  it('names the node that owns each tensor, largest first', () => {
    const estimate = estimateMemory(compileGraph(mlp(), { batchSize: 5 }));
    // The largest is the input batch (5×4 floats), then 5×3 floats: dense1's product and output, relu1's output and two gradients.
    expect(estimate.tensors[0]).toMatchObject({ node: 'in', name: 'in/input', category: 'batches', bytes: 80 });
    const largest = estimate.tensors.filter((tensor) => tensor.bytes === 60);
    expect(estimate.tensors[1].bytes).toBe(60);
    expect(largest.map((tensor) => `${tensor.node} ${tensor.category}`).sort()).toEqual(['dense1 activationGradients', 'dense1 activations', 'dense1 activations', 'relu1 activationGradients', 'relu1 activations']);
    const weights = estimate.tensors.filter((tensor) => tensor.bytes === 48);
    expect(weights.map((tensor) => [tensor.node, tensor.category]).sort()).toEqual([
      ['dense1', 'gradients'],
      ['dense1', 'optimizer'],
      ['dense1', 'optimizer'],
      ['dense1', 'parameters'],
    ]);
    expect(estimate.tensors.find((tensor) => tensor.name === 'optimizer/scalars')?.node).toBeNull();
  });

  it('counts a Dense 1,000,000 × 1,000,000 without allocating it', () => {
    const huge = chainDocument([
      { id: 'in', type: 'Input', params: { kind: 'vector', features: 1_000_000 } },
      { id: 'wide', type: 'Dense', params: { units: 1_000_000 } },
      { id: 'loss', type: 'MSE' },
    ], 'regress');
    const before = process.memoryUsage().arrayBuffers;
    const estimate = estimateMemory(compileGraph(huge, { batchSize: 1 }));
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(2 ** 20);
    const weights = 1e12 * FLOAT;
    expect(estimate.byCategory.parameters).toBe(weights + 1e6 * FLOAT);
    expect(estimate.byCategory.optimizer).toBe(2 * (weights + 1e6 * FLOAT));
    expect(estimate.tensors[0]).toMatchObject({ node: 'wide', bytes: weights });
    expect(formatBytes(estimate.bytes)).toBe('14.6 TiB');
  });

  it('says when element counts pass what a double counts exactly', () => {
    expect(safeElementCount([2 ** 30, 2 ** 30])).toBe(2 ** 60 > Number.MAX_SAFE_INTEGER ? Number.POSITIVE_INFINITY : 2 ** 60);
    expect(safeElementCount([3, 4, 5])).toBe(60);
    expect(safeElementCount([])).toBe(1);
  });
});

describe('formatBytes', () => {
  it('writes binary units with three significant digits', () => {
    expect([formatBytes(512), formatBytes(1536), formatBytes(12 * 2 ** 30), formatBytes(7.45 * 2 ** 40), formatBytes(Number.POSITIVE_INFINITY)]).toEqual(['512 bytes', '1.5 KiB', '12 GiB', '7.45 TiB', 'more than 8 PiB']);
  });
});
