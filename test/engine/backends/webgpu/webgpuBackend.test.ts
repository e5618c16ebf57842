// The WebGPU backend in Node (the `webgpu` package; SwiftShader without a GPU): small graphs and the
// convolutional and recurrent examples train end to end with the same losses as the cpu reference within float32
// tolerance; the registry,
// the op spec's skip list and the bundled shaders agree; a program with an op that has no kernel
// is refused with the op and node named. Skipped, with the reason, where no adapter is found.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { availableBackends, createBackend, defaultBackendName, setBackendEnvironment, type Backend } from '../../../../engine/backends/index.ts';
import { nodeBackendEnvironment } from '../../../../engine/cli/backendEnvironment.ts';
import { createWebGpuBackend, refuseMissingKernels, webgpuKernels, webgpuOps } from '../../../../engine/backends/webgpu/index.ts';
import { Model, Trainer } from '../../../../engine/index.ts';
import { GRAPH_FORMAT, TrainingSchema } from '../../../../engine/graph/index.ts';
import { elementCount, nextUniform, OP_SIGNATURES, seedRandomState, type OpName, type Program } from '../../../../engine/ir/index.ts';
import { OP_SPEC_SKIPS } from '../underTest.ts';
import { nodeGpu } from './nodeGpu.ts';

const { gpu, reason } = await nodeGpu();

it('the op spec skips exactly the ops without a WebGPU kernel', () => {
  const without = (Object.keys(OP_SIGNATURES) as OpName[]).filter((name) => !webgpuOps().includes(name)).sort();
  expect(Object.keys(OP_SPEC_SKIPS.webgpu ?? {}).sort()).toEqual(without);
  expect(Object.values(OP_SPEC_SKIPS.webgpu ?? {}).every((text) => text === 'no WebGPU kernel yet')).toBe(true);
});

