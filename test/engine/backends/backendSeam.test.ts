// Every registered backend honours the seam (engine/backends/backend.ts) the way the reference
// (cpu) backend does: allocation with the same seeded initial values, writes, runs, asynchronous
// reads, host arrays where it keeps buffers in host memory, errors that name the call, dispose;
// and a Model trained on it follows the reference's losses. The registry picks backends by name.
import { describe, expect, it } from 'vitest';
import { availableBackends, backendProblem, createBackend, defaultBackendName, referenceBackend, type Backend } from '../../../engine/backends/index.ts';
import { compileGraph } from '../../../engine/compile/index.ts';
import { GRAPH_FORMAT, TrainingSchema } from '../../../engine/graph/index.ts';
import { Model, Trainer } from '../../../engine/index.ts';
import { createHarness } from '../worker/hostHarness.ts';

/** Exact on cpu (the reference itself); other backends within this relative error. */
const TOLERANCE: Readonly<Record<string, number>> = { cpu: 0 };

function classifier(optimizer: Record<string, unknown> = { type: 'adam', learningRate: 0.01, gradientClip: 0.5 }) {
  const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: { x: 0, y: 0 } });
  return {
    format: GRAPH_FORMAT,
    version: 1,
    nodes: [node('x', 'Input', { kind: 'vector', features: 3 }), node('dense', 'Dense', { units: 5 }), node('norm', 'BatchNorm'), node('drop', 'Dropout', { rate: 0.25 }), node('out', 'Dense', { units: 2 }), node('loss', 'SoftmaxCrossEntropy')],
    edges: ['x-dense', 'dense-norm', 'norm-drop', 'drop-out', 'out-loss'].map((id) => ({ id, source: id.split('-')[0], target: id.split('-')[1] })),
    training: { task: 'classify', optimizer },
  };
}

const INPUT = Array.from({ length: 12 }, (_, i) => Math.sin(i) * 2);
const LABELS = [0, 1, 1, 0];

function expectNear(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number, what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (tolerance === 0) expect(actual[i], `${what}[${i}]`).toBe(expected[i]);
    else expect(Math.abs(actual[i] - expected[i]), `${what}[${i}]`).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected[i])));
  }
}

describe('the backend registry', () => {
  it('lists the available backends fastest first, always with the cpu reference, and defaults to the first', () => {
    expect(availableBackends()).toContain('cpu');
    expect(defaultBackendName()).toBe(availableBackends()[0]);
  });

  it('refuses a name it cannot run with one line that lists the others', async () => {
    expect(backendProblem('cpu')).toBeNull();
    expect(backendProblem('metal')).toBe(`Unknown backend "metal"; choose one of: ${availableBackends().join(', ')}.`);
    if (!availableBackends().includes('webgpu')) expect(backendProblem('webgpu')).toBe(`The WebGPU backend needs a GPU, which this runtime did not offer; choose one of: ${availableBackends().join(', ')}.`);
    await expect(createBackend('metal')).rejects.toThrow(/Unknown backend "metal"; choose one of: .*cpu/);
  });
});

