// The op spec's cases: every op of the IR with realistic and edge-case shapes. An input's `kind`
// says how its values are drawn (labels and ids are integers in range, `positive` for log, div
// and variances, `distinct` for max pooling so that no two values of a window tie, `stepScalars`
// for the optimizer's step count and learning rate).
import type { Op, OpName } from '../../../../engine/ir/index.ts';
import { windowOutputSize } from '../../../../engine/ir/index.ts';

export type InputKind = 'normal' | 'positive' | 'distinct' | { readonly below: number } | 'randomState' | 'stepScalars';

export interface InputSpec {
  readonly shape: readonly number[];
  readonly kind?: InputKind;
}

export interface OpCase {
  readonly label: string;
  readonly op: Op;
  readonly inputs: readonly InputSpec[];
  /** Output shapes, or the index of an input the output updates in place. */
  readonly outputs: readonly (readonly number[] | number)[];
  /** Output positions not compared (scratch). */
  readonly ignore?: readonly number[];
}

const s = (...shape: number[]): InputSpec => ({ shape });
const positive = (...shape: number[]): InputSpec => ({ shape, kind: 'positive' });
const distinct = (...shape: number[]): InputSpec => ({ shape, kind: 'distinct' });
const labels = (below: number, ...shape: number[]): InputSpec => ({ shape, kind: { below } });

function matmulCases(): OpCase[] {
  const cases: [string, number[], number[], boolean, boolean, number[]][] = [
    ['7×13·13×9', [7, 13], [13, 9], false, false, [7, 9]],
    ['Aᵀ', [13, 7], [13, 9], true, false, [7, 9]],
    ['Bᵀ', [7, 13], [9, 13], false, true, [7, 9]],
    ['AᵀBᵀ', [13, 7], [9, 13], true, true, [7, 9]],
    ['across cache blocks 130×300·300×70', [130, 300], [300, 70], false, false, [130, 70]],
    ['Bᵀ across blocks (dense backward)', [70, 300], [520, 300], false, true, [70, 520]],
    ['Aᵀ across blocks (weight gradient)', [300, 130], [300, 33], true, false, [130, 33]],
    ['1×1·1×1', [1, 1], [1, 1], false, false, [1, 1]],
    ['batched', [3, 5, 6], [3, 6, 7], false, false, [3, 5, 7]],
    ['batched, shared B', [2, 4, 5], [5, 3], false, false, [2, 4, 3]],
    ['batched, shared Aᵀ', [6, 5], [2, 6, 3], true, false, [2, 5, 3]],
  ];
  return cases.map(([label, a, b, transposeA, transposeB, product]) => ({ label, op: { op: 'matmul', transposeA, transposeB }, inputs: [s(...a), s(...b)], outputs: [product] }));
}

interface ConvShape {
  readonly label: string;
  readonly input: number[];
  readonly kernel: [number, number];
  readonly outChannels: number;
  readonly stride: [number, number];
  readonly padding: { top: number; bottom: number; left: number; right: number };
  readonly dilation: [number, number];
}

const pad = (top: number, bottom = top, left = top, right = left) => ({ top, bottom, left, right });

const CONVOLUTIONS: ConvShape[] = [
  { label: 'LeNet conv1', input: [2, 28, 28, 1], kernel: [5, 5], outChannels: 6, stride: [1, 1], padding: pad(2), dilation: [1, 1] },
  { label: 'LeNet conv2', input: [2, 14, 14, 6], kernel: [5, 5], outChannels: 16, stride: [1, 1], padding: pad(0), dilation: [1, 1] },
  { label: 'stride, asymmetric padding, dilation', input: [2, 9, 11, 3], kernel: [3, 2], outChannels: 5, stride: [2, 3], padding: pad(1, 0, 2, 1), dilation: [2, 1] },
  { label: 'direct: 2 channels in, 13 out (two 8-lane groups), width off the 4-pixel tile', input: [2, 6, 7, 2], kernel: [3, 3], outChannels: 13, stride: [1, 1], padding: pad(1), dilation: [1, 1] },
  { label: 'direct input gradient: stride 1, 5 channels, dilation, padding past the kernel on the left', input: [2, 7, 9, 5], kernel: [3, 2], outChannels: 11, stride: [1, 1], padding: pad(1, 2, 3, 0), dilation: [2, 1] },
  { label: 'direct input gradient: 8 channels (one full group), 1×1 kernel', input: [3, 4, 5, 8], kernel: [1, 1], outChannels: 7, stride: [1, 1], padding: pad(0), dilation: [1, 1] },
  { label: '1×1, many channels', input: [1, 5, 4, 37], kernel: [1, 1], outChannels: 70, stride: [1, 1], padding: pad(0), dilation: [1, 1] },
  { label: 'tile edges: 7 channels in, 67 out (two column tiles), stride 2, padding 1', input: [3, 11, 13, 7], kernel: [3, 3], outChannels: 67, stride: [2, 2], padding: pad(1), dilation: [1, 1] },
  { label: 'filter gradient over 765 pixels (inner axis split in two), 20 channels out', input: [3, 17, 15, 3], kernel: [3, 3], outChannels: 20, stride: [1, 1], padding: pad(1), dilation: [1, 1] },
  { label: '1×1, stride 2, odd sizes', input: [2, 9, 9, 5], kernel: [1, 1], outChannels: 17, stride: [2, 2], padding: pad(0), dilation: [1, 1] },
];

