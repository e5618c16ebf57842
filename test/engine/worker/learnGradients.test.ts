// The gradient study: its norms against finite differences on small networks in float64, the
// sigmoid MLP's vanished first-layer gradient after training, and the study's events, start and stop.
import { describe, expect, it } from 'vitest';
import { generateMoons } from '../../../engine/data/builtin/moons.ts';
import { createRandom } from '../../../engine/data/random.ts';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import { Model } from '../../../engine/train/model.ts';
import { chainDocument, fillPointsBatch, measuredNorms, mlpDocument, MLP_OPTIMIZER, perStepNorms, recurrentDocument, STUDY_BATCH, studiedNetwork } from '../../../engine/worker/learnGradientModels.ts';
import { handleGradientStudy, trainOn } from '../../../engine/worker/learnGradients.ts';

/** The loss of a float64 model after writing `values` into a buffer. */
function lossWith(model: Model, buffer: number, values: Float64Array): number {
  model.write(buffer, values);
  model.forward('train');
  return model.loss();
}

/** Central differences of the loss in every value of a buffer. */
function finiteDifferences(model: Model, buffer: number): Float64Array {
  const values = Float64Array.from(model.tensor(buffer).data);
  const gradient = new Float64Array(values.length);
  const epsilon = 1e-6;
  for (let index = 0; index < values.length; index++) {
    const original = values[index];
    values[index] = original + epsilon;
    const above = lossWith(model, buffer, values);
    values[index] = original - epsilon;
    const below = lossWith(model, buffer, values);
    values[index] = original;
    gradient[index] = (above - below) / (2 * epsilon);
  }
  model.write(buffer, values);
  return gradient;
}

function seeded(model: Model, buffer: number, seed: number): void {
  const random = createRandom(seed);
  model.write(buffer, Array.from({ length: model.sizeOf(buffer) }, () => 2 * random.next() - 1));
}

describe('gradient norms', () => {
  it('per time step: ‖∂L/∂x_t‖ of a SimpleRNN matches finite differences', async () => {
    const model = Model.compile(recurrentDocument('SimpleRNN', 3, 5), { batchSize: 4, inputGradients: ['input'], precision: 'f64' });
    seeded(model, model.inputBuffer('input'), 1);
    seeded(model, model.targetBuffer(), 2);
    model.forward('train');
    model.backward();
    const norms = await measuredNorms({ name: 'SimpleRNN', kind: 'time', model });
    const numeric = perStepNorms(finiteDifferences(model, model.inputBuffer('input')), [4, 5, 1]);
    expect(norms).toHaveLength(5);
    norms.forEach((value, step) => expect(value).toBeCloseTo(numeric[step], 7));
    // The last step is nearest the loss; the first has passed through four tanh steps.
    expect(norms[0]).toBeLessThan(norms[4]);
  });

  it('per layer: ‖∂L/∂W_l‖ of each Dense matches finite differences, first layer first', async () => {
    const document = chainDocument('small', 'classify', MLP_OPTIMIZER, [
      ['Input', { kind: 'vector', features: 2 }],
      ['Dense', { units: 3 }],
      ['Sigmoid', {}],
      ['Dense', { units: 2 }],
      ['SoftmaxCrossEntropy', {}],
    ]);
    const model = Model.compile(document, { batchSize: 4, precision: 'f64' });
    seeded(model, model.inputBuffer('input'), 3);
    model.write(model.targetBuffer(), [0, 1, 1, 0]);
    model.forward('train');
    model.backward();
    const norms = await measuredNorms({ name: 'small', kind: 'depth', model });
    const weights = model.compiled.parameters.filter((parameter) => parameter.name === 'weights');
    const numeric = weights.map((parameter) => Math.hypot(...finiteDifferences(model, parameter.value)));
    expect(weights.map((parameter) => parameter.node)).toEqual(['layer1', 'layer3']);
    expect(norms).toHaveLength(2);
    norms.forEach((value, layer) => expect(value).toBeCloseTo(numeric[layer], 7));
  });

  it('after training, the 10-layer sigmoid MLP\'s first-layer gradient is orders of magnitude below the ReLU one\'s', async () => {
    const networks = (['Sigmoid', 'ReLU'] as const).map((activation) => studiedNetwork(`${activation} MLP`, 'depth', mlpDocument(activation)));
    const random = createRandom(11);
    const moons = generateMoons({ count: 1000, seed: 3, noise: 0.1 });
    const batch = { inputs: new Float32Array(STUDY_BATCH * 2), labels: new Int32Array(STUDY_BATCH) };
    for (let step = 0; step < 200; step++) {
      fillPointsBatch(random, moons, batch.inputs, batch.labels);
      for (const network of networks) trainOn(network, batch);
    }
    const [sigmoid, relu] = await Promise.all(networks.map((network) => measuredNorms(network)));
    expect(sigmoid).toHaveLength(11);
    expect(sigmoid[0] / relu[0]).toBeLessThan(1e-3);
    // Within the sigmoid MLP the first layer gets a millionth-or-so of what the last one gets; the ReLU MLP about as much.
    expect(sigmoid[0] / sigmoid[10]).toBeLessThan(1e-3);
    expect(relu[0] / relu[10]).toBeGreaterThan(0.1);
  });
});

describe('the gradient study', () => {
  it('streams five networks\' norms and ends when its steps run out', async () => {
    const events: EngineEvent[] = [];
    await handleGradientStudy({}, { type: 'gradientStudy', action: 'start', studyId: 4, steps: 3 }, { send: (event) => events.push(event), yieldControl: async () => {} });
    const reports = events.filter((event) => event.type === 'gradientStudy');
    const last = reports[reports.length - 1];
    expect(last).toMatchObject({ studyId: 4, step: 3, totalSteps: 3 });
    expect(last.curves.map((curve) => [curve.name, curve.kind, curve.norms.length])).toEqual([
      ['SimpleRNN', 'time', 30],
      ['LSTM', 'time', 30],
      ['GRU', 'time', 30],
      ['Sigmoid MLP', 'depth', 11],
      ['ReLU MLP', 'depth', 11],
    ]);
    expect(last.curves.every((curve) => curve.norms.every((value) => Number.isFinite(value) && value > 0))).toBe(true);
    expect(events[events.length - 1]).toEqual({ type: 'gradientStudyEnded', studyId: 4, step: 3, reason: 'finished' });
  });

  it('stops between steps when asked, and a new start stops the one before', async () => {
    const events: EngineEvent[] = [];
    const owner = {};
    let now = 0;
    const dependencies = { send: (event: EngineEvent) => events.push(event), yieldControl: () => new Promise<void>((resolve) => setImmediate(resolve)), now: () => (now += 100) };
    const first = handleGradientStudy(owner, { type: 'gradientStudy', action: 'start', studyId: 1 }, dependencies);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const second = handleGradientStudy(owner, { type: 'gradientStudy', action: 'start', studyId: 2 }, dependencies);
    await new Promise((resolve) => setTimeout(resolve, 0));
    await handleGradientStudy(owner, { type: 'gradientStudy', action: 'stop', studyId: 2 }, dependencies);
    await Promise.all([first, second]);
    const ended = events.filter((event) => event.type === 'gradientStudyEnded');
    expect(ended.map((event) => [event.studyId, event.reason])).toEqual([
      [1, 'stopped'],
      [2, 'stopped'],
    ]);
    expect(ended.every((event) => event.step > 0 && event.step < 50)).toBe(true);
  });
});
