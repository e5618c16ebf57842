// Losses: softmax cross-entropy (per example and per time step), mean squared error and binary
// cross-entropy with logits: finite-difference gradients, stability and PyTorch references.
import { describe, expect, it } from 'vitest';
import type { CpuTensor } from '../../../../engine/backends/cpu/index.ts';
import { elementCount } from '../../../../engine/ir/index.ts';
import { checkGradients, expectClose, fixtureTolerance, fromFixture, integerTensor, randomState, randomValues, readFixture, run, tensor, type FixtureTensor, type Precision } from './helpers.ts';

describe('loss gradients match central differences', () => {
  for (const shape of [[4, 5], [2, 3, 4]]) {
    it(`softmaxCrossEntropy on [${shape}]`, () => {
      const random = randomState(111);
      const logits = tensor(shape, randomValues(elementCount(shape), random));
      const rows = elementCount(shape) / shape[shape.length - 1];
      const labels = integerTensor(shape.slice(0, -1), Array.from({ length: rows }, (_, row) => (row * 3) % shape[shape.length - 1]));
      const [loss, probabilities, dLogits] = [tensor([]), tensor(shape), tensor(shape)];
      checkGradients({
        inputs: { logits: logits.data as Float64Array },
        forward: () => (run({ op: 'softmaxCrossEntropy' }, [logits, labels], [loss, probabilities]), loss.data),
        backward: (dLoss) => {
          run({ op: 'softmaxCrossEntropy' }, [logits, labels], [loss, probabilities]);
          run({ op: 'softmaxCrossEntropyBackward' }, [probabilities, labels, { shape: [], data: dLoss }], [dLogits]);
          return { logits: dLogits.data };
        },
      });
    });
  }

  for (const op of ['meanSquaredError', 'binaryCrossEntropyWithLogits'] as const) {
    it(op, () => {
      const random = randomState(112);
      const prediction = tensor([3, 4], randomValues(12, random));
      const target = tensor([3, 4], randomValues(12, random, { low: 0, high: 1 }));
      const [loss, gradient] = [tensor([1]), tensor([3, 4])];
      checkGradients({
        inputs: { prediction: prediction.data as Float64Array },
        forward: () => (run({ op }, [prediction, target], [loss]), loss.data),
        backward: (dLoss) => {
          const backward = op === 'meanSquaredError' ? 'meanSquaredErrorBackward' : 'binaryCrossEntropyWithLogitsBackward';
          run({ op: backward }, [prediction, target, { shape: [1], data: dLoss }], [gradient]);
          return { prediction: gradient.data };
        },
      });
    });
  }
});

describe('loss values', () => {
  it('cross-entropy is -log p(true class) and rejects labels that are not classes', () => {
    const [loss, probabilities] = [tensor([]), tensor([1, 3])];
    run({ op: 'softmaxCrossEntropy' }, [tensor([1, 3], [0, 0, 0]), integerTensor([1], [2])], [loss, probabilities]);
    expectClose(loss.data, [Math.log(3)], 1e-15);
    expect(() => run({ op: 'softmaxCrossEntropy' }, [tensor([1, 3]), integerTensor([1], [3])], [loss, probabilities])).toThrow(/label 3 of example 0/);
  });

  it('binary cross-entropy stays finite for huge logits', () => {
    const loss = tensor([1]);
    run({ op: 'binaryCrossEntropyWithLogits' }, [tensor([2], [1000, -1000]), tensor([2], [0, 1])], [loss]);
    expect(loss.data[0]).toBe(1000);
    run({ op: 'binaryCrossEntropyWithLogits' }, [tensor([2], [1000, -1000]), tensor([2], [1, 0])], [loss]);
    expect(loss.data[0]).toBe(0);
  });

  it('mean squared error averages over every value', () => {
    const loss = tensor([1]);
    run({ op: 'meanSquaredError' }, [tensor([2, 2], [1, 2, 3, 4]), tensor([2, 2], [1, 0, 3, 0])], [loss]);
    expect(loss.data[0]).toBe(5);
  });
});

interface LossFixture {
  op: 'softmaxCrossEntropy' | 'binaryCrossEntropyWithLogits' | 'meanSquaredError';
  loss: number;
  logits?: FixtureTensor;
  labels?: FixtureTensor;
  probabilities?: FixtureTensor;
  dLogits?: FixtureTensor;
  prediction?: FixtureTensor;
  target?: FixtureTensor;
  dPrediction?: FixtureTensor;
}

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The fixture lacks a field.');
  return value;
}

function runFixture(fixture: LossFixture, precision: Precision): { loss: CpuTensor; gradient: CpuTensor; probabilities?: CpuTensor } {
  const loss = tensor([], undefined, precision);
  const one = tensor([], [1], precision);
  if (fixture.op === 'softmaxCrossEntropy') {
    const logits = fromFixture(present(fixture.logits), precision);
    const labels = integerTensor(present(fixture.labels).shape, present(fixture.labels).data);
    const [probabilities, gradient] = [tensor(logits.shape, undefined, precision), tensor(logits.shape, undefined, precision)];
    run({ op: 'softmaxCrossEntropy' }, [logits, labels], [loss, probabilities]);
    run({ op: 'softmaxCrossEntropyBackward' }, [probabilities, labels, one], [gradient]);
    return { loss, gradient, probabilities };
  }
  const prediction = fromFixture(present(fixture.logits ?? fixture.prediction), precision);
  const target = fromFixture(present(fixture.target), precision);
  const gradient = tensor(prediction.shape, undefined, precision);
  run({ op: fixture.op }, [prediction, target], [loss]);
  run({ op: fixture.op === 'meanSquaredError' ? 'meanSquaredErrorBackward' : 'binaryCrossEntropyWithLogitsBackward' }, [prediction, target, one], [gradient]);
  return { loss, gradient };
}

describe('losses match PyTorch', () => {
  for (const precision of ['f64', 'f32'] as Precision[]) {
    readFixture<LossFixture[]>('losses').forEach((fixture, index) => {
      it(`${fixture.op} case ${index} in ${precision}`, () => {
        const tolerance = fixtureTolerance(precision);
        const result = runFixture(fixture, precision);
        expectClose(result.loss.data, [fixture.loss], ...tolerance);
        expectClose(result.gradient.data, present(fixture.dLogits ?? fixture.dPrediction).data, ...tolerance);
        if (result.probabilities) expectClose(result.probabilities.data, present(fixture.probabilities).data, ...tolerance);
      });
    });
  }
});