function convCases(): OpCase[] {
  return CONVOLUTIONS.flatMap(({ label, input, kernel, outChannels, stride, padding, dilation }) => {
    const attributes = { stride, padding, dilation } as const;
    const output = [
      input[0],
      windowOutputSize(input[1], kernel[0], stride[0], padding.top, padding.bottom, dilation[0]),
      windowOutputSize(input[2], kernel[1], stride[1], padding.left, padding.right, dilation[1]),
      outChannels,
    ];
    const weights = [...kernel, input[3], outChannels];
    const transposedWeights = [...kernel, input[3], outChannels];
    return [
      { label, op: { op: 'conv2d', ...attributes }, inputs: [s(...input), s(...weights)], outputs: [output] },
      { label, op: { op: 'conv2dBackwardInput', ...attributes }, inputs: [s(...output), s(...weights)], outputs: [input] },
      { label, op: { op: 'conv2dBackwardFilter', ...attributes }, inputs: [s(...input), s(...output)], outputs: [weights] },
      { label, op: { op: 'convTranspose2d', ...attributes }, inputs: [s(...output), s(...transposedWeights)], outputs: [input] },
    ] satisfies OpCase[];
  });
}

const UNARY: readonly Op[] = [
  { op: 'relu' }, { op: 'leakyRelu', alpha: 0.1 }, { op: 'sigmoid' }, { op: 'tanh' }, { op: 'gelu', approximate: 'none' },
  { op: 'gelu', approximate: 'tanh' }, { op: 'binaryStep' }, { op: 'identity' }, { op: 'exp' }, { op: 'log' }, { op: 'negate' },
  { op: 'scale', factor: -2.5 }, { op: 'softmax' }, { op: 'logSoftmax' },
];

function activationCases(): OpCase[] {
  // Values from -20 to 20: both branches of the SIMD tanh, saturated sigmoids.
  const wide = (['sigmoid', 'tanh', 'leakyRelu'] as const).map((op): OpCase => ({ label: 'wide range 4×101', op: op === 'leakyRelu' ? { op, alpha: 0.2 } : { op }, inputs: [distinct(4, 101)], outputs: [[4, 101]] }));
  return [...wide, ...UNARY.flatMap((forward) => {
    const input = forward.op === 'log' ? positive(3, 17) : s(3, 17);
    const backward = { ...forward, op: `${forward.op}Backward` } as Op;
    return [
      { label: '3×17', op: forward, inputs: [input], outputs: [[3, 17]] },
      { label: '3×17', op: backward, inputs: [input, s(3, 17)], outputs: [[3, 17]] },
    ];
  })];
}