for (const name of availableBackends()) {
  const tolerance = TOLERANCE[name] ?? 1e-5;
  describe(`the ${name} backend`, () => {
    let backend: Backend;
    const create = async () => (backend = await createBackend(name));

    it('describes itself: its name, one line for people, its threads', async () => {
      await create();
      expect(backend.name).toBe(name);
      expect(backend.description.length).toBeGreaterThan(0);
      expect(Number.isInteger(backend.threads) && backend.threads >= 1).toBe(true);
    });

    it('initializes buffers from the seed exactly as the reference does, and differently for another seed', async () => {
      await create();
      const { program, parameters } = compileGraph(classifier(), { batchSize: 4 });
      const mine = backend.allocate(program, { precision: 'f32', seed: 11 });
      const reference = referenceBackend().allocate(program, { precision: 'f32', seed: 11 });
      const other = backend.allocate(program, { precision: 'f32', seed: 12 });
      for (const parameter of parameters) {
        const values = await mine.read(parameter.value);
        expect([...values], parameter.name).toEqual([...(await reference.read(parameter.value))]);
        if (parameter.name === 'weights') expect([...values]).not.toEqual([...(await other.read(parameter.value))]);
      }
    });

    it('writes inputs, runs bound calls, and reads results as the reference computes them', async () => {
      await create();
      const compiled = compileGraph(classifier(), { batchSize: 4 });
      const results = [];
      for (const target of [backend, referenceBackend()]) {
        const buffers = target.allocate(compiled.program, { precision: 'f32', seed: 3 });
        buffers.write(compiled.inputs.get('x') as number, INPUT);
        buffers.write(compiled.target as number, LABELS);
        const bound = buffers.bind([...compiled.trainForward, ...compiled.backward]);
        expect(bound.count).toBe(compiled.trainForward.length + compiled.backward.length);
        buffers.run(bound);
        results.push({ loss: await buffers.read(compiled.loss as number), probabilities: await buffers.read(compiled.probabilities as number), gradient: await buffers.read(compiled.parameters[0].gradient as number) });
      }
      const [mine, reference] = results;
      expectNear(mine.loss, reference.loss, tolerance, 'loss');
      expectNear(mine.probabilities, reference.probabilities, tolerance, 'probabilities');
      expectNear(mine.gradient, reference.gradient, tolerance, 'dense weight gradient');
      expect(Number.isFinite(mine.loss[0]) && mine.loss[0] > 0).toBe(true);
    });

    it('reads copies; host arrays, where it has them, are live in both directions', async () => {
      await create();
      const compiled = compileGraph(classifier(), { batchSize: 4 });
      const buffers = backend.allocate(compiled.program, { precision: 'f32', seed: 3 });
      const input = compiled.inputs.get('x') as number;
      buffers.write(input, INPUT);
      const copy = await buffers.read(input);
      copy[0] = 99;
      expect((await buffers.read(input))[0]).toBe(Math.fround(INPUT[0]));
      const host = buffers.hostArray(input);
      if (host === undefined) return;
      host[1] = 7;
      expect((await buffers.read(input))[1]).toBe(7);
      buffers.write(input, [5]);
      expect(host[0]).toBe(5);
      expect(() => buffers.write(input, new Float32Array(13))).toThrow(/holds 12 values; 13 were written/);
    });

    it('names the call, its op and its node when a kernel fails, and refuses buffers after dispose', async () => {
      await create();
      const compiled = compileGraph(classifier(), { batchSize: 4 });
      const buffers = backend.allocate(compiled.program, { precision: 'f32', seed: 3 });
      buffers.write(compiled.target as number, [0, 1, 7, 0]);
      expect(() => buffers.run(buffers.bind(compiled.trainForward))).toThrow(/softmaxCrossEntropy of node loss\): softmaxCrossEntropy: label 7/);
      buffers.dispose();
      await expect(async () => buffers.read(0)).rejects.toThrow(/disposed/);
      backend.dispose();
    });

    it('trains a Model through the seam: the same losses and weights as the reference, step after step', async () => {
      await create();
      const document = classifier({ type: 'adamw', learningRate: 0.05, weightDecay: 0.01, gradientClip: 0.5 });
      const runs = [backend, referenceBackend()].map((target) => {
        const model = Model.compile(document, { batchSize: 4, backend: target });
        model.write(model.inputBuffer('x'), INPUT);
        model.write(model.targetBuffer(), LABELS);
        return { model, trainer: new Trainer(model, TrainingSchema.parse(document.training), 20) };
      });
      for (let step = 0; step < 6; step++) {
        const [mine, reference] = runs.map(({ trainer }) => trainer.trainStep().loss);
        expectNear([mine], [reference], tolerance * 10, `loss at step ${step + 1}`);
      }
      const [mine, reference] = await Promise.all(runs.map(({ model }) => model.read(model.compiled.parameters[0].value)));
      expectNear(mine.data, reference.data, tolerance * 10, 'dense weights after 6 steps');
      expect(await runs[0].trainer.gradientNorm()).toBeGreaterThan(0);
    });
  });
}

describe('the worker host chooses its backend by name', () => {
  it('reports the backend, its description and threads when compiled, and refuses a run on one it does not have', async () => {
    const harness = createHarness();
    expect(harness.of('hello')[0].backends).toEqual(availableBackends());
    await harness.send({ type: 'compile', document: classifier(), backend: 'auto' });
    const reference = referenceBackend();
    expect(harness.of('compiled')[0]).toMatchObject({ backend: defaultBackendName(), parameterCount: 5 * 3 + 5 + 5 * 2 + 2 * 5 + 2 });
    if (defaultBackendName() === 'cpu') expect(harness.of('compiled')[0]).toMatchObject({ description: reference.description, threads: 1 });
    await harness.send({ type: 'compile', document: classifier(), backend: 'cpu' });
    expect(harness.of('compiled')[1]).toMatchObject({ backend: 'cpu', description: reference.description, threads: 1 });
    await harness.send({ type: 'start', settings: { backend: 'webgpu' as const, steps: 1 } });
    const problem = harness.of('problem').at(-1);
    if (!availableBackends().includes('webgpu')) expect(problem).toMatchObject({ fatal: true, problems: [{ message: expect.stringMatching(/WebGPU backend needs a GPU/) }] });
  });
});
