// The editor's shape-level memory estimate, against a hand count.
import { describe, expect, it } from 'vitest';
import { analyzeGraph, estimateGraphMemory, optimizerStateCount } from '../../../engine/graph/index.ts';
import { chainDocument } from './build.ts';

function mlp(optimizer: Record<string, unknown>) {
  const steps = [
    { id: 'in', type: 'Input', params: { kind: 'vector', features: 4 } },
    { id: 'dense1', type: 'Dense', params: { units: 3 } },
    { id: 'relu1', type: 'ReLU' },
    { id: 'dense2', type: 'Dense', params: { units: 2 } },
    { id: 'loss', type: 'SoftmaxCrossEntropy' },
  ];
  return chainDocument(steps, 'classify', { optimizer, batchSize: 5 });
}

describe('estimateGraphMemory', () => {
  it('counts weights, gradients and optimizer state, and each output with its gradient per example', () => {
    // 23 parameters × (value + gradient + 2 Adam moments); the input batch 5×4; dense1 and relu1
    // 5×3 and their gradients; dense2 5×2 and its gradient; the loss and its gradient.
    const values = 23 * 4 + 20 + 2 * 15 + 2 * 15 + 2 * 10 + 2;
    expect(estimateGraphMemory(analyzeGraph(mlp({ type: 'adam', learningRate: 0.001 })))).toBe(values * 4);
    expect(estimateGraphMemory(analyzeGraph(mlp({ type: 'sgd', learningRate: 0.1 })))).toBe((values - 23 * 2) * 4);
    expect(estimateGraphMemory(analyzeGraph(mlp({ type: 'adam', learningRate: 0.001 })), 10)).toBe((values + 20 + 2 * 15 + 2 * 15 + 2 * 10) * 4);
  });

  it('is 0 for a document that does not parse', () => {
    expect(estimateGraphMemory(analyzeGraph({ nodes: 'none' }))).toBe(0);
  });

  it('knows the state each optimizer keeps a parameter', () => {
    expect((['sgd', 'momentum', 'adam', 'adamw', 'rmsprop'] as const).map((type) => optimizerStateCount({ type, momentum: 0.9 }))).toEqual([0, 1, 2, 2, 1]);
    expect(optimizerStateCount({ type: 'momentum', momentum: 0 })).toBe(0);
  });
});
