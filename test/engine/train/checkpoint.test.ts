// Checkpoints round-trip weights, state and optimizer state, and refuse what they cannot load.
// On every backend under test (../backends/underTest.ts): a resumed run repeats the original bit
// for bit on the same backend; across backends the weights load exactly and training goes on
// with the same losses within the float32 tolerance (the kernels sum in different orders).
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../engine/backends/index.ts';
import { GRAPH_FORMAT, TrainingSchema } from '../../../engine/graph/index.ts';
import { Model, Trainer } from '../../../engine/index.ts';
import { CheckpointError, loadCheckpoint, readCheckpointHeader, saveCheckpoint } from '../../../engine/train/checkpoint.ts';
import { backendsFor, runningBackends, useBackend } from '../backends/underTest.ts';

function documentWith(units: number) {
  const node = (id: string, type: string, params: Record<string, unknown> = {}) => ({ id, type, params, position: { x: 0, y: 0 } });
  return {
    format: GRAPH_FORMAT,
    version: 1,
    nodes: [node('x', 'Input', { kind: 'vector', features: 3 }), node('dense', 'Dense', { units }), node('norm', 'BatchNorm'), node('drop', 'Dropout', { rate: 0.5 }), node('out', 'Dense', { units: 2 }), node('loss', 'SoftmaxCrossEntropy')],
    edges: ['x-dense', 'dense-norm', 'norm-drop', 'drop-out', 'out-loss'].map((id) => ({ id, source: id.split('-')[0], target: id.split('-')[1] })),
    training: { task: 'classify', optimizer: { type: 'adam', learningRate: 0.01 } },
  };
}

function trained(backend: Backend, units: number, steps: number) {
  const document = documentWith(units);
  const model = Model.compile(document, { batchSize: 4, backend });
  model.input('x').data.set(Array.from({ length: 12 }, (_, i) => Math.sin(i)));
  model.target().data.set([0, 1, 1, 0]);
  const trainer = new Trainer(model, TrainingSchema.parse(document.training), 100);
  for (let step = 0; step < steps; step++) trainer.trainStep();
  return { model, trainer };
}

describe.each(backendsFor('determinism'))('checkpoints on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('restore weights, running statistics, random state and optimizer state', () => {
    const source = trained(backend(), 5, 7);
    const bytes = saveCheckpoint([source.model], [source.trainer], { graph: 'test', batchSize: 4, epoch: 1, index: 3, steps: 7 });
    const target = trained(backend(), 5, 0);
    const header = loadCheckpoint(bytes, [target.model], [target.trainer]);
    expect(header).toMatchObject({ epoch: 1, index: 3, steps: 7, batchSize: 4 });
    expect(target.trainer.step).toBe(7);
    expect(target.model.readParameters()).toEqual(source.model.readParameters());
    for (let step = 0; step < 3; step++) expect(target.trainer.trainStep().loss).toBe(source.trainer.trainStep().loss);
    const names = readCheckpointHeader(bytes).header.tensors.map((tensor) => tensor.name);
    expect(names).toEqual(expect.arrayContaining(['m0/dense/weights', 'm0/norm/runningMean', 'm0/drop/random', 'm0/optimizer/dense/weights/0', 'm0/optimizer/dense/weights/1']));
  });

  test('refuses other files, truncated files and other graphs with a reason', () => {
    const source = trained(backend(), 5, 1);
    const bytes = saveCheckpoint([source.model], [source.trainer], { graph: 'test', batchSize: 4, epoch: 0, index: 1, steps: 1 });
    const other = trained(backend(), 6, 0);
    expect(() => loadCheckpoint(new TextEncoder().encode('PK\u0003\u0004 a zip file'), [other.model], [])).toThrow(/not a Netloom checkpoint/);
    expect(() => loadCheckpoint(bytes.subarray(0, bytes.length - 8), [source.model], [])).toThrow(/checksum does not match/);
    expect(() => loadCheckpoint(bytes, [other.model], [])).toThrow(CheckpointError);
    expect(() => loadCheckpoint(bytes, [other.model], [])).toThrow(/"m0\/dense\/weights" holds 15 values in the checkpoint but 18 in this graph/);
  });
});

/** Every ordered pair of backends under test: a checkpoint saved on the first loads on the second. */
const PAIRS = runningBackends('determinism').flatMap((from, _index, running) => running.filter((to) => to !== from).map((to) => [`${from.label} -> ${to.label}`, { from, to }] as const));

describe.each(PAIRS)('a checkpoint saved on %s', (_title, { from, to }) => {
  const source = useBackend(from);
  const target = useBackend(to);

  it('loads the same weights and keeps training with the same losses within 1e-4', () => {
    const saved = trained(source(), 5, 7);
    const bytes = saveCheckpoint([saved.model], [saved.trainer], { graph: 'test', batchSize: 4, epoch: 1, index: 3, steps: 7 });
    const resumed = trained(target(), 5, 0);
    loadCheckpoint(bytes, [resumed.model], [resumed.trainer]);
    expect(resumed.model.readParameters()).toEqual(saved.model.readParameters());
    for (let step = 0; step < 5; step++) {
      const expected = saved.trainer.trainStep().loss;
      const loss = resumed.trainer.trainStep().loss;
      expect(Math.abs(loss - expected), `step ${step}: ${loss} on ${to.label}, ${expected} on ${from.label}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected)));
    }
    expect(resumed.trainer.step).toBe(12);
  });
});
