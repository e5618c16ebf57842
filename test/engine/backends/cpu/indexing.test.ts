// concat/split, slice and embedding: known values and finite-difference gradients.
import { describe, expect, it } from 'vitest';
import { checkGradients, fromFixture, fixtureTolerance, expectClose, integerTensor, randomState, randomValues, readFixture, run, tensor, type FixtureTensor, type Precision } from './helpers.ts';

describe('concat and split', () => {
  it('joins along a middle axis and split undoes it', () => {
    const a = tensor([2, 1, 2], [1, 2, 3, 4]);
    const b = tensor([2, 2, 2], [5, 6, 7, 8, 9, 10, 11, 12]);
    const joined = tensor([2, 3, 2]);
    run({ op: 'concat', axis: 1 }, [a, b], [joined]);
    expect(Array.from(joined.data)).toEqual([1, 2, 5, 6, 7, 8, 3, 4, 9, 10, 11, 12]);
    const [first, second] = [tensor([2, 1, 2]), tensor([2, 2, 2])];
    run({ op: 'split', axis: 1 }, [joined], [first, second]);
    expect(Array.from(first.data)).toEqual(Array.from(a.data));
    expect(Array.from(second.data)).toEqual(Array.from(b.data));
    expect(() => run({ op: 'concat', axis: 1 }, [a, a], [joined])).toThrow(/add up to 2/);
  });

  for (const axis of [0, 1, 2]) {
    it(`concat on axis ${axis}: split is its gradient`, () => {
      const random = randomState(71 + axis);
      const shapes = [[2, 3, 4], [2, 3, 4], [2, 3, 4]].map((shape, part) => shape.map((size, index) => (index === axis ? size - part : size)));
      const parts = shapes.map((shape) => tensor(shape, randomValues(shape.reduce((a, b) => a * b), random)));
      const wholeShape = shapes[0].map((size, index) => (index === axis ? shapes.reduce((sum, shape) => sum + shape[axis], 0) : size));
      const whole = tensor(wholeShape);
      const gradients = shapes.map((shape) => tensor(shape));
      checkGradients({
        inputs: Object.fromEntries(parts.map((part, index) => [`part${index}`, part.data as Float64Array])),
        forward: () => (run({ op: 'concat', axis }, parts, [whole]), whole.data),
        backward: (dOutput) => {
          run({ op: 'split', axis }, [{ shape: wholeShape, data: dOutput }], gradients);
          return Object.fromEntries(gradients.map((gradient, index) => [`part${index}`, gradient.data]));
        },
      });
    });
  }
});

describe('slice', () => {
  it('takes the last time step; sliceBackward places the gradient in zeros', () => {
    const x = tensor([2, 3, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const last = tensor([2, 1, 2]);
    run({ op: 'slice', axis: 1, start: 2 }, [x], [last]);
    expect(Array.from(last.data)).toEqual([5, 6, 11, 12]);
    const random = randomState(75);
    const input = tensor([3, 5, 2], randomValues(30, random));
    const window = tensor([3, 2, 2]);
    const dInput = tensor([3, 5, 2]);
    checkGradients({
      inputs: { x: input.data as Float64Array },
      forward: () => (run({ op: 'slice', axis: 1, start: 2 }, [input], [window]), window.data),
      backward: (dOutput) => (run({ op: 'sliceBackward', axis: 1, start: 2 }, [{ shape: window.shape, data: dOutput }], [dInput]), { x: dInput.data }),
    });
    expect(() => run({ op: 'slice', axis: 1, start: 4 }, [input], [window])).toThrow(/not a window/);
  });
});

interface EmbeddingFixture {
  ids: FixtureTensor;
  table: FixtureTensor;
  output: FixtureTensor;
  dOutput: FixtureTensor;
  dTable: FixtureTensor;
}

describe('embedding', () => {
  it('looks rows up; the backward scatter-adds, repeated ids summed', () => {
    const table = tensor([3, 2], [0, 1, 10, 11, 20, 21]);
    const ids = integerTensor([2, 2], [2, 0, 2, 1]);
    const output = tensor([2, 2, 2]);
    run({ op: 'embedding' }, [ids, table], [output]);
    expect(Array.from(output.data)).toEqual([20, 21, 0, 1, 20, 21, 10, 11]);
    const dTable = tensor([3, 2]);
    run({ op: 'embeddingBackward' }, [ids, tensor([2, 2, 2], [1, 1, 1, 1, 1, 1, 1, 1])], [dTable]);
    expect(Array.from(dTable.data)).toEqual([1, 1, 1, 1, 2, 2]);
    expect(() => run({ op: 'embedding' }, [integerTensor([1], [3]), table], [tensor([1, 2])])).toThrow(/outside the vocabulary of 3/);
  });

  it('the table gradient matches central differences', () => {
    const table = tensor([5, 3], randomValues(15, randomState(77)));
    const ids = integerTensor([2, 4], [4, 0, 4, 2, 1, 1, 3, 4]);
    const output = tensor([2, 4, 3]);
    const dTable = tensor([5, 3]);
    checkGradients({
      inputs: { table: table.data as Float64Array },
      forward: () => (run({ op: 'embedding' }, [ids, table], [output]), output.data),
      backward: (dOutput) => (run({ op: 'embeddingBackward' }, [ids, { shape: output.shape, data: dOutput }], [dTable]), { table: dTable.data }),
    });
  });

  for (const precision of ['f64', 'f32'] as Precision[]) {
    it(`matches PyTorch in ${precision}`, () => {
      const [fixture] = readFixture<EmbeddingFixture[]>('embedding');
      const ids = integerTensor(fixture.ids.shape, fixture.ids.data);
      const output = tensor(fixture.output.shape, undefined, precision);
      const dTable = tensor(fixture.table.shape, undefined, precision);
      run({ op: 'embedding' }, [ids, fromFixture(fixture.table, precision)], [output]);
      expectClose(output.data, fixture.output.data, ...fixtureTolerance(precision));
      run({ op: 'embeddingBackward' }, [ids, fromFixture(fixture.dOutput, precision)], [dTable]);
      expectClose(dTable.data, fixture.dTable.data, ...fixtureTolerance(precision));
    });
  }
});