it('shaders.ts holds the .wgsl files as they are (node scripts/buildWgsl.mjs --check)', () => {
  expect(() => execFileSync(process.execPath, ['scripts/buildWgsl.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
});

it('a program with an op that has no WebGPU kernel is refused, naming the op and its node', () => {
  const { concat: _concat, ...partial } = webgpuKernels;
  const calls = [{ op: { op: 'relu' }, inputs: [0], outputs: [1] }, { op: { op: 'concat', axis: 1 }, inputs: [0, 1], outputs: [2], node: 'join' }] as const;
  expect(() => refuseMissingKernels(calls, partial)).toThrow("The WebGPU backend has no kernel for 'concat' yet (call 1 of node join): train this model on the wasm or cpu backend.");
  expect(() => refuseMissingKernels(calls)).not.toThrow();
});

it('a GPU in the environment offers webgpu by name but leaves the default alone', () => {
  const fake = {} as GPU;
  setBackendEnvironment({ ...nodeBackendEnvironment(), cores: 1, gpu: fake });
  try {
    expect(availableBackends()).toContain('webgpu');
    expect(defaultBackendName()).toBe(availableBackends()[0]);
    expect(defaultBackendName()).not.toBe('webgpu');
  } finally {
    setBackendEnvironment({ ...nodeBackendEnvironment(), cores: 1 });
  }
  expect(availableBackends()).not.toContain('webgpu');
});

function graph(optimizer: Record<string, unknown>, loss: 'SoftmaxCrossEntropy' | 'MSE', activation: string): unknown {
  const units = loss === 'SoftmaxCrossEntropy' ? 2 : 1;
  return {
    format: GRAPH_FORMAT,
    version: 1,
    nodes: [
      { id: 'x', type: 'Input', params: { kind: 'vector', features: 2 }, position: { x: 0, y: 0 } },
      { id: 'hidden', type: 'Dense', params: { units: 8 }, position: { x: 1, y: 0 } },
      { id: 'activation', type: activation, params: {}, position: { x: 2, y: 0 } },
      { id: 'scores', type: 'Dense', params: { units }, position: { x: 3, y: 0 } },
      { id: 'loss', type: loss, params: {}, position: { x: 4, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'x', target: 'hidden' },
      { id: 'e2', source: 'hidden', target: 'activation' },
      { id: 'e3', source: 'activation', target: 'scores' },
      { id: 'e4', source: 'scores', target: 'loss' },
    ],
    training: { task: loss === 'SoftmaxCrossEntropy' ? 'classify' : 'regress', optimizer, seed: 3 },
  };
}

/** One batch of 4: explicit values, or (for the examples) seeded values sized from the compiled buffers. */
interface Batch {
  readonly input?: readonly number[];
  /** Labels or targets; none for an autoencoder (its input is its target). */
  readonly target?: readonly number[];
}

const XOR: Batch = { input: [0, 0, 0, 1, 1, 0, 1, 1], target: [0, 1, 1, 0] };

/** Seeded values for buffer `id`: uniform in [0, 1) for reals, 0 and 1 alternating for ids and labels. */
function valuesFor(model: Model, id: number, seed: number): number[] {
  const spec = model.compiled.program.buffers.find((buffer) => buffer.id === id);
  if (spec === undefined) throw new Error(`Buffer ${id} is not in the program.`);
  const random = seedRandomState(seed);
  const count = elementCount(spec.descriptor.shape);
  return Array.from({ length: count }, (_, index) => (spec.descriptor.dtype === 'i32' ? index % 2 : nextUniform(random)));
}

/** The losses of `steps` steps on one batch of 4, read back after each step. */
async function losses(backend: Backend, document: unknown, batch: Batch, steps: number): Promise<number[]> {
  const model = Model.compile(document, { batchSize: 4, backend });
  const input = model.inputBuffer([...model.compiled.inputs.keys()][0]);
  model.write(input, batch.input ?? valuesFor(model, input, 11));
  if (model.compiled.target !== null) model.write(model.compiled.target, batch.target ?? valuesFor(model, model.compiled.target, 12));
  const trainer = new Trainer(model, TrainingSchema.parse((document as { training: unknown }).training), steps);
  const result: number[] = [];
  for (let step = 0; step < steps; step++) {
    trainer.advance();
    const loss = model.compiled.loss;
    if (loss === null) throw new Error('The graph has no loss.');
    result.push((await model.read(loss)).data[0]);
  }
  return result;
}

/** An example graph of assets/examples. */
function example(name: string): unknown {
  return JSON.parse(readFileSync(`assets/examples/${name}.json`, 'utf8'));
}

const RUNS: [string, unknown, Batch, number][] = [
  ['XOR, tanh, softmax cross-entropy, Adam', graph({ type: 'adam', learningRate: 0.05 }, 'SoftmaxCrossEntropy', 'Tanh'), XOR, 30],
  ['XOR, sigmoid, mean squared error, Nesterov momentum with clipping', graph({ type: 'momentum', learningRate: 0.1, nesterov: true, gradientClip: 0.5 }, 'MSE', 'Sigmoid'), XOR, 30],
  ['XOR, relu, softmax cross-entropy, RMSprop with weight decay', graph({ type: 'rmsprop', learningRate: 0.01, weightDecay: 0.01 }, 'SoftmaxCrossEntropy', 'ReLU'), XOR, 30],
  ['the X-vs-O CNN example (conv2d, max pooling)', example('xo-cnn'), {}, 10],
  ['the LeNet-5 example (conv2d, average pooling)', example('lenet5'), {}, 5],
  ['the Fashion CNN example (batch norm, dropout)', example('fashion-cnn'), {}, 5],
  ['the convolutional autoencoder example (strided conv2d, convTranspose2d, MSE)', example('conv-autoencoder'), {}, 5],
  ['the sine LSTM example (lstm, MSE)', example('sine-lstm'), {}, 5],
  ['the GRU waveforms example (gru)', example('gru-waveforms'), {}, 5],
  ['the character LSTM example (embedding, lstm over every step, clipping)', example('char-lstm'), {}, 5],
];

describe.skipIf(gpu === undefined)(`training on WebGPU${gpu === undefined ? ` (skipped: ${reason})` : ''}`, () => {
  let backend: Backend | undefined;
  const webgpu = async (): Promise<Backend> => (backend ??= await createWebGpuBackend({ gpu: gpu as GPU }));
  afterAll(() => backend?.dispose());

  it.each(RUNS)('%s: the cpu reference\'s losses within 1e-4 at every step, and learning', async (_label, document, batch, steps) => {
    const expected = await losses(await createBackend('cpu'), document, batch, steps);
    const actual = await losses(await webgpu(), document, batch, steps);
    actual.forEach((loss, step) => {
      expect(Math.abs(loss - expected[step]), `step ${step}: ${loss} on WebGPU, ${expected[step]} on the cpu`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected[step])));
    });
    expect(actual[steps - 1]).toBeLessThan(actual[0]);
  });

  it('names the adapter and refuses float64', async () => {
    const created = await webgpu();
    expect(created.description).toMatch(/^WebGPU on /);
    const program: Program = { buffers: [{ id: 0, descriptor: { shape: [2], dtype: 'f32' }, role: 'input' }], calls: [] };
    expect(() => created.allocate(program, { precision: 'f64', seed: 0 })).toThrow("The WebGPU backend computes in float32 only; precision 'f64' (gradient checks) runs on the cpu backend.");
  });

  it('refuses at bind an output sharing an input\'s storage (not in place by its signature), naming the call', async () => {
    const program: Program = { buffers: [{ id: 0, descriptor: { shape: [5], dtype: 'f32' }, role: 'input' }], calls: [{ op: { op: 'relu' }, inputs: [0], outputs: [0], node: 'inPlace' }] };
    const buffers = (await webgpu()).allocate(program, { precision: 'f32', seed: 0 });
    expect(() => buffers.bind(program.calls)).toThrow('call 0 (relu of node inPlace): output 0 shares its storage with input 0, which a WebGPU kernel cannot read and write at once: give the output its own buffer.');
    buffers.dispose();
  });

  it('keeps seeded initial values (the same as the cpu backend) and aliases on one buffer', async () => {
    const program: Program = {
      buffers: [
        { id: 0, descriptor: { shape: [3, 4], dtype: 'f32' }, role: 'parameter', initializer: { kind: 'uniform', low: -1, high: 1 } },
        { id: 1, descriptor: { shape: [12], dtype: 'f32' }, role: 'parameter', aliasOf: 0 },
        { id: 2, descriptor: { shape: [12], dtype: 'f32' }, role: 'activation' },
      ],
      calls: [{ op: { op: 'scale', factor: 2 }, inputs: [1], outputs: [2] }],
    };
    const reference = (await createBackend('cpu')).allocate(program, { precision: 'f32', seed: 5 });
    const buffers = (await webgpu()).allocate(program, { precision: 'f32', seed: 5 });
    const initial = await reference.read(0);
    expect(Array.from(await buffers.read(0))).toEqual(Array.from(initial));
    expect(buffers.hostArray(0)).toBeUndefined();
    buffers.run(buffers.bind(program.calls));
    expect(Array.from(await buffers.read(2))).toEqual(Array.from(initial, (value) => 2 * value));
    buffers.dispose();
  });
});
