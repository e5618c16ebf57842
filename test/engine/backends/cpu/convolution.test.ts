// Conv2D (forward, input and filter gradients) and ConvTranspose2D: the course example by hand,
// finite-difference gradients, and PyTorch references.
import { describe, expect, it } from 'vitest';
import type { HeightWidth, Padding2D } from '../../../../engine/ir/index.ts';
import { elementCount } from '../../../../engine/ir/index.ts';
import { checkGradients, expectClose, fixtureTolerance, fromFixture, randomState, randomValues, readFixture, run, tensor, type FixtureTensor, type Precision } from './helpers.ts';

const IMAGE = [
  [18, 54, 51, 239, 244, 188],
  [55, 121, 75, 78, 95, 88],
  [35, 24, 204, 113, 109, 221],
  [3, 154, 104, 235, 25, 130],
  [15, 253, 225, 159, 78, 233],
  [68, 85, 180, 214, 245, 0],
];
const CROSS_KERNEL = [1, 0, 1, 0, 1, 0, 1, 0, 1];

function padding(top: number, bottom: number, left: number, right: number): Padding2D {
  return { top, bottom, left, right };
}

describe('conv2d on the course example', () => {
  const image = tensor([1, 6, 6, 1], IMAGE.flat());
  const kernel = tensor([3, 3, 1, 1], CROSS_KERNEL);

  it('without padding gives a 4×4 map starting at 429', () => {
    const output = tensor([1, 4, 4, 1]);
    run({ op: 'conv2d', stride: [1, 1], padding: padding(0, 0, 0, 0), dilation: [1, 1] }, [image, kernel], [output]);
    expect(output.data[0]).toBe(429);
    expect(Array.from(output.data)).toEqual([429, 505, 686, 856, 261, 792, 412, 640, 633, 653, 851, 751, 608, 913, 713, 657]);
  });

  it('with padding 1 gives a 6×6 map starting at 139', () => {
    const output = tensor([1, 6, 6, 1]);
    run({ op: 'conv2d', stride: [1, 1], padding: padding(1, 1, 1, 1), dilation: [1, 1] }, [image, kernel], [output]);
    expect(output.data[0]).toBe(139);
    expect(output.data[1 * 6 + 1]).toBe(429);
  });

  it('rejects an output of the wrong size', () => {
    expect(() => run({ op: 'conv2d', stride: [1, 1], padding: padding(0, 0, 0, 0), dilation: [1, 1] }, [image, kernel], [tensor([1, 6, 6, 1])])).toThrow(/gives 4×4/);
  });
});

interface ConvConfig {
  input: number[];
  kernel: HeightWidth;
  outChannels: number;
  stride: HeightWidth;
  padding: Padding2D;
  dilation: HeightWidth;
}

const configs: ConvConfig[] = [
  { input: [2, 5, 6, 3], kernel: [3, 3], outChannels: 2, stride: [1, 1], padding: padding(0, 0, 0, 0), dilation: [1, 1] },
  { input: [2, 6, 5, 2], kernel: [3, 2], outChannels: 3, stride: [2, 2], padding: padding(1, 0, 2, 1), dilation: [1, 1] },
  { input: [1, 7, 6, 2], kernel: [2, 3], outChannels: 2, stride: [2, 1], padding: padding(1, 1, 0, 2), dilation: [2, 2] },
  { input: [1, 5, 5, 2], kernel: [2, 2], outChannels: 2, stride: [3, 3], padding: padding(0, 1, 1, 0), dilation: [1, 1] },
];

function outputSize(size: number, kernel: number, stride: number, before: number, after: number, dilation: number): number {
  return Math.floor((size + before + after - dilation * (kernel - 1) - 1) / stride) + 1;
}

describe('conv2d gradients match central differences', () => {
  for (const config of configs) {
    const { input: inputShape, kernel, outChannels, stride, padding: pads, dilation } = config;
    it(`input [${inputShape}], kernel ${kernel.join('×')}, stride ${stride}, padding ${Object.values(pads)}, dilation ${dilation}`, () => {
      const random = randomState(81);
      const attributes = { stride, padding: pads, dilation };
      const weightShape = [kernel[0], kernel[1], inputShape[3], outChannels];
      const outputShape = [
        inputShape[0],
        outputSize(inputShape[1], kernel[0], stride[0], pads.top, pads.bottom, dilation[0]),
        outputSize(inputShape[2], kernel[1], stride[1], pads.left, pads.right, dilation[1]),
        outChannels,
      ];
      const x = tensor(inputShape, randomValues(elementCount(inputShape), random));
      const w = tensor(weightShape, randomValues(elementCount(weightShape), random));
      const [y, dx, dw] = [tensor(outputShape), tensor(inputShape), tensor(weightShape)];
      checkGradients({
        inputs: { x: x.data as Float64Array, w: w.data as Float64Array },
        forward: () => (run({ op: 'conv2d', ...attributes }, [x, w], [y]), y.data),
        backward: (dOutput) => {
          const dy = { shape: outputShape, data: dOutput };
          run({ op: 'conv2dBackwardInput', ...attributes }, [dy, w], [dx]);
          run({ op: 'conv2dBackwardFilter', ...attributes }, [x, dy], [dw]);
          return { x: dx.data, w: dw.data };
        },
      });
    });
  }
});

