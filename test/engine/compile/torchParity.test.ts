// Every catalog layer through the whole compiler against PyTorch: each fixture (written by
// test/fixtures/torch/layers.py) is a graph Input(s) -> layer -> loss head with fixed weights,
// input and target; the layer's output, the loss, the input gradients and every parameter gradient
// must match PyTorch's, in float64 (to 1e-10) and in the default float32 (to each backend's
// tolerance), on every backend under test (../backends/underTest.ts; float64: the cpu reference).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../engine/backends/index.ts';
import { GRAPH_FORMAT, type Task } from '../../../engine/graph/index.ts';
import { Model } from '../../../engine/index.ts';
import { backendsFor, useBackend } from '../backends/underTest.ts';

interface FixtureTensor {
  readonly shape: readonly number[];
  readonly data: readonly number[];
}

interface LayerCase {
  readonly name: string;
  readonly layer: { readonly type: string; readonly params: Record<string, unknown> };
  /** Input nodes: their id, the layer port they feed and their Input params. */
  readonly inputs: readonly { readonly id: string; readonly port: string; readonly params: Record<string, unknown> }[];
  readonly head: string;
  readonly task: Task;
  readonly batch: number;
  /** Keyed 'node/name', in Netloom's layouts. */
  readonly weights: Readonly<Record<string, FixtureTensor>>;
  readonly inputValues: Readonly<Record<string, FixtureTensor>>;
  readonly target: FixtureTensor;
  readonly output: FixtureTensor;
  readonly loss: number;
  readonly inputGradients: Readonly<Record<string, FixtureTensor>>;
  readonly parameterGradients: Readonly<Record<string, FixtureTensor>>;
  /** Persistent buffers after the training step (BatchNorm's running statistics), by buffer name. */
  readonly state?: Readonly<Record<string, FixtureTensor>>;
  /** The layer's output in inference mode after the training step. */
  readonly inferOutput?: FixtureTensor;
}

type Precision = 'f32' | 'f64';

const FIXTURES = join(import.meta.dirname, '../../fixtures/torch/layers');

function readCases(): { file: string; cases: LayerCase[] }[] {
  const files = readdirSync(FIXTURES).filter((file) => file.endsWith('.json')).sort();
  return files.map((file) => ({ file, cases: JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as LayerCase[] }));
}

function documentFor(testCase: LayerCase) {
  const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: { x: 0, y: 0 } });
  const nodes = [...testCase.inputs.map((input) => node(input.id, 'Input', input.params)), node('layer', testCase.layer.type, testCase.layer.params), node('loss', testCase.head)];
  const edges = [
    ...testCase.inputs.map((input) => ({ id: `${input.id}-layer`, source: input.id, target: 'layer', targetPort: input.port })),
    { id: 'layer-loss', source: 'layer', target: 'loss' },
  ];
  return { format: GRAPH_FORMAT, version: 1, nodes, edges, training: { task: testCase.task, seed: 1 } };
}

/** Compiles the case's graph, writes its weights, input and target, and runs one training step's passes. */
function runCase(testCase: LayerCase, backend: Backend, precision: Precision): Model {
  const inputIds = testCase.inputs.map((input) => input.id);
  const inputGradients = inputIds.filter((id) => id in testCase.inputGradients);
  const model = Model.compile(documentFor(testCase), { batchSize: testCase.batch, precision, inputGradients, backend });
  model.writeParameters(new Map(Object.entries(testCase.weights).map(([key, value]) => [key, value.data])));
  for (const id of inputIds) {
    const buffer = model.inputBuffer(id);
    expect(model.shapeOf(buffer), `input ${id} shape`).toEqual(testCase.inputValues[id].shape);
    model.write(buffer, testCase.inputValues[id].data);
  }
  model.write(model.targetBuffer(), testCase.target.data);
  model.forward('train');
  model.backward();
  return model;
}

/**
 * Every element within `relative` of its reference, measured against max(|expected|, floor) where
 * floor is 1e-2 of the tensor's largest |value| (so cancellation near zero is judged at its scale).
 */
function expectClose(what: string, actual: ArrayLike<number>, expected: FixtureTensor, relative: number): void {
  expect(actual.length, `${what} length`).toBe(expected.data.length);
  const floor = 1e-2 * expected.data.reduce((largest, value) => Math.max(largest, Math.abs(value)), 1e-6);
  for (let index = 0; index < expected.data.length; index++) {
    const bound = relative * Math.max(Math.abs(expected.data[index]), floor);
    if (!(Math.abs(actual[index] - expected.data[index]) <= bound)) {
      expect.fail(`${what}[${index}]: ${actual[index]} differs from PyTorch's ${expected.data[index]} by more than ${bound}`);
    }
  }
}

