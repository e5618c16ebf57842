// Batch normalization (training, inference, backward) and dropout: finite-difference gradients,
// PyTorch references, and dropout's determinism under a seed.
import { describe, expect, it } from 'vitest';
import type { CpuTensor } from '../../../../engine/backends/cpu/index.ts';
import { elementCount, seedRandomState } from '../../../../engine/ir/index.ts';
import { checkGradients, expectClose, fixtureTolerance, fromFixture, randomState, randomValues, readFixture, run, tensor, type FixtureTensor, type Precision } from './helpers.ts';

function batchNormTensors(shape: number[], seed: number) {
  const random = randomState(seed);
  const channels = shape[shape.length - 1];
  return {
    x: tensor(shape, randomValues(elementCount(shape), random)),
    gamma: tensor([channels], randomValues(channels, random)),
    beta: tensor([channels], randomValues(channels, random)),
    runningMean: tensor([channels]),
    runningVariance: tensor([channels], new Array<number>(channels).fill(1)),
    mean: tensor([channels]),
    inverseDeviation: tensor([channels]),
  };
}

describe('batch normalization', () => {
  for (const shape of [[5, 3], [2, 3, 2, 4]]) {
    it(`training-mode gradients for [${shape}] match central differences`, () => {
      const { x, gamma, beta, runningMean, runningVariance, mean, inverseDeviation } = batchNormTensors(shape, 101);
      const attributes = { epsilon: 1e-5, momentum: 0.1 };
      const [y, dx, dGamma, dBeta] = [tensor(shape), tensor(shape), tensor(gamma.shape), tensor(beta.shape)];
      const forward = () => run({ op: 'batchNormTrain', ...attributes }, [x, gamma, beta, runningMean, runningVariance], [y, mean, inverseDeviation, runningMean, runningVariance]);
      checkGradients({
        inputs: { x: x.data as Float64Array, gamma: gamma.data as Float64Array, beta: beta.data as Float64Array },
        forward: () => (forward(), y.data),
        backward: (dOutput) => {
          forward();
          run({ op: 'batchNormBackward', ...attributes }, [x, gamma, mean, inverseDeviation, { shape, data: dOutput }], [dx, dGamma, dBeta]);
          return { x: dx.data, gamma: dGamma.data, beta: dBeta.data };
        },
      });
    });
  }

  it('normalizes each channel to mean 0 and variance 1 before gamma and beta', () => {
    const x = tensor([4, 2], [1, 10, 2, 20, 3, 30, 4, 40]);
    const [y, mean, inverse, runningMean, runningVariance] = [tensor([4, 2]), tensor([2]), tensor([2]), tensor([2]), tensor([2], [1, 1])];
    run({ op: 'batchNormTrain', epsilon: 0, momentum: 0.5 }, [x, tensor([2], [1, 1]), tensor([2]), runningMean, runningVariance], [y, mean, inverse, runningMean, runningVariance]);
    expectClose(y.data, [-3, -3, -1, -1, 1, 1, 3, 3].map((value) => value / Math.sqrt(5)), 1e-14);
    expectClose(mean.data, [2.5, 25], 1e-15);
    expectClose(runningMean.data, [1.25, 12.5], 1e-15);
    expectClose(runningVariance.data, [0.5 + 0.5 * (5 / 3), 0.5 + 0.5 * (500 / 3)], 1e-14);
  });

  it('inference mode uses the running statistics', () => {
    const y = tensor([2, 2]);
    const inputs = [tensor([2, 2], [1, 2, 3, 4]), tensor([2], [2, 1]), tensor([2], [0.5, 0]), tensor([2], [1, 2]), tensor([2], [4, 0.25])];
    run({ op: 'batchNormInference', epsilon: 0, momentum: 0.1 }, inputs, [y]);
    expectClose(y.data, [0.5, 0, 2.5, 4], 1e-15);
  });
});

interface BatchNormFixture {
  attributes: { momentum: number; epsilon: number };
  input: FixtureTensor;
  gamma: FixtureTensor;
  beta: FixtureTensor;
  runningMean: FixtureTensor;
  runningVariance: FixtureTensor;
  output: FixtureTensor;
  newRunningMean: FixtureTensor;
  newRunningVariance: FixtureTensor;
  dOutput: FixtureTensor;
  dInput: FixtureTensor;
  dGamma: FixtureTensor;
  dBeta: FixtureTensor;
}

