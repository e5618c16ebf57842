// Every layer's gradients, through the compiler and autodiff, against central finite differences
// (float64). Each case is Input -> layer -> loss, with random inputs and targets. Every backend
// under test that computes in float64 runs them (../backends/underTest.ts: the cpu reference).
import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT, type Task } from '../../../engine/graph/index.ts';
import { Model, type HostTensor } from '../../../engine/index.ts';
import { backendsFor, useBackend } from '../backends/underTest.ts';

interface Case {
  readonly type: string;
  readonly params?: Record<string, unknown>;
  readonly input: Record<string, unknown>;
  readonly loss?: string;
  readonly task?: Task;
  /** Checked against the input too (not for integer ids). */
  readonly inputGradient?: boolean;
  /** Two-input layers: port a takes the input, port b a Dense of it with this many units (so x fans out). */
  readonly branch?: number;
}

const image = (height: number, width: number, channels: number) => ({ kind: 'image', height, width, channels });
const sequence = (steps: number, features: number) => ({ kind: 'sequence', steps, features });
const vector = (features: number) => ({ kind: 'vector', features });

const cases: readonly Case[] = [
  { type: 'Dense', params: { units: 3 }, input: vector(4) },
  { type: 'Dense', params: { units: 3 }, input: sequence(2, 4) },
  { type: 'Flatten', input: image(2, 3, 2) },
  { type: 'Reshape', params: { shape: [3, 4] }, input: image(2, 3, 2) },
  { type: 'Dropout', params: { rate: 0 }, input: vector(5) },
  { type: 'BatchNorm', input: image(3, 3, 2) },
  { type: 'BatchNorm', input: vector(4) },
  { type: 'ReLU', input: vector(6) },
  { type: 'LeakyReLU', params: { alpha: 0.1 }, input: vector(6) },
  { type: 'Sigmoid', input: vector(6) },
  { type: 'Tanh', input: vector(6) },
  { type: 'Softmax', input: vector(6) },
  { type: 'Linear', input: vector(6) },
  { type: 'BinaryStep', input: vector(6) },
  { type: 'GELU', input: vector(6) },
  { type: 'Conv2D', params: { filters: 2, kernelSize: [3, 3] }, input: image(5, 5, 2) },
  { type: 'Conv2D', params: { filters: 3, kernelSize: [3, 2], stride: [2, 2], padding: 'same', dilation: [1, 2] }, input: image(6, 7, 2) },
  { type: 'Conv2D', params: { filters: 2, kernelSize: [3, 3], padding: 'explicit', padAmount: [1, 2] }, input: image(4, 4, 1) },
  { type: 'ConvTranspose2D', params: { filters: 2, kernelSize: [4, 4], stride: [2, 2], padding: 'same' }, input: image(3, 3, 2) },
  { type: 'ConvTranspose2D', params: { filters: 1, kernelSize: [3, 3], stride: [2, 2], padding: 'valid', outputPadding: [1, 1] }, input: image(2, 3, 2) },
  { type: 'MaxPool2D', input: image(4, 4, 2) },
  { type: 'MaxPool2D', params: { poolSize: [3, 3], stride: [2, 2], padding: 'same' }, input: image(5, 5, 1) },
  { type: 'AvgPool2D', input: image(4, 6, 2) },
  { type: 'AvgPool2D', params: { poolSize: [3, 3], stride: [2, 2], padding: 'same' }, input: image(5, 5, 1) },
  { type: 'GlobalAvgPool', input: image(3, 4, 2) },
  { type: 'Upsample2D', input: image(2, 3, 2) },
  { type: 'Upsample2D', params: { mode: 'bilinear', scale: [2, 3] }, input: image(3, 2, 1) },
  { type: 'SimpleRNN', params: { units: 3 }, input: sequence(4, 2) },
  { type: 'SimpleRNN', params: { units: 3, returnSequences: true }, input: sequence(3, 2) },
  { type: 'LSTM', params: { units: 3 }, input: sequence(4, 2) },
  { type: 'LSTM', params: { units: 2, returnSequences: true }, input: sequence(3, 3) },
  { type: 'GRU', params: { units: 3 }, input: sequence(4, 2) },
  { type: 'GRU', params: { units: 2, returnSequences: true }, input: sequence(3, 3) },
  { type: 'Embedding', params: { vocabulary: 5, dimension: 3 }, input: { kind: 'tokens', steps: 4 }, inputGradient: false },
  { type: 'Add', input: vector(4), branch: 4 },
  { type: 'Concat', input: vector(3), branch: 2 },
  { type: 'Concat', params: { axis: 0 }, input: sequence(2, 3), branch: 3 },
  { type: 'Dense', params: { units: 4 }, input: vector(3), loss: 'SoftmaxCrossEntropy', task: 'classify' },
  { type: 'Dense', params: { units: 3 }, input: sequence(2, 3), loss: 'SoftmaxCrossEntropy', task: 'sequence' },
  { type: 'Dense', params: { units: 2 }, input: vector(3), loss: 'BCE', task: 'regress' },
];