function poolCases(): OpCase[] {
  const cases: OpCase[] = [];
  // Channels off the 4 lanes (3, 6 as LeNet's pool1, 5), overlapping windows, asymmetric padding.
  for (const [label, input, window, stride, padding, output] of [
    ['2×2 stride 2', [2, 8, 8, 3], [2, 2], [2, 2], pad(0), [2, 4, 4, 3]],
    ['3×3 stride 2 padded', [2, 8, 8, 3], [3, 3], [2, 2], pad(1), [2, 4, 4, 3]],
    ['LeNet pool1', [2, 28, 28, 6], [2, 2], [2, 2], pad(0), [2, 14, 14, 6]],
    ['3×3 stride 1, asymmetric padding', [1, 6, 7, 5], [3, 3], [1, 1], pad(1, 0, 2, 1), [1, 5, 8, 5]],
    ['2×3 stride 2×3, adjacent windows leaving a row and columns uncovered', [3, 5, 8, 7], [2, 3], [2, 3], pad(0), [3, 2, 2, 7]],
  ] as const) {
    for (const countPadding of [true, false]) {
      const attributes = { window, stride, padding, countPadding };
      cases.push(
        { label, op: { op: 'maxPool2d', ...attributes }, inputs: [distinct(...input)], outputs: [output] },
        { label, op: { op: 'maxPool2dBackward', ...attributes }, inputs: [distinct(...input), s(...output)], outputs: [input] },
        { label: `${label}, countPadding ${countPadding}`, op: { op: 'avgPool2d', ...attributes }, inputs: [s(...input)], outputs: [output] },
        { label: `${label}, countPadding ${countPadding}`, op: { op: 'avgPool2dBackward', ...attributes }, inputs: [s(...output)], outputs: [input] },
      );
    }
  }
  for (const mode of ['nearest', 'bilinear'] as const) {
    cases.push(
      { label: mode, op: { op: 'upsample2d', mode, scale: [2, 3] }, inputs: [s(2, 3, 4, 2)], outputs: [[2, 6, 12, 2]] },
      { label: mode, op: { op: 'upsample2dBackward', mode, scale: [2, 3] }, inputs: [s(2, 6, 12, 2)], outputs: [[2, 3, 4, 2]] },
    );
  }
  return cases;
}

function recurrentCases(): OpCase[] {
  // Small; hidden size off the 4 lanes and gate widths off the gemm's tiles; one step; batches off
  // the 4-row register tile with hidden sizes over several 8-unit panels (one of them partial).
  return [[2, 5, 3, 4], [3, 4, 7, 37], [2, 1, 5, 6], [5, 3, 9, 13], [9, 2, 6, 16]].flatMap(([batch, time, features, units]) => recurrentShapeCases(batch, time, features, units));
}

function recurrentShapeCases(batch: number, time: number, features: number, units: number): OpCase[] {
  const size = `B${batch} T${time} F${features} H${units}`;
  const x = s(batch, time, features);
  const h0 = s(batch, units);
  const steps = (width: number) => s(batch, time, width);
  const weights = (gates: number) => [s(features, gates * units), s(units, gates * units)];
  const gradients = (gates: number) => [[batch, time, features], [batch, units], [features, gates * units], [units, gates * units]];
  return [
    { label: `rnn ${size}`, op: { op: 'rnnSequence' }, inputs: [x, h0, ...weights(1), s(units)], outputs: [[batch, time, units]] },
    { label: `rnn ${size}`, op: { op: 'rnnSequenceBackward' }, inputs: [x, h0, ...weights(1), steps(units), steps(units)], outputs: [...gradients(1), [units], [2 * units]], ignore: [5] },
    { label: `lstm ${size}`, op: { op: 'lstmSequence' }, inputs: [x, h0, h0, ...weights(4), s(4 * units)], outputs: [[batch, time, units], [batch, time, units], [batch, time, 4 * units]] },
    {
      label: `lstm ${size}`, op: { op: 'lstmSequenceBackward' },
      inputs: [x, h0, h0, ...weights(4), steps(units), steps(units), steps(4 * units), steps(units)],
      outputs: [[batch, time, features], [batch, units], [batch, units], [features, 4 * units], [units, 4 * units], [4 * units], [6 * units]], ignore: [6],
    },
    { label: `gru ${size}`, op: { op: 'gruSequence' }, inputs: [x, h0, ...weights(3), s(3 * units), s(3 * units)], outputs: [[batch, time, units], [batch, time, 3 * units], [batch, time, units]] },
    {
      label: `gru ${size}`, op: { op: 'gruSequenceBackward' },
      inputs: [x, h0, ...weights(3), steps(units), steps(3 * units), steps(units), steps(units)],
      outputs: [...gradients(3), [3 * units], [3 * units], [7 * units]], ignore: [6],
    },
  ];
}

