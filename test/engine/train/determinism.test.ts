// Same seed, same losses bit for bit, on every backend under test (../backends/underTest.ts):
// LeNet-5 at batch 64 (its convolutions split over the threads of a threaded backend) and the
// character LSTM with gradient clipping. Across backends the losses of the first steps agree
// within float32 tolerance: the kernels sum in different orders, but compute the same thing.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../engine/backends/index.ts';
import { Model, Trainer } from '../../../engine/index.ts';
import { backendsFor, runningBackends, useBackend } from '../backends/underTest.ts';
import { example } from './learningHarness.ts';

const STEPS = 4;

interface Workload {
  readonly label: string;
  readonly file: string;
  readonly batchSize: number;
  /** An input value and a target value for position `index` of the batch (deterministic). */
  readonly input: (index: number) => number;
  readonly target: (index: number) => number;
}

const WORKLOADS: readonly Workload[] = [
  { label: 'LeNet-5, batch 64', file: 'lenet5.json', batchSize: 64, input: (index) => ((index * 7919) % 256) / 255, target: (index) => (index * 3) % 10 },
  { label: 'character LSTM, batch 32', file: 'char-lstm.json', batchSize: 32, input: (index) => (index * 13 + (index >> 5)) % 32, target: (index) => (index * 13 + (index >> 5) + 1) % 32 },
];

/** Rows for it.each with '%s': the label, then the workload. */
const WORKLOAD_ROWS = WORKLOADS.map((workload) => [workload.label, workload] as const);

/** The losses of the first STEPS training steps of `workload` from its graph's seed. */
function losses(backend: Backend, workload: Workload): number[] {
  const document = example(workload.file);
  const model = Model.compile(document, { batchSize: workload.batchSize, backend });
  const [input] = model.compiled.inputs.keys();
  const inputs = model.input(input).data;
  const targets = model.target().data;
  for (let index = 0; index < inputs.length; index++) inputs[index] = workload.input(index);
  for (let index = 0; index < targets.length; index++) targets[index] = workload.target(index);
  const trainer = new Trainer(model, document.training, STEPS);
  const result = Array.from({ length: STEPS }, () => trainer.trainStep().loss);
  model.dispose();
  return result;
}

describe.each(backendsFor('determinism'))('determinism on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('runs on the threads it names', () => {
    expect(backend().threads).toBe(under.threads);
  });

  test.each(WORKLOAD_ROWS)('%s: one seed gives the same losses twice, bit for bit', (_label, workload) => {
    const first = losses(backend(), workload);
    expect(first.every(Number.isFinite)).toBe(true);
    expect(first.at(-1)).toBeLessThan(first[0]);
    expect(losses(backend(), workload)).toEqual(first);
  });
});

describe('every backend under test', () => {
  const backends = runningBackends('determinism').map((under) => ({ under, backend: useBackend(under) }));

  it.each(WORKLOAD_ROWS)('%s: the first losses agree with the cpu reference within 1e-4', (_label, workload) => {
    const [reference, ...others] = backends.map(({ under, backend }) => ({ label: under.label, losses: losses(backend(), workload) }));
    for (const other of others) {
      other.losses.forEach((loss, step) => {
        const expected = reference.losses[step];
        expect(Math.abs(loss - expected), `step ${step} on ${other.label}: ${loss}, on ${reference.label}: ${expected}`).toBeLessThanOrEqual(1e-4 * Math.abs(expected));
      });
    }
  });
});