function documentFor(testCase: Case) {
  const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: { x: 0, y: 0 } });
  const nodes = [node('x', 'Input', testCase.input), node('layer', testCase.type, testCase.params), node('loss', testCase.loss ?? 'MSE')];
  const edges: { id: string; source: string; target: string; targetPort?: string }[] = [{ id: 'out', source: 'layer', target: 'loss' }];
  if (testCase.branch === undefined) edges.push({ id: 'in', source: 'x', target: 'layer' });
  else {
    nodes.push(node('pre', 'Dense', { units: testCase.branch }));
    edges.push({ id: 'a', source: 'x', target: 'layer', targetPort: 'a' }, { id: 'pre', source: 'x', target: 'pre' }, { id: 'b', source: 'pre', target: 'layer', targetPort: 'b' });
  }
  return { format: GRAPH_FORMAT, version: 1, nodes, edges, training: { task: testCase.task ?? 'regress', seed: 5 } };
}

let seed = 12345;
function random(): number {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
}

function fill(view: HostTensor, limit: number): void {
  for (let i = 0; i < view.data.length; i++) view.data[i] = view.data instanceof Int32Array ? Math.floor(random() * limit) : 2 * random() - 1;
}

/** Largest relative error between analytic and numeric gradients over up to 12 coordinates. */
function worstError(model: Model, values: HostTensor, analytic: HostTensor): number {
  const step = 1e-6;
  let worst = 0;
  const stride = Math.max(1, Math.floor(values.data.length / 12));
  for (let i = 0; i < values.data.length; i += stride) {
    const saved = values.data[i];
    values.data[i] = saved + step;
    model.forward('train');
    const plus = model.loss();
    values.data[i] = saved - step;
    model.forward('train');
    const minus = model.loss();
    values.data[i] = saved;
    const numeric = (plus - minus) / (2 * step);
    const error = Math.abs(numeric - analytic.data[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(analytic.data[i]));
    worst = Math.max(worst, error);
  }
  return worst;
}

describe.each(backendsFor('float64'))('layer gradients match finite differences on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;
  for (const testCase of cases) {
    const label = `${testCase.type} ${JSON.stringify(testCase.params ?? {})} on ${JSON.stringify(testCase.input)}${testCase.loss ? ` into ${testCase.loss}` : ''}`;
    test(label, () => {
      const wantInput = testCase.inputGradient !== false;
      const model = Model.compile(documentFor(testCase), { batchSize: 2, precision: 'f64', inputGradients: wantInput ? ['x'] : [], backend: backend() });
      fill(model.input('x'), 5);
      fill(model.target(), testCase.loss === 'SoftmaxCrossEntropy' ? 3 : 1);
      if (testCase.loss === 'BCE') for (let i = 0; i < model.target().data.length; i++) model.target().data[i] = Math.round(model.target().data[i] * 0.5 + 0.5);
      model.forward('train');
      model.backward();
      const analytic = model.compiled.parameters.map((parameter) => ({ name: parameter.name, value: model.tensor(parameter.value), gradient: model.tensor(parameter.gradient as number) }));
      const inputGradient = wantInput ? { value: model.input('x'), gradient: model.inputGradient('x') } : null;
      const copies = [...analytic.map((entry) => ({ ...entry, gradient: { shape: entry.gradient.shape, data: Float64Array.from(entry.gradient.data) } }))];
      for (const entry of copies) expect(worstError(model, entry.value, entry.gradient), entry.name).toBeLessThan(1e-6);
      if (inputGradient !== null) {
        const frozen = { shape: inputGradient.gradient.shape, data: Float64Array.from(inputGradient.gradient.data) };
        expect(worstError(model, inputGradient.value, frozen), 'input').toBeLessThan(1e-6);
      }
    });
  }
});

describe('the layer gradient cases', () => {
  it('cover every catalog layer but Input and the heads', async () => {
    const { layerCatalog } = await import('../../../engine/graph/index.ts');
    const covered = new Set(cases.flatMap((testCase) => [testCase.type, testCase.loss ?? 'MSE']));
    expect([...layerCatalog.keys()].filter((type) => type !== 'Input' && !covered.has(type))).toEqual([]);
  });
});
