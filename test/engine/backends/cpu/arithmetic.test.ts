// Broadcasting arithmetic, reductions and matmul: known values and finite-difference gradients,
// the gradients composed from primitive ops as the compiler's gradient table will compose them.
import { describe, expect, it } from 'vitest';
import type { CpuTensor } from '../../../../engine/backends/cpu/index.ts';
import { elementCount } from '../../../../engine/ir/index.ts';
import { checkGradients, expectClose, randomState, randomValues, run, tensor, type FloatTensor } from './helpers.ts';

type Arithmetic = 'add' | 'sub' | 'mul' | 'div';

/** dA and dB of c = a ∘ b from primitive ops (mul, div, negate, sumToShape). */
function arithmeticGradients(kind: Arithmetic, a: CpuTensor, b: CpuTensor, c: CpuTensor, dc: CpuTensor): { a: FloatTensor; b: FloatTensor } {
  const full = c.shape;
  const [da, db, term, other] = [tensor(a.shape), tensor(b.shape), tensor(full), tensor(full)];
  if (kind === 'add' || kind === 'sub') {
    run({ op: 'sumToShape' }, [dc], [da]);
    if (kind === 'sub') run({ op: 'negate' }, [dc], [term]);
    run({ op: 'sumToShape' }, [kind === 'sub' ? term : dc], [db]);
  } else if (kind === 'mul') {
    run({ op: 'mul' }, [dc, b], [term]);
    run({ op: 'sumToShape' }, [term], [da]);
    run({ op: 'mul' }, [dc, a], [other]);
    run({ op: 'sumToShape' }, [other], [db]);
  } else {
    run({ op: 'div' }, [dc, b], [term]);
    run({ op: 'sumToShape' }, [term], [da]);
    run({ op: 'mul' }, [term, c], [other]);
    run({ op: 'negate' }, [other], [term]);
    run({ op: 'sumToShape' }, [term], [db]);
  }
  return { a: da, b: db };
}

describe('broadcasting arithmetic', () => {
  const shapes: [number[], number[], number[]][] = [
    [[2, 3], [2, 3], [2, 3]],
    [[2, 3, 4], [4], [2, 3, 4]],
    [[2, 1, 4], [3, 1], [2, 3, 4]],
    [[], [2, 3], [2, 3]],
    [[3, 1], [1, 5], [3, 5]],
  ];
  for (const kind of ['add', 'sub', 'mul', 'div'] as const) {
    for (const [aShape, bShape, cShape] of shapes) {
      it(`${kind} [${aShape}] with [${bShape}]: gradients match central differences`, () => {
        const random = randomState(31);
        const a = tensor(aShape, randomValues(elementCount(aShape), random));
        const b = tensor(bShape, randomValues(elementCount(bShape), random, kind === 'div' ? { margin: 0.5 } : {}));
        const c = tensor(cShape);
        checkGradients({
          inputs: { a: a.data as Float64Array, b: b.data as Float64Array },
          forward: () => (run({ op: kind }, [a, b], [c]), c.data),
          backward: (dOutput) => {
            run({ op: kind }, [a, b], [c]);
            const gradients = arithmeticGradients(kind, a, b, c, { shape: cShape, data: dOutput });
            return { a: gradients.a.data, b: gradients.b.data };
          },
        });
      });
    }
  }

  it('computes known values and rejects shapes that do not broadcast', () => {
    const output = tensor([2, 3]);
    run({ op: 'sub' }, [tensor([2, 3], [1, 2, 3, 4, 5, 6]), tensor([3], [1, 1, 2])], [output]);
    expect(Array.from(output.data)).toEqual([0, 1, 1, 3, 4, 4]);
    run({ op: 'div' }, [tensor([2, 1], [6, 12]), tensor([3], [1, 2, 3])], [output]);
    expect(Array.from(output.data)).toEqual([6, 3, 2, 12, 6, 4]);
    expect(() => run({ op: 'add' }, [tensor([2, 3]), tensor([2])], [output])).toThrow(/do not broadcast/);
  });
});

describe('broadcast, sumToShape and reductions', () => {
  it('broadcast and sumToShape are adjoint, and sumToShape is broadcast’s gradient', () => {
    const random = randomState(41);
    const x = tensor([3, 1, 4], randomValues(12, random));
    const y = tensor([2, 3, 5, 4]);
    const back = tensor([3, 1, 4]);
    checkGradients({
      inputs: { x: x.data as Float64Array },
      forward: () => (run({ op: 'broadcast' }, [x], [y]), y.data),
      backward: (dOutput) => (run({ op: 'sumToShape' }, [{ shape: y.shape, data: dOutput }], [back]), { x: back.data }),
    });
  });

  for (const [op, axes] of [['reduceSum', [0, 2]], ['reduceMean', [1]], ['reduceMean', [0, 1, 2]], ['reduceSum', [2]]] as const) {
    it(`${op} over [${axes}]: broadcast (and scale) is its gradient`, () => {
      const shape = [2, 3, 4];
      const x = tensor(shape, randomValues(24, randomState(42)));
      const keptShape = shape.map((size, axis) => ((axes as readonly number[]).includes(axis) ? 1 : size));
      const y = tensor(keptShape);
      const [spread, dx] = [tensor(shape), tensor(shape)];
      const count = elementCount(shape) / elementCount(keptShape);
      checkGradients({
        inputs: { x: x.data as Float64Array },
        forward: () => (run({ op, axes }, [x], [y]), y.data),
        backward: (dOutput) => {
          run({ op: 'broadcast' }, [{ shape: keptShape, data: dOutput }], [spread]);
          run({ op: 'scale', factor: op === 'reduceMean' ? 1 / count : 1 }, [spread], [dx]);
          return { x: dx.data };
        },
      });
    });
  }

  it('reduces known values; the output may drop the reduced axes', () => {
    const x = tensor([2, 3], [1, 2, 3, 4, 5, 6]);
    const columns = tensor([3]);
    run({ op: 'reduceSum', axes: [0] }, [x], [columns]);
    expect(Array.from(columns.data)).toEqual([5, 7, 9]);
    const rows = tensor([2, 1]);
    run({ op: 'reduceMean', axes: [1] }, [x], [rows]);
    expect(Array.from(rows.data)).toEqual([2, 5]);
    expect(() => run({ op: 'reduceSum', axes: [1, 0] }, [x], [rows])).toThrow(/ascending/);
  });
});

