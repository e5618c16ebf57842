// Elementwise activations and softmax: known values, finite-difference gradients, PyTorch references.
import { describe, expect, it } from 'vitest';
import { BACKWARD_FROM_OUTPUT, backwardOf, type OpName, type UnaryFunction } from '../../../../engine/ir/index.ts';
import { checkGradients, expectClose, fixtureTolerance, fromFixture, randomState, randomValues, readFixture, run, tensor, type FixtureTensor, type Precision } from './helpers.ts';

const functions: { fn: UnaryFunction; values: (count: number) => Float64Array }[] = [
  { fn: { op: 'relu' }, values: (count) => randomValues(count, randomState(1), { margin: 0.1 }) },
  { fn: { op: 'leakyRelu', alpha: 0.2 }, values: (count) => randomValues(count, randomState(2), { margin: 0.1 }) },
  { fn: { op: 'sigmoid' }, values: (count) => randomValues(count, randomState(3)) },
  { fn: { op: 'tanh' }, values: (count) => randomValues(count, randomState(4)) },
  { fn: { op: 'gelu', approximate: 'none' }, values: (count) => randomValues(count, randomState(5), { low: -5, high: 5 }) },
  { fn: { op: 'gelu', approximate: 'tanh' }, values: (count) => randomValues(count, randomState(6), { low: -5, high: 5 }) },
  { fn: { op: 'binaryStep' }, values: (count) => randomValues(count, randomState(7), { margin: 0.1 }) },
  { fn: { op: 'identity' }, values: (count) => randomValues(count, randomState(8)) },
  { fn: { op: 'exp' }, values: (count) => randomValues(count, randomState(9)) },
  { fn: { op: 'log' }, values: (count) => randomValues(count, randomState(10), { low: 0.2, high: 4 }) },
  { fn: { op: 'negate' }, values: (count) => randomValues(count, randomState(11)) },
  { fn: { op: 'scale', factor: -2.5 }, values: (count) => randomValues(count, randomState(12)) },
];

function label(fn: UnaryFunction): string {
  return fn.op === 'gelu' ? `gelu (${fn.approximate})` : fn.op;
}

describe('unary activations', () => {
  for (const { fn, values } of functions) {
    it(`${label(fn)}: backward matches central differences`, () => {
      const shape = [4, 6];
      const x = values(24);
      const [input, output, dInput] = [tensor(shape, x), tensor(shape), tensor(shape)];
      input.data.set(x);
      const inputs = { x: input.data as Float64Array };
      const fromOutput = (BACKWARD_FROM_OUTPUT as readonly string[]).includes(fn.op);
      checkGradients({
        inputs,
        forward: () => (run(fn, [input], [output]), output.data as Float64Array),
        backward: (dOutput) => {
          run(fn, [input], [output]);
          run(backwardOf(fn), [fromOutput ? output : input, { shape, data: dOutput }], [dInput]);
          return { x: dInput.data as Float64Array };
        },
      });
    });
  }

  it('computes known values', () => {
    const x = [-2, -0.5, 0, 0.5, 2];
    const apply = (fn: UnaryFunction) => {
      const output = tensor([5]);
      run(fn, [tensor([5], x)], [output]);
      return Array.from(output.data);
    };
    expect(apply({ op: 'relu' })).toEqual([0, 0, 0, 0.5, 2]);
    expect(apply({ op: 'leakyRelu', alpha: 0.1 })).toEqual([-0.2, -0.05, 0, 0.5, 2]);
    expect(apply({ op: 'binaryStep' })).toEqual([0, 0, 1, 1, 1]);
    expect(apply({ op: 'scale', factor: 3 })).toEqual([-6, -1.5, 0, 1.5, 6]);
    expect(apply({ op: 'sigmoid' })[2]).toBe(0.5);
    expectClose(apply({ op: 'gelu', approximate: 'none' }), [-0.04550026389635842, -0.15426876936299344, 0, 0.34573123063700656, 1.9544997361036416], 1e-14);
    const extremes = tensor([2]);
    run({ op: 'sigmoid' }, [tensor([2], [-800, 800])], [extremes]);
    expect(Array.from(extremes.data)).toEqual([0, 1]);
  });
});

describe('softmax and log-softmax', () => {
  for (const op of ['softmax', 'logSoftmax'] as const) {
    it(`${op}: backward matches central differences`, () => {
      const shape = [3, 5];
      const input = tensor(shape, randomValues(15, randomState(21)));
      const [output, dInput] = [tensor(shape), tensor(shape)];
      const backward: OpName = op === 'softmax' ? 'softmaxBackward' : 'logSoftmaxBackward';
      checkGradients({
        inputs: { x: input.data as Float64Array },
        forward: () => (run({ op }, [input], [output]), output.data),
        backward: (dOutput) => {
          run({ op }, [input], [output]);
          run({ op: backward } as { op: 'softmaxBackward' }, [output, { shape, data: dOutput }], [dInput]);
          return { x: dInput.data };
        },
      });
    });
  }

  it('softmax rows sum to 1 and survive huge logits', () => {
    const output = tensor([2, 3]);
    run({ op: 'softmax' }, [tensor([2, 3], [1000, 1000, 1000, -1000, 0, 1000])], [output]);
    expectClose(output.data, [1 / 3, 1 / 3, 1 / 3, 0, 0, 1], 1e-15);
  });
});

interface UnaryFixture {
  op: 'gelu' | 'leakyRelu' | 'sigmoid' | 'tanh' | 'softmax' | 'logSoftmax';
  attributes: Record<string, unknown>;
  input: FixtureTensor;
  output: FixtureTensor;
  dOutput: FixtureTensor;
  dInput: FixtureTensor;
}

describe('activations match PyTorch', () => {
  const cases = readFixture<UnaryFixture[]>('activations');
  for (const precision of ['f64', 'f32'] as Precision[]) {
    for (const fixture of cases) {
      it(`${fixture.op} ${JSON.stringify(fixture.attributes)} in ${precision}`, () => {
        const tolerance = fixtureTolerance(precision);
        const forward = { op: fixture.op, ...fixture.attributes } as UnaryFunction;
        const input = fromFixture(fixture.input, precision);
        const [output, dInput] = [tensor(fixture.input.shape, undefined, precision), tensor(fixture.input.shape, undefined, precision)];
        run(forward, [input], [output]);
        expectClose(output.data, fixture.output.data, ...tolerance);
        const saved = ['sigmoid', 'tanh', 'softmax', 'logSoftmax'].includes(fixture.op) ? output : input;
        const backward = fixture.op === 'softmax' || fixture.op === 'logSoftmax' ? ({ op: `${fixture.op}Backward` } as { op: 'softmaxBackward' }) : backwardOf(forward);
        run(backward, [saved, fromFixture(fixture.dOutput, precision)], [dInput]);
        expectClose(dInput.data, fixture.dInput.data, ...tolerance);
      });
    }
  }
});