function trainingCases(): OpCase[] {
  const bn = { epsilon: 1e-5, momentum: 0.1 };
  const image = [4, 3, 3, 5];
  return [
    { label: 'NHWC', op: { op: 'batchNormTrain', ...bn }, inputs: [s(...image), s(5), s(5), s(5), positive(5)], outputs: [image, [5], [5], 3, 4] },
    { label: 'NHWC', op: { op: 'batchNormInference', ...bn }, inputs: [s(...image), s(5), s(5), s(5), positive(5)], outputs: [image] },
    { label: 'NHWC', op: { op: 'batchNormBackward', ...bn }, inputs: [s(...image), s(5), s(5), positive(5), s(...image)], outputs: [image, [5], [5]] },
    ...([[8, 14, 14, 6], [64, 130]] as const).flatMap(([...shape]): OpCase[] => {
      const channels = shape[shape.length - 1];
      const label = `[${shape.join(', ')}], channels off the lanes, rows past a block`;
      return [
        { label, op: { op: 'batchNormTrain', ...bn }, inputs: [positive(...shape), s(channels), s(channels), s(channels), positive(channels)], outputs: [shape, [channels], [channels], 3, 4] },
        { label, op: { op: 'batchNormInference', ...bn }, inputs: [s(...shape), s(channels), s(channels), s(channels), positive(channels)], outputs: [shape] },
        { label, op: { op: 'batchNormBackward', ...bn }, inputs: [s(...shape), s(channels), s(channels), positive(channels), s(...shape)], outputs: [shape, [channels], [channels]] },
      ];
    }),
    { label: '4×6', op: { op: 'dropout', rate: 0.3 }, inputs: [s(4, 6), { shape: [4], kind: 'randomState' }], outputs: [[4, 6], [4, 6], 1] },
    { label: '4×6', op: { op: 'dropoutBackward', rate: 0.3 }, inputs: [s(4, 6), s(4, 6)], outputs: [[4, 6]] },
    { label: '6×10', op: { op: 'softmaxCrossEntropy' }, inputs: [s(6, 10), labels(10, 6)], outputs: [[], [6, 10]] },
    { label: 'per time step', op: { op: 'softmaxCrossEntropy' }, inputs: [s(2, 3, 7), labels(7, 2, 3)], outputs: [[], [2, 3, 7]] },
    { label: '6×10', op: { op: 'softmaxCrossEntropyBackward' }, inputs: [positive(6, 10), labels(10, 6), s()], outputs: [[6, 10]] },
    { label: 'MNIST batch 64×10', op: { op: 'softmaxCrossEntropy' }, inputs: [s(64, 10), labels(10, 64)], outputs: [[], [64, 10]] },
    { label: 'MNIST batch 64×10', op: { op: 'softmaxCrossEntropyBackward' }, inputs: [positive(64, 10), labels(10, 64), s()], outputs: [[64, 10]] },
    { label: 'wide rows 3×1001', op: { op: 'softmax' }, inputs: [s(3, 1001)], outputs: [[3, 1001]] },
    { label: 'wide rows 3×1001', op: { op: 'logSoftmax' }, inputs: [s(3, 1001)], outputs: [[3, 1001]] },
    { label: '4×3', op: { op: 'meanSquaredError' }, inputs: [s(4, 3), s(4, 3)], outputs: [[]] },
    { label: '301×7, past one block', op: { op: 'meanSquaredError' }, inputs: [s(301, 7), s(301, 7)], outputs: [[]] },
    { label: '301×7', op: { op: 'meanSquaredErrorBackward' }, inputs: [s(301, 7), s(301, 7), s()], outputs: [[301, 7]] },
    { label: '4×3', op: { op: 'meanSquaredErrorBackward' }, inputs: [s(4, 3), s(4, 3), s()], outputs: [[4, 3]] },
    { label: '4×3', op: { op: 'binaryCrossEntropyWithLogits' }, inputs: [s(4, 3), positive(4, 3)], outputs: [[]] },
    { label: '4×3', op: { op: 'binaryCrossEntropyWithLogitsBackward' }, inputs: [s(4, 3), positive(4, 3), s()], outputs: [[4, 3]] },
  ];
}

function optimizerCases(): OpCase[] {
  const scalars: InputSpec = { shape: [3], kind: 'stepScalars' };
  const shape = [37, 5];
  const decay = { weightDecay: 0.01 };
  return [
    { label: '37×5', op: { op: 'sgdUpdate', ...decay, momentum: 0, nesterov: false }, inputs: [s(...shape), s(...shape), scalars], outputs: [0] },
    { label: '37×5, Nesterov', op: { op: 'momentumUpdate', ...decay, momentum: 0.9, nesterov: true }, inputs: [s(...shape), s(...shape), scalars, s(...shape)], outputs: [0, 3] },
    { label: '37×5', op: { op: 'adamUpdate', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, ...decay, decoupled: false }, inputs: [s(...shape), s(...shape), scalars, s(...shape), positive(...shape)], outputs: [0, 3, 4] },
    { label: '37×5, AdamW', op: { op: 'adamUpdate', beta1: 0.9, beta2: 0.999, epsilon: 1e-8, ...decay, decoupled: true }, inputs: [s(...shape), s(...shape), scalars, s(...shape), positive(...shape)], outputs: [0, 3, 4] },
    { label: '37×5', op: { op: 'rmspropUpdate', rho: 0.99, epsilon: 1e-8, ...decay }, inputs: [s(...shape), s(...shape), scalars, positive(...shape)], outputs: [0, 3] },
    { label: 'two gradients, clipped', op: { op: 'clipGradientNorm', maxNorm: 0.5 }, inputs: [s(...shape), s(7)], outputs: [[], 0, 1] },
  ];
}