describe('matmul', () => {
  it('multiplies known matrices', () => {
    const product = tensor([2, 2]);
    run({ op: 'matmul', transposeA: false, transposeB: false }, [tensor([2, 2], [1, 2, 3, 4]), tensor([2, 2], [5, 6, 7, 8])], [product]);
    expect(Array.from(product.data)).toEqual([19, 22, 43, 50]);
    run({ op: 'matmul', transposeA: true, transposeB: true }, [tensor([2, 2], [1, 2, 3, 4]), tensor([2, 2], [5, 6, 7, 8])], [product]);
    expect(Array.from(product.data)).toEqual([23, 31, 34, 46]);
  });

  for (const [transposeA, transposeB] of [[false, false], [true, false], [false, true], [true, true]] as const) {
    it(`batched, transposeA ${transposeA}, transposeB ${transposeB}: gradients from matmul`, () => {
      const [batch, m, k, n] = [2, 3, 4, 5];
      const random = randomState(51);
      const a = tensor(transposeA ? [batch, k, m] : [batch, m, k], randomValues(batch * m * k, random));
      const b = tensor(transposeB ? [batch, n, k] : [batch, k, n], randomValues(batch * k * n, random));
      const c = tensor([batch, m, n]);
      const [da, db] = [tensor(a.shape), tensor(b.shape)];
      checkGradients({
        inputs: { a: a.data as Float64Array, b: b.data as Float64Array },
        forward: () => (run({ op: 'matmul', transposeA, transposeB }, [a, b], [c]), c.data),
        backward: (dOutput) => {
          const dc = { shape: c.shape, data: dOutput };
          if (transposeA) run({ op: 'matmul', transposeA: transposeB, transposeB: true }, [b, dc], [da]);
          else run({ op: 'matmul', transposeA: false, transposeB: !transposeB }, [dc, b], [da]);
          if (transposeB) run({ op: 'matmul', transposeA: true, transposeB: transposeA }, [dc, a], [db]);
          else run({ op: 'matmul', transposeA: !transposeA, transposeB: false }, [a, dc], [db]);
          return { a: da.data, b: db.data };
        },
      });
    });
  }

  it('shares a rank-2 operand across the batch (Dense on a sequence), its gradient summed over the batch', () => {
    const random = randomState(52);
    const x = tensor([2, 3, 4], randomValues(24, random));
    const w = tensor([4, 5], randomValues(20, random));
    const y = tensor([2, 3, 5]);
    const [dx, dw] = [tensor(x.shape), tensor(w.shape)];
    checkGradients({
      inputs: { x: x.data as Float64Array, w: w.data as Float64Array },
      forward: () => (run({ op: 'matmul', transposeA: false, transposeB: false }, [x, w], [y]), y.data),
      backward: (dOutput) => {
        run({ op: 'matmul', transposeA: false, transposeB: true }, [{ shape: y.shape, data: dOutput }, w], [dx]);
        run({ op: 'matmul', transposeA: true, transposeB: false }, [{ shape: [6, 4], data: x.data }, { shape: [6, 5], data: dOutput }], [dw]);
        return { x: dx.data, w: dw.data };
      },
    });
  });

  it('rejects mismatched inner sizes', () => {
    expect(() => run({ op: 'matmul', transposeA: false, transposeB: false }, [tensor([2, 3]), tensor([2, 3])], [tensor([2, 3])])).toThrow(/inner sizes/);
  });
});

describe('biasAdd', () => {
  it('adds along the last axis; its gradient is dy and the sum of dy over the other axes', () => {
    const random = randomState(61);
    const x = tensor([2, 3, 4], randomValues(24, random));
    const bias = tensor([4], randomValues(4, random));
    const y = tensor([2, 3, 4]);
    const dBias = tensor([4]);
    checkGradients({
      inputs: { x: x.data as Float64Array, bias: bias.data as Float64Array },
      forward: () => (run({ op: 'biasAdd' }, [x, bias], [y]), y.data),
      backward: (dOutput) => (run({ op: 'reduceSum', axes: [0, 1] }, [{ shape: y.shape, data: dOutput }], [dBias]), { x: dOutput, bias: dBias.data }),
    });
  });
});

describe('copy and fill', () => {
  it('copies across shapes of one size and fills', () => {
    const target = tensor([3, 2]);
    run({ op: 'copy' }, [tensor([6], [1, 2, 3, 4, 5, 6])], [target]);
    expectClose(target.data, [1, 2, 3, 4, 5, 6], 0);
    run({ op: 'fill', value: 7 }, [], [target]);
    expect(Array.from(target.data)).toEqual([7, 7, 7, 7, 7, 7]);
    expect(() => run({ op: 'copy' }, [tensor([5])], [target])).toThrow(/expected 5/);
  });
});