describe('convTranspose2d', () => {
  const cases = [
    { input: [2, 3, 3, 2], output: [2, 6, 6, 3], kernel: [3, 3], stride: [2, 2], padding: padding(1, 1, 1, 1), dilation: [1, 1] },
    { input: [1, 3, 2, 2], output: [1, 8, 4, 2], kernel: [4, 2], stride: [2, 2], padding: padding(0, 0, 1, 0), dilation: [1, 1] },
    { input: [1, 3, 3, 1], output: [1, 7, 4, 2], kernel: [2, 3], stride: [2, 1], padding: padding(0, 1, 1, 0), dilation: [2, 1] },
  ] as const;
  for (const { input: inputShape, output: outputShape, kernel, ...attributes } of cases) {
    it(`input [${inputShape}] to [${outputShape}]: gradients are conv2d and conv2dBackwardFilter`, () => {
      const random = randomState(82);
      const weightShape = [kernel[0], kernel[1], outputShape[3], inputShape[3]];
      const x = tensor(inputShape, randomValues(elementCount(inputShape), random));
      const w = tensor(weightShape, randomValues(elementCount(weightShape), random));
      const [y, dx, dw] = [tensor(outputShape), tensor(inputShape), tensor(weightShape)];
      checkGradients({
        inputs: { x: x.data as Float64Array, w: w.data as Float64Array },
        forward: () => (run({ op: 'convTranspose2d', ...attributes }, [x, w], [y]), y.data),
        backward: (dOutput) => {
          const dy = { shape: outputShape, data: dOutput };
          run({ op: 'conv2d', ...attributes }, [dy, w], [dx]);
          run({ op: 'conv2dBackwardFilter', ...attributes }, [dy, x], [dw]);
          return { x: dx.data, w: dw.data };
        },
      });
    });
  }

  it('spreads one pixel over a kernel-sized patch', () => {
    const output = tensor([1, 3, 3, 1]);
    const kernel = tensor([2, 2, 1, 1], [1, 2, 3, 4]);
    run({ op: 'convTranspose2d', stride: [1, 1], padding: padding(0, 0, 0, 0), dilation: [1, 1] }, [tensor([1, 2, 2, 1], [1, 0, 0, 10]), kernel], [output]);
    expect(Array.from(output.data)).toEqual([1, 2, 0, 3, 14, 20, 0, 30, 40]);
    expect(() => run({ op: 'convTranspose2d', stride: [1, 1], padding: padding(0, 0, 0, 0), dilation: [1, 1] }, [tensor([1, 2, 2, 1]), kernel], [tensor([1, 4, 3, 1])])).toThrow(
      /needs an input of 3×2/,
    );
  });
});

interface ConvFixture {
  attributes: { stride: HeightWidth; padding: Padding2D; dilation: HeightWidth };
  input: FixtureTensor;
  weights: FixtureTensor;
  output: FixtureTensor;
  dOutput: FixtureTensor;
  dInput: FixtureTensor;
  dWeights: FixtureTensor;
}

describe('convolutions match PyTorch', () => {
  for (const precision of ['f64', 'f32'] as Precision[]) {
    const tolerance = fixtureTolerance(precision);
    readFixture<ConvFixture[]>('conv2d').forEach((fixture, index) => {
      it(`conv2d case ${index} in ${precision}`, () => {
        const [x, w, dy] = [fromFixture(fixture.input, precision), fromFixture(fixture.weights, precision), fromFixture(fixture.dOutput, precision)];
        const [y, dx, dw] = [tensor(fixture.output.shape, undefined, precision), tensor(x.shape, undefined, precision), tensor(w.shape, undefined, precision)];
        run({ op: 'conv2d', ...fixture.attributes }, [x, w], [y]);
        run({ op: 'conv2dBackwardInput', ...fixture.attributes }, [dy, w], [dx]);
        run({ op: 'conv2dBackwardFilter', ...fixture.attributes }, [x, dy], [dw]);
        expectClose(y.data, fixture.output.data, ...tolerance);
        expectClose(dx.data, fixture.dInput.data, ...tolerance);
        expectClose(dw.data, fixture.dWeights.data, ...tolerance);
      });
    });
    readFixture<ConvFixture[]>('convTranspose2d').forEach((fixture, index) => {
      it(`convTranspose2d case ${index} in ${precision}`, () => {
        const [x, w, dy] = [fromFixture(fixture.input, precision), fromFixture(fixture.weights, precision), fromFixture(fixture.dOutput, precision)];
        const [y, dx, dw] = [tensor(fixture.output.shape, undefined, precision), tensor(x.shape, undefined, precision), tensor(w.shape, undefined, precision)];
        run({ op: 'convTranspose2d', ...fixture.attributes }, [x, w], [y]);
        run({ op: 'conv2d', ...fixture.attributes }, [dy, w], [dx]);
        run({ op: 'conv2dBackwardFilter', ...fixture.attributes }, [dy, x], [dw]);
        expectClose(y.data, fixture.output.data, ...tolerance);
        expectClose(dx.data, fixture.dInput.data, ...tolerance);
        expectClose(dw.data, fixture.dWeights.data, ...tolerance);
      });
    });
  }
});