/** Reads through the backend seam (any backend), as the training loops do. */
async function checkCase(testCase: LayerCase, backend: Backend, precision: Precision, relative: number): Promise<void> {
  const model = runCase(testCase, backend, precision);
  const output = await model.view(model.outputBuffer('layer'));
  expect(output.shape.reduce((product, size) => product * size, 1), 'output size').toBe(testCase.output.data.length);
  expectClose('output', output.data, testCase.output, relative);
  const loss = await model.readLoss();
  expect(Math.abs(loss - testCase.loss), `loss ${loss} vs ${testCase.loss}`).toBeLessThanOrEqual(relative * Math.abs(testCase.loss));
  for (const [id, expected] of Object.entries(testCase.inputGradients)) expectClose(`d ${id}`, (await model.view(model.compiled.inputGradients.get(id) ?? -1)).data, expected, relative);
  const names = model.compiled.parameters.map((parameter) => `${parameter.node}/${parameter.name}`);
  expect(names.sort(), 'parameters').toEqual(Object.keys(testCase.parameterGradients).sort());
  expect(Object.keys(testCase.weights).sort(), 'weights written').toEqual(names);
  for (const parameter of model.compiled.parameters) {
    const key = `${parameter.node}/${parameter.name}`;
    expect(parameter.gradient, `${key} has a gradient`).toBeDefined();
    expectClose(`d ${key}`, (await model.view(parameter.gradient as number)).data, testCase.parameterGradients[key], relative);
  }
  await checkInference(model, testCase, relative);
  model.dispose();
}

/** BatchNorm: the running statistics one step moved, and the inference pass that uses them. */
async function checkInference(model: Model, testCase: LayerCase, relative: number): Promise<void> {
  for (const [name, expected] of Object.entries(testCase.state ?? {})) {
    const buffer = model.compiled.program.buffers.find((spec) => spec.name === name && spec.role === 'state');
    expect(buffer, `state buffer ${name}`).toBeDefined();
    expectClose(name, (await model.view(buffer?.id ?? -1)).data, expected, relative);
  }
  if (testCase.inferOutput === undefined) return;
  model.forward('infer');
  expectClose('inference output', (await model.view(model.outputBuffer('layer'))).data, testCase.inferOutput, relative);
}

const groups = readCases();

describe.each(backendsFor('float64'))('layers through the compiler match PyTorch (float64) on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;
  for (const { file, cases } of groups) {
    describe(file, () => {
      for (const testCase of cases) test(testCase.name, () => checkCase(testCase, backend(), 'f64', 1e-10));
    });
  }
});

describe.each(backendsFor('parity'))('layers through the compiler match PyTorch (float32, the default) on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;
  for (const { file, cases } of groups) {
    test(file, async () => {
      for (const testCase of cases) await checkCase(testCase, backend(), 'f32', under.parityTolerance);
    });
  }
});

describe('the PyTorch layer fixtures', () => {
  it('cover every layer with learnable or non-trivial behaviour, and every head', () => {
    const covered = new Set(groups.flatMap(({ cases }) => cases.flatMap((testCase) => [testCase.layer.type, testCase.head])));
    const wanted = [
      'Dense', 'Conv2D', 'ConvTranspose2D', 'MaxPool2D', 'AvgPool2D', 'GlobalAvgPool', 'Upsample2D', 'BatchNorm', 'Embedding',
      'SimpleRNN', 'LSTM', 'GRU', 'Softmax', 'GELU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'ReLU', 'Concat', 'Add',
      'SoftmaxCrossEntropy', 'MSE', 'BCE',
    ];
    expect(wanted.filter((type) => !covered.has(type))).toEqual([]);
  });

  it('include a per-time-step cross-entropy and both recurrent output modes', () => {
    const cases = groups.flatMap((group) => group.cases);
    expect(cases.some((testCase) => testCase.head === 'SoftmaxCrossEntropy' && testCase.target.shape.length === 2)).toBe(true);
    for (const type of ['SimpleRNN', 'LSTM', 'GRU']) {
      const modes = cases.filter((testCase) => testCase.layer.type === type).map((testCase) => testCase.layer.params.returnSequences);
      expect(new Set(modes), type).toEqual(new Set([true, false]));
    }
  });
});