describe('batch normalization matches PyTorch', () => {
  for (const precision of ['f64', 'f32'] as Precision[]) {
    readFixture<BatchNormFixture[]>('batchNorm').forEach((fixture, index) => {
      it(`case ${index} in ${precision}`, () => {
        const tolerance = fixtureTolerance(precision);
        const load = (value: FixtureTensor) => fromFixture(value, precision);
        const [x, gamma, beta, runningMean, runningVariance] = [fixture.input, fixture.gamma, fixture.beta, fixture.runningMean, fixture.runningVariance].map(load);
        const channels = gamma.shape;
        const [y, mean, inverse] = [tensor(x.shape, undefined, precision), tensor(channels, undefined, precision), tensor(channels, undefined, precision)];
        run({ op: 'batchNormTrain', ...fixture.attributes }, [x, gamma, beta, runningMean, runningVariance], [y, mean, inverse, runningMean, runningVariance]);
        expectClose(y.data, fixture.output.data, ...tolerance);
        expectClose(runningMean.data, fixture.newRunningMean.data, ...tolerance);
        expectClose(runningVariance.data, fixture.newRunningVariance.data, ...tolerance);
        const [dx, dGamma, dBeta] = [tensor(x.shape, undefined, precision), tensor(channels, undefined, precision), tensor(channels, undefined, precision)];
        run({ op: 'batchNormBackward', ...fixture.attributes }, [x, gamma, mean, inverse, load(fixture.dOutput)], [dx, dGamma, dBeta]);
        expectClose(dx.data, fixture.dInput.data, ...tolerance);
        expectClose(dGamma.data, fixture.dGamma.data, ...tolerance);
        expectClose(dBeta.data, fixture.dBeta.data, ...tolerance);
      });
    });
  }
});

describe('dropout', () => {
  function stateTensor(seed: number): CpuTensor {
    return { shape: [4], data: seedRandomState(seed) };
  }

  function masks(seed: number, steps: number, count: number): number[][] {
    const state = stateTensor(seed);
    const [x, y, mask] = [tensor([count], new Array<number>(count).fill(1)), tensor([count]), tensor([count])];
    return Array.from({ length: steps }, () => {
      run({ op: 'dropout', rate: 0.3 }, [x, state], [y, mask, state]);
      return Array.from(mask.data);
    });
  }

  it('one seed gives the same masks, step after step; another seed, other masks', () => {
    const first = masks(7, 3, 64);
    expect(masks(7, 3, 64)).toEqual(first);
    expect(first[1]).not.toEqual(first[0]);
    expect(masks(8, 1, 64)[0]).not.toEqual(first[0]);
  });

  it('keeps about 1 - rate of the values, scaled by 1/(1 - rate), and reads the state without changing it', () => {
    const count = 20000;
    const before = seedRandomState(3);
    const [stateIn, stateOut] = [{ shape: [4], data: Int32Array.from(before) }, { shape: [4], data: new Int32Array(4) }];
    const x = tensor([count], randomValues(count, randomState(4)));
    const [y, mask] = [tensor([count]), tensor([count])];
    run({ op: 'dropout', rate: 0.25 }, [x, stateIn], [y, mask, stateOut]);
    const kept = Array.from(mask.data).filter((value) => value !== 0);
    expect(new Set(kept)).toEqual(new Set([1 / 0.75]));
    expect(Math.abs(kept.length / count - 0.75)).toBeLessThan(0.01);
    for (let index = 0; index < count; index++) expect(y.data[index]).toBe(x.data[index] * mask.data[index]);
    expect(Array.from(stateIn.data)).toEqual(Array.from(before));
    expect(Array.from(stateOut.data)).not.toEqual(Array.from(before));
  });

  it('rate 0 keeps everything; backward multiplies by the stored mask (central differences with a replayed seed)', () => {
    const full = masks(5, 1, 16)[0];
    expect(masks(5, 1, 16)[0]).toEqual(full);
    const [x, y, mask, dx] = [tensor([3, 4], randomValues(12, randomState(6))), tensor([3, 4]), tensor([3, 4]), tensor([3, 4])];
    const state = stateTensor(9);
    const forward = (rate: number) => {
      state.data.set(seedRandomState(9));
      run({ op: 'dropout', rate }, [x, state], [y, mask, state]);
    };
    forward(0);
    expect(Array.from(mask.data)).toEqual(new Array<number>(12).fill(1));
    checkGradients({
      inputs: { x: x.data as Float64Array },
      forward: () => (forward(0.5), y.data),
      backward: (dOutput) => (forward(0.5), run({ op: 'dropoutBackward', rate: 0.5 }, [mask, { shape: [3, 4], data: dOutput }], [dx]), { x: dx.data }),
    });
  });
});
