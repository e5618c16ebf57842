// Max and average pooling, and nearest and bilinear upsampling: the course example, known values,
// finite-difference gradients and PyTorch references.
import { describe, expect, it } from 'vitest';
import type { HeightWidth, OpOf, Padding2D } from '../../../../engine/ir/index.ts';
import { elementCount } from '../../../../engine/ir/index.ts';
import { checkGradients, distinctValues, expectClose, fixtureTolerance, fromFixture, randomState, randomValues, readFixture, run, tensor, type FixtureTensor, type Precision } from './helpers.ts';

const NO_PADDING: Padding2D = { top: 0, bottom: 0, left: 0, right: 0 };

function pool(op: 'maxPool2d' | 'avgPool2d', window: HeightWidth, stride: HeightWidth, padding = NO_PADDING, countPadding = true): OpOf<'maxPool2d'> | OpOf<'avgPool2d'> {
  return { op, window, stride, padding, countPadding };
}

describe('max pooling', () => {
  it('pools the course example 2×2 with stride 2', () => {
    const map = tensor([1, 4, 4, 1], [429, 505, 686, 856, 261, 792, 412, 640, 633, 653, 851, 751, 608, 913, 713, 657]);
    const output = tensor([1, 2, 2, 1]);
    run(pool('maxPool2d', [2, 2], [2, 2]), [map], [output]);
    expect(Array.from(output.data)).toEqual([792, 856, 913, 851]);
  });

  it('routes each gradient to its window’s maximum, the first one on a tie', () => {
    const x = tensor([1, 2, 2, 1], [3, 7, 7, 1]);
    const dx = tensor([1, 2, 2, 1]);
    run({ ...pool('maxPool2d', [2, 2], [2, 2]), op: 'maxPool2dBackward' }, [x, tensor([1, 1, 1, 1], [5])], [dx]);
    expect(Array.from(dx.data)).toEqual([0, 5, 0, 0]);
  });

  it('ignores padding, even around negative values', () => {
    const output = tensor([1, 1, 1, 1]);
    run(pool('maxPool2d', [2, 2], [2, 2], { top: 1, bottom: 0, left: 1, right: 0 }), [tensor([1, 1, 1, 1], [-4])], [output]);
    expect(output.data[0]).toBe(-4);
  });
});

describe('average pooling', () => {
  it('divides by the window area, or by the cells inside the image without countPadding', () => {
    const x = tensor([1, 2, 2, 1], [1, 2, 3, 4]);
    const output = tensor([1, 2, 2, 1]);
    const padding = { top: 1, bottom: 0, left: 1, right: 0 };
    run(pool('avgPool2d', [2, 2], [1, 1], padding, true), [x], [output]);
    expect(Array.from(output.data)).toEqual([0.25, 0.75, 1, 2.5]);
    run(pool('avgPool2d', [2, 2], [1, 1], padding, false), [x], [output]);
    expect(Array.from(output.data)).toEqual([1, 1.5, 2, 2.5]);
  });
});

describe('pooling gradients match central differences', () => {
  const configs: { window: HeightWidth; stride: HeightWidth; padding: Padding2D; countPadding: boolean; output: number[] }[] = [
    { window: [2, 2], stride: [2, 2], padding: NO_PADDING, countPadding: true, output: [2, 3, 3, 2] },
    { window: [3, 3], stride: [2, 2], padding: { top: 1, bottom: 1, left: 1, right: 1 }, countPadding: true, output: [2, 3, 3, 2] },
    { window: [3, 2], stride: [1, 2], padding: { top: 2, bottom: 0, left: 0, right: 1 }, countPadding: false, output: [2, 6, 3, 2] },
  ];
  for (const op of ['maxPool2d', 'avgPool2d'] as const) {
    for (const { output: outputShape, ...attributes } of configs) {
      it(`${op} ${attributes.window.join('×')} stride ${attributes.stride} padding ${Object.values(attributes.padding)} countPadding ${attributes.countPadding}`, () => {
        const inputShape = [2, 6, 6, 2];
        const x = tensor(inputShape, distinctValues(elementCount(inputShape), randomState(91)));
        const [y, dx] = [tensor(outputShape), tensor(inputShape)];
        checkGradients({
          inputs: { x: x.data as Float64Array },
          forward: () => (run({ op, ...attributes }, [x], [y]), y.data),
          backward: (dOutput) => {
            const dy = { shape: outputShape, data: dOutput };
            if (op === 'maxPool2d') run({ op: 'maxPool2dBackward', ...attributes }, [x, dy], [dx]);
            else run({ op: 'avgPool2dBackward', ...attributes }, [dy], [dx]);
            return { x: dx.data };
          },
        });
      });
    }
  }
});

