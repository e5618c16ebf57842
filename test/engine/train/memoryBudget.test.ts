// The memory budget refuses a run before anything is allocated, naming the largest parts and their nodes.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../engine/backends/index.ts';
import { compileGraph } from '../../../engine/compile/index.ts';
import { createDataset } from '../../../engine/data/index.ts';
import { analyzeGraph, type GraphDocument } from '../../../engine/graph/index.ts';
import { checkMemoryBudget, datasetMemory } from '../../../engine/train/memoryBudget.ts';
import { prepareSupervised, RunSetupError } from '../../../engine/train/setup.ts';
import { chainDocument } from '../graph/build.ts';

function wideMlp(units: number) {
  return chainDocument(
    [
      { id: 'in', type: 'Input', params: { kind: 'vector', features: 4 } },
      { id: 'wide', type: 'Dense', params: { units } },
      { id: 'relu', type: 'ReLU' },
      { id: 'out', type: 'Dense', params: { units: 2 } },
      { id: 'loss', type: 'SoftmaxCrossEntropy' },
    ],
    'classify',
    { optimizer: { type: 'adam', learningRate: 0.001 }, batchSize: 8, validationSplit: 0 },
  );
}

function parsed(document: unknown): GraphDocument {
  const result = analyzeGraph(document).document;
  if (result === null) throw new Error('the test graph does not parse');
  return result;
}

function refusal(work: () => unknown): RunSetupError {
  try {
    work();
  } catch (cause) {
    if (cause instanceof RunSetupError) return cause;
    throw cause;
  }
  throw new Error('expected a refusal');
}

const dataset = createDataset({ name: 'four', count: 16, inputDims: [4], inputs: { kind: 'float', values: new Float32Array(64) }, targetDims: [], targets: { kind: 'class', values: new Int32Array(16), classNames: ['a', 'b'] } });

describe('checkMemoryBudget', () => {
  it('passes a run within the limit and returns its estimate, the dataset included', () => {
    const compiled = compileGraph(wideMlp(3), { batchSize: 8 });
    const estimate = checkMemoryBudget([compiled], { limit: 1 << 20 }, datasetMemory(dataset, 'in'));
    expect(estimate.byCategory.dataset).toBe(64 * 4 + 16 * 4);
  });

  it('refuses with the need, the limit, the largest parts and their node, and what to change', () => {
    // wide: 4×100,000 weights + 100,000 biases = 500,000 parameters; out: 200,002.
    const compiled = compileGraph(wideMlp(100_000), { batchSize: 1 });
    const error = refusal(() => checkMemoryBudget([compiled], { limit: 2 ** 20 }));
    expect(error.nodeId).toBe('wide');
    expect(error.field).toBe('memoryLimit');
    // wide: 4×100,000 + 100,000 = 500,000 parameters (1.91 MiB), two Adam moments each (3.81 MiB).
    expect(error.message).toMatch(/^The run needs [0-9.]+ MiB, more than the 1 MiB memory limit: the largest parts are node wide's optimizer state \(3\.81 MiB\), node wide's weights \(1\.91 MiB\) and node wide's weight gradients \(1\.91 MiB\); make wide smaller/);
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('suggests a lower batch size where activations take the memory', () => {
    const compiled = compileGraph(wideMlp(4096), { batchSize: 4096 });
    const error = refusal(() => checkMemoryBudget([compiled], { limit: 2 ** 20 }));
    expect(error.message).toMatch(/node wide's activations \(128 MiB\)/);
    expect(error.message).toMatch(/lower the batch size \(4096\)\.$/);
  });

  it("refuses a model past its backend's per-program memory even within the run's limit", () => {
    const compiled = compileGraph(wideMlp(1000), { batchSize: 8 });
    const backend = { name: 'wasm', maxProgramBytes: 1000 } as unknown as Backend;
    const error = refusal(() => checkMemoryBudget([compiled], { limit: 2 ** 40, backend }));
    expect(error.message).toMatch(/^One model of the run needs [0-9.]+ KiB, more than one model may take on the wasm backend \(1000 bytes\): .*, or train on the cpu backend\.$/);
  });
});

describe('prepareSupervised', () => {
  it('checks the data against the Input before compiling: a 65536-wide Input on 4-column data costs nothing', () => {
    const document = chainDocument(
      [
        { id: 'in', type: 'Input', params: { kind: 'vector', features: 65536 } },
        { id: 'dense1', type: 'Dense', params: { units: 16384 } },
        { id: 'out', type: 'Dense', params: { units: 2 } },
        { id: 'loss', type: 'SoftmaxCrossEntropy' },
      ],
      'classify',
      { batchSize: 8, validationSplit: 0 },
    );
    const before = process.memoryUsage().arrayBuffers;
    const error = refusal(() => prepareSupervised(parsed(document), dataset, { memoryLimit: 2 ** 40 }));
    expect(error.message).toBe('The data "four" has examples of 4, but Input in expects 65536. Set the Input to the data\'s shape.');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(2 ** 20);
  });

  it('refuses a run over its memory limit before allocating the model', () => {
    const before = process.memoryUsage().arrayBuffers;
    const error = refusal(() => prepareSupervised(parsed(wideMlp(1_000_000)), dataset, { memoryLimit: 2 ** 27 }));
    expect(error.message).toMatch(/^The run needs 2[0-9.]+ MiB, more than the 128 MiB memory limit: the largest parts are node wide's/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(2 ** 20);
  });
});