function coreCases(): OpCase[] {
  const binary = (['add', 'sub', 'mul', 'div'] as const).map((op): OpCase => ({ label: 'broadcast [4,1,5]·[3,1]', op: { op }, inputs: [s(4, 1, 5), op === 'div' ? positive(3, 1) : s(3, 1)], outputs: [[4, 3, 5]] }));
  return [
    { label: '3×5', op: { op: 'fill', value: 0.25 }, inputs: [], outputs: [[3, 5]] },
    { label: '4×6 -> 24', op: { op: 'copy' }, inputs: [s(4, 6)], outputs: [[24]] },
    { label: '4×5×6 + 6', op: { op: 'biasAdd' }, inputs: [s(4, 5, 6), s(6)], outputs: [[4, 5, 6]] },
    ...binary,
    ...(['add', 'sub', 'mul'] as const).map((op): OpCase => ({ label: 'same shape 5×7×3', op: { op }, inputs: [s(5, 7, 3), s(5, 7, 3)], outputs: [[5, 7, 3]] })),
    { label: 'conv bias gradient [8,28,28,6] -> [6]', op: { op: 'reduceSum', axes: [0, 1, 2] }, inputs: [s(8, 28, 28, 6)], outputs: [[6]] },
    { label: 'all to one value', op: { op: 'reduceSum', axes: [0, 1] }, inputs: [s(37, 29)], outputs: [[]] },
    { label: 'leading axis, 130 columns', op: { op: 'reduceMean', axes: [0] }, inputs: [s(33, 130)], outputs: [[130]] },
    { label: 'dense bias gradient [64,10] -> [10]', op: { op: 'sumToShape' }, inputs: [s(64, 10)], outputs: [[10]] },
    { label: '[4,3,5] -> [1,5]', op: { op: 'sumToShape' }, inputs: [s(4, 3, 5)], outputs: [[1, 5]] },
    { label: '[1,5] -> [4,5]', op: { op: 'broadcast' }, inputs: [s(1, 5)], outputs: [[4, 5]] },
    { label: '[4,3,5] -> [3,1]', op: { op: 'sumToShape' }, inputs: [s(4, 3, 5)], outputs: [[3, 1]] },
    { label: 'axes 0, 2', op: { op: 'reduceSum', axes: [0, 2] }, inputs: [s(3, 4, 5)], outputs: [[4]] },
    { label: 'bias gradient', op: { op: 'reduceSum', axes: [0, 1] }, inputs: [s(6, 7, 9)], outputs: [[9]] },
    { label: 'axes 1', op: { op: 'reduceMean', axes: [1] }, inputs: [s(3, 4, 5)], outputs: [[3, 1, 5]] },
    { label: 'axis 1', op: { op: 'concat', axis: 1 }, inputs: [s(2, 3), s(2, 4)], outputs: [[2, 7]] },
    { label: 'axis 1', op: { op: 'split', axis: 1 }, inputs: [s(2, 7)], outputs: [[2, 3], [2, 4]] },
    { label: 'last steps', op: { op: 'slice', axis: 1, start: 2 }, inputs: [s(2, 5, 3)], outputs: [[2, 2, 3]] },
    { label: 'last steps', op: { op: 'sliceBackward', axis: 1, start: 2 }, inputs: [s(2, 2, 3)], outputs: [[2, 5, 3]] },
    { label: 'vocabulary 7', op: { op: 'embedding' }, inputs: [labels(7, 2, 3), s(7, 4)], outputs: [[2, 3, 4]] },
    { label: 'vocabulary 7', op: { op: 'embeddingBackward' }, inputs: [labels(7, 2, 3), s(2, 3, 4)], outputs: [[7, 4]] },
  ];
}

export const OP_CASES: readonly OpCase[] = [...coreCases(), ...matmulCases(), ...activationCases(), ...convCases(), ...poolCases(), ...trainingCases(), ...recurrentCases(), ...optimizerCases()];

/** Every op the cases cover (the spec checks that this is every op of the IR). */
export function coveredOps(): Set<OpName> {
  return new Set(OP_CASES.map((entry) => entry.op.op));
}