describe('upsampling', () => {
  it('nearest repeats pixels; bilinear blends them with half-pixel centers', () => {
    const x = tensor([1, 1, 2, 1], [1, 3]);
    const output = tensor([1, 2, 4, 1]);
    run({ op: 'upsample2d', mode: 'nearest', scale: [2, 2] }, [x], [output]);
    expect(Array.from(output.data)).toEqual([1, 1, 3, 3, 1, 1, 3, 3]);
    run({ op: 'upsample2d', mode: 'bilinear', scale: [2, 2] }, [x], [output]);
    expect(Array.from(output.data)).toEqual([1, 1.5, 2.5, 3, 1, 1.5, 2.5, 3]);
  });

  for (const mode of ['nearest', 'bilinear'] as const) {
    for (const scale of [[2, 2], [3, 2], [1, 3]] as HeightWidth[]) {
      it(`${mode} ×${scale.join('×')}: backward matches central differences`, () => {
        const inputShape = [2, 3, 4, 2];
        const outputShape = [2, 3 * scale[0], 4 * scale[1], 2];
        const x = tensor(inputShape, randomValues(elementCount(inputShape), randomState(95)));
        const [y, dx] = [tensor(outputShape), tensor(inputShape)];
        checkGradients({
          inputs: { x: x.data as Float64Array },
          forward: () => (run({ op: 'upsample2d', mode, scale }, [x], [y]), y.data),
          backward: (dOutput) => (run({ op: 'upsample2dBackward', mode, scale }, [{ shape: outputShape, data: dOutput }], [dx]), { x: dx.data }),
        });
      });
    }
  }
});

interface PoolFixture {
  kind: 'max' | 'avg';
  attributes: { window: HeightWidth; stride: HeightWidth; padding: Padding2D; countPadding: boolean };
  input: FixtureTensor;
  output: FixtureTensor;
  dOutput: FixtureTensor;
  dInput: FixtureTensor;
}

interface UpsampleFixture {
  attributes: { mode: 'nearest' | 'bilinear'; scale: HeightWidth };
  input: FixtureTensor;
  output: FixtureTensor;
  dOutput: FixtureTensor;
  dInput: FixtureTensor;
}

describe('pooling and upsampling match PyTorch', () => {
  for (const precision of ['f64', 'f32'] as Precision[]) {
    const tolerance = fixtureTolerance(precision);
    readFixture<PoolFixture[]>('pooling').forEach((fixture, index) => {
      it(`${fixture.kind} pooling case ${index} in ${precision}`, () => {
        const [x, dy] = [fromFixture(fixture.input, precision), fromFixture(fixture.dOutput, precision)];
        const [y, dx] = [tensor(fixture.output.shape, undefined, precision), tensor(x.shape, undefined, precision)];
        if (fixture.kind === 'max') {
          run({ op: 'maxPool2d', ...fixture.attributes }, [x], [y]);
          run({ op: 'maxPool2dBackward', ...fixture.attributes }, [x, dy], [dx]);
        } else {
          run({ op: 'avgPool2d', ...fixture.attributes }, [x], [y]);
          run({ op: 'avgPool2dBackward', ...fixture.attributes }, [dy], [dx]);
        }
        expectClose(y.data, fixture.output.data, ...tolerance);
        expectClose(dx.data, fixture.dInput.data, ...tolerance);
      });
    });
    readFixture<UpsampleFixture[]>('upsample').forEach((fixture, index) => {
      it(`${fixture.attributes.mode} upsampling case ${index} in ${precision}`, () => {
        const [x, dy] = [fromFixture(fixture.input, precision), fromFixture(fixture.dOutput, precision)];
        const [y, dx] = [tensor(fixture.output.shape, undefined, precision), tensor(x.shape, undefined, precision)];
        run({ op: 'upsample2d', ...fixture.attributes }, [x], [y]);
        run({ op: 'upsample2dBackward', ...fixture.attributes }, [dy], [dx]);
        expectClose(y.data, fixture.output.data, ...tolerance);
        expectClose(dx.data, fixture.dInput.data, ...tolerance);
      });
    });
  }
});
