// The labs on the user's network, their plain logic against hand-computed numbers: slicing the
// worker's tensors, the X-vs-O tour's layers, votes and sentences, a real Conv2D's window step
// (padding, stride) and the activation overlay's regions and words.
import { describe, expect, it } from 'vitest';
import { analyzeGraph, type GraphDocument } from '../../../engine/graph/index.ts';
import type { ActivationInputStats } from '../../../engine/protocol/index.ts';
import { activationOfLayer, overlayLines, overlayRegions } from '../../../renderer/learn/activationOverlay.ts';
import { agrees, convolutionGeometry, stepPosition, windowStep } from '../../../renderer/learn/networkConvolution.ts';
import { channelGrid, kernelGrid, shortNumber, type Tensor } from '../../../renderer/learn/networkTensors.ts';
import { strongestFilter, tourLayers, tourSteps, votes, zeros, type TourData, type TourLayers } from '../../../renderer/learn/xoTour.ts';
import { readExamples } from '../../engine/graph/examples.ts';

const tensor = (shape: number[], values: number[]): Tensor => ({ shape, values: Float32Array.from(values) });
const example = (name: string) => analyzeGraph(structuredClone(readExamples().find((candidate) => candidate.name === name)!.document)).document as GraphDocument;

describe('tensor slices', () => {
  it('reads one channel of one example of a channels-last map, and one filter of a kernel', () => {
    // 2 examples of 2×2×2: value = 100·example + 10·position + channel.
    const map = tensor([2, 2, 2, 2], [0, 1, 10, 11, 20, 21, 30, 31, 100, 101, 110, 111, 120, 121, 130, 131]);
    expect(channelGrid(map, 1, 1)).toEqual([[101, 111], [121, 131]]);
    // Weights [2, 1, 2 in, 3 out]: value = 100·position + 10·in + out.
    const weights = tensor([2, 1, 2, 3], [0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112]);
    expect(kernelGrid(weights, 1, 2)).toEqual([[12], [112]]);
    expect([shortNumber(0.456), shortNumber(-0.0001), shortNumber(3)]).toEqual(['0.46', '0', '3']);
  });
});

describe('the X-vs-O tour', () => {
  it('finds the bundled CNN\'s layers, and refuses another graph with the reason', () => {
    expect(tourLayers(example('xo-cnn.json'))).toEqual({ input: 'input1', convolution: 'conv2d1', activation: 'relu1', pooling: 'maxpool2d1', scores: 'dense1', filters: 4 });
    expect(tourLayers(example('lenet5.json'))).toEqual({ problem: 'The tour walks through the X vs O example, which trains on the X and O images.' });
  });

  it('counts each filter\'s votes by hand: Σ pooled × weight over its positions, plus the bias', () => {
    // One example, pooled 1×2 with 2 filters: features (position 0: 1, 2), (position 1: 3, 4).
    const pooled = tensor([1, 1, 2, 2], [1, 2, 3, 4]);
    const weights = tensor([4, 2], [1, 0, 0, 1, 2, -1, 0.5, 0.5]);
    const counted = votes(pooled, 0, weights, tensor([2], [0.5, -1]));
    // Filter 1: 1·(1, 0) + 3·(2, −1) = (7, −3); filter 2: 2·(0, 1) + 4·(0.5, 0.5) = (2, 4).
    expect(counted.byFilter).toEqual([[7, -3], [2, 4]]);
    expect(counted.totals).toEqual([9.5, 0]);
  });

  it('finds the strongest filter and the zeros of each example', () => {
    const map = tensor([2, 1, 2, 2], [0, 3, 0, -1, 5, 0, 0, 0]);
    expect(strongestFilter(map, 0)).toEqual({ filter: 1, value: 3 });
    expect(strongestFilter(map, 1)).toEqual({ filter: 0, value: 5 });
    expect(zeros(map, 0)).toEqual({ zero: 2, total: 4 });
    expect(zeros(map, 1)).toEqual({ zero: 3, total: 4 });
  });

  it('writes six steps whose sentences carry the numbers, and says when the filters are untrained', () => {
    const layers = tourLayers(example('xo-cnn.json')) as TourLayers;
    const one = (shape: number[], fill: (index: number) => number) => tensor(shape, Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, index) => fill(index)));
    const data: TourData = {
      trained: false,
      steps: 0,
      inputs: one([2, 9, 9, 1], () => 0.5),
      convolution: one([2, 7, 7, 4], (index) => (index === 6 ? 2.5 : index === 196 + 3 ? 4 : -1)),
      activation: one([2, 7, 7, 4], (index) => (index % 2 === 0 ? 0 : 1)),
      pooling: one([2, 3, 3, 4], () => 1),
      scores: tensor([2, 2], [2, 0, 0, 1]),
      probabilities: tensor([2, 2], [0.88, 0.12, 0.27, 0.73]),
      kernel: one([3, 3, 1, 4], () => 0.1),
      bias: tensor([4], [0, 0, 0, 0]),
      denseWeights: one([36, 2], () => 0),
      denseBias: tensor([2], [0, 0]),
      classNames: ['X', 'O'],
    };
    const steps = tourSteps(data, layers);
    expect(steps.map((step) => step.name)).toEqual(['examples', 'filters', 'convolution', 'activation', 'pooling', 'votes']);
    expect(steps[1].sentence).toMatch(/^These 4 filters are untrained/);
    // Index 6 is position 1, filter 2 of the X; index 196 + 3 is position 0, filter 3 of the O (1-based in the words).
    expect(steps[2].sentence).toContain('The strongest response to the X is filter 3 (2.5), to the O filter 4 (4).');
    expect(steps[3].sentence).toContain('it zeroed 98 of 196 values for the X and 98 of 196 for the O');
    expect(steps[4].sentence).toContain('the 7×7 maps shrink to 3×3');
    expect(steps[5].sentence).toContain('the X gets 88% X, the O gets 73% O');
    expect(steps[2].rows[1].map((map) => map.caption)).toEqual(['The O', 'Map 1', 'Map 2', 'Map 3', 'Map 4']);
    expect(tourSteps({ ...data, trained: true, steps: 125 }, layers)[1].sentence).toMatch(/^After 125 training steps these 4 3×3 filters/);
  });
});

describe('a real Conv2D, one window at a time', () => {
  it('takes the geometry from the params: same padding at stride 2 reads zeros above and left', () => {
    const geometry = convolutionGeometry({ kernelSize: [3, 3], stride: [2, 2], padding: 'same', padAmount: [0, 0], dilation: [1, 1] }, [1, 4, 4, 1]);
    expect([geometry.outputHeight, geometry.outputWidth, geometry.top, geometry.left]).toEqual([2, 2, 0, 0]);
    const valid = convolutionGeometry({ kernelSize: [3, 3], stride: [1, 1], padding: 'explicit', padAmount: [1, 1], dilation: [1, 1] }, [1, 4, 4, 2]);
    expect([valid.outputHeight, valid.outputWidth, valid.top, valid.left, valid.channels]).toEqual([4, 4, 1, 1, 2]);
    expect(stepPosition(valid, 6)).toEqual({ row: 1, column: 2 });
  });

  it('writes out the top-left window of a padded two-channel input, by hand', () => {
    const geometry = convolutionGeometry({ kernelSize: [2, 2], stride: [1, 1], padding: 'explicit', padAmount: [1, 1], dilation: [1, 1] }, [1, 2, 2, 2]);
    // Input 2×2×2: channel 0 = 1 2 / 3 4, channel 1 = 10 20 / 30 40 (channels last).
    const input = tensor([1, 2, 2, 2], [1, 10, 2, 20, 3, 30, 4, 40]);
    // Weights [2, 2, 2 in, 1 out]: every weight of channel 0 is 1, of channel 1 is 0.5.
    const weights = tensor([2, 2, 2, 1], [1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5]);
    const step = windowStep(geometry, input, weights, 0.25, 0, 0, 0);
    // The window at (-1, -1) covers padding except its bottom-right cell, the input's (0, 0).
    expect(step.products.filter((product) => product.channel === 0).map((product) => product.value)).toEqual([0, 0, 0, 1]);
    expect(step.channelSums).toEqual([1, 5]);
    expect(step.sum).toBe(6.25);
    expect(agrees(6.25, 6.25001)).toBe(true);
    expect(agrees(6.25, 6.3)).toBe(false);
  });
});

describe('the activation overlay', () => {
  it('sends open-ended regions and names each layer\'s activation', () => {
    expect(overlayRegions('relu')).toEqual([{ kind: 'zero', from: Number.NEGATIVE_INFINITY, to: 0 }]);
    const sigmoid = overlayRegions('sigmoid');
    expect(sigmoid.map((region) => [region.from, region.to])).toEqual([[Number.NEGATIVE_INFINITY, -2.89], [2.89, Number.POSITIVE_INFINITY]]);
    expect([activationOfLayer('ReLU'), activationOfLayer('LeakyReLU'), activationOfLayer('Conv2D')]).toEqual(['relu', 'leakyRelu', undefined]);
  });

  it('says the dead units and the inputs\' shares in words', () => {
    const stats: ActivationInputStats = { histogram: { min: -6, max: 6, counts: [1, 2], nonFinite: 0 }, below: 1, above: 0, values: 8, samples: 2, units: 4, zeroShare: 0.625, vanishingShare: 0, deadUnits: 1, saturatedUnits: 0 };
    expect(overlayLines(stats, 'relu')).toEqual([
      'Dead units: 1 of 4 (25.0%): their input was in the zero-gradient region for all 2 examples of the batch, so they did not learn from it.',
      'Inputs where the gradient is zero: 62.5%.',
      'Inputs off the plot: 1 left of −6, 0 right of 6.',
    ]);
    expect(overlayLines({ ...stats, units: 4704, deadUnits: 1 }, 'relu')[0]).toMatch(/^Dead units: 1 of 4704 \(under 0\.1%\)/);
    expect(overlayLines({ ...stats, deadUnits: 0 }, 'relu')[0]).toMatch(/^Dead units: 0 of 4 \(0%\)/);
  });
});
