// Every layer's shape rule, with the course-note examples.
import { describe, expect, it } from 'vitest';
import { defaultParams, formatShape, layerCatalog, tensorShape, type Params, type ShapeResult, type TensorShape } from '../../../engine/graph/index.ts';

function run(type: string, inputs: readonly TensorShape[], params: Record<string, unknown> = {}): ShapeResult {
  const spec = layerCatalog.get(type);
  if (spec === undefined) throw new Error(`no layer ${type}`);
  return spec.shape(inputs, { ...defaultParams(spec), ...params } as Params);
}
function shapeOf(type: string, dims: readonly number[], params: Record<string, unknown> = {}): string {
  const result = run(type, [tensorShape(dims)], params);
  return result.ok ? formatShape(result.shape) : `error: ${result.message}`;
}
const image = (h: number, w: number, c: number) => tensorShape([h, w, c]);

describe('course-note shape examples', () => {
  it('32×32×3 input, 5×5 filter, stride 1, valid padding gives 28×28', () => {
    expect(shapeOf('Conv2D', [32, 32, 3], { filters: 6, kernelSize: [5, 5], stride: [1, 1], padding: 'valid' })).toBe('28×28×6');
  });
  it('a 6×6 input with a 3×3 kernel gives 4×4; with padding 1 gives 6×6', () => {
    expect(shapeOf('Conv2D', [6, 6, 1], { filters: 1, kernelSize: [3, 3] })).toBe('4×4×1');
    expect(shapeOf('Conv2D', [6, 6, 1], { filters: 1, kernelSize: [3, 3], padding: 'explicit', padAmount: [1, 1] })).toBe('6×6×1');
  });
  it('2×2 max-pool with stride 2 on 4×4 gives 2×2', () => {
    expect(shapeOf('MaxPool2D', [4, 4, 1], { poolSize: [2, 2], stride: [2, 2] })).toBe('2×2×1');
  });
});

describe('convolution family', () => {
  it('Conv2D: stride, same padding, dilation, single-number kernel lists', () => {
    expect(shapeOf('Conv2D', [28, 28, 1], { filters: 8, kernelSize: [3], stride: [2], padding: 'same' })).toBe('14×14×8');
    expect(shapeOf('Conv2D', [7, 7, 1], { filters: 2, kernelSize: [3, 3], stride: [2, 2], padding: 'valid' })).toBe('3×3×2');
    expect(shapeOf('Conv2D', [10, 10, 1], { filters: 1, kernelSize: [3, 3], dilation: [2, 2] })).toBe('6×6×1');
    expect(shapeOf('Conv2D', [10, 12, 3], { filters: 4, kernelSize: [3, 5], padding: 'same' })).toBe('10×12×4');
  });
  it('Conv2D: a kernel larger than the image fails on kernelSize with a fix', () => {
    const result = run('Conv2D', [image(4, 4, 1)], { kernelSize: [5, 5] });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe('kernelSize');
      expect(result.setParam).toEqual({ field: 'kernelSize', value: [4, 4] });
    }
  });
  it('Conv2D refuses vectors and sequences', () => {
    expect(shapeOf('Conv2D', [784])).toMatch(/expects an image.*Reshape|expects an image/);
    expect(shapeOf('Conv2D', [10, 3])).toMatch(/^error: Conv2D expects an image/);
  });
  it('pooling: average, same padding, window too large', () => {
    expect(shapeOf('AvgPool2D', [28, 28, 6])).toBe('14×14×6');
    expect(shapeOf('MaxPool2D', [5, 5, 2], { padding: 'same' })).toBe('3×3×2');
    expect(shapeOf('MaxPool2D', [5, 5, 2])).toBe('2×2×2');
    expect(shapeOf('MaxPool2D', [1, 1, 2])).toMatch(/does not fit/);
  });
  it('GlobalAvgPool, Upsample2D', () => {
    expect(shapeOf('GlobalAvgPool', [7, 7, 32])).toBe('32');
    expect(shapeOf('Upsample2D', [7, 7, 32], { scale: [2, 3] })).toBe('14×21×32');
  });
  it('ConvTranspose2D: (H − 1)·S − 2P + K, same padding doubles', () => {
    expect(shapeOf('ConvTranspose2D', [7, 7, 64], { filters: 32, kernelSize: [4, 4], stride: [2, 2], padding: 'same' })).toBe('14×14×32');
    expect(shapeOf('ConvTranspose2D', [7, 7, 64], { filters: 1, kernelSize: [4, 4], stride: [2, 2], padding: 'valid' })).toBe('16×16×1');
    expect(shapeOf('ConvTranspose2D', [7, 7, 64], { filters: 1, kernelSize: [4, 4], stride: [2, 2], padding: 'explicit', padAmount: [1, 1] })).toBe('14×14×1');
    expect(shapeOf('ConvTranspose2D', [3, 3, 4], { filters: 2, kernelSize: [3, 3], stride: [2, 2], padding: 'valid', outputPadding: [1, 1] })).toBe('8×8×2');
  });
});

describe('core layers', () => {
  it('Dense: vector and per-time-step; image suggests Flatten', () => {
    expect(shapeOf('Dense', [784], { units: 10 })).toBe('10');
    expect(shapeOf('Dense', [20, 8], { units: 3 })).toBe('20×3');
    const result = run('Dense', [image(26, 26, 8)]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('26×26×8');
      expect(result.insert?.type).toBe('Flatten');
    }
  });
  it('Flatten, Reshape with -1 and mismatches', () => {
    expect(shapeOf('Flatten', [5, 5, 16])).toBe('400');
    expect(shapeOf('Reshape', [784], { shape: [28, 28, 1] })).toBe('28×28×1');
    expect(shapeOf('Reshape', [784], { shape: [-1, 28, 1] })).toBe('28×28×1');
    expect(shapeOf('Reshape', [784], { shape: [27, 28] })).toMatch(/Cannot reshape 784/);
    expect(shapeOf('Reshape', [784], { shape: [-1, -1] })).toMatch(/Only one/);
    expect(shapeOf('Reshape', [10], { shape: [-1, 3] })).toMatch(/not a multiple/);
  });
  it('Dropout and BatchNorm keep the shape; activations keep the shape', () => {
    expect(shapeOf('Dropout', [5, 5, 3])).toBe('5×5×3');
    expect(shapeOf('BatchNorm', [14, 14, 16])).toBe('14×14×16');
    for (const type of ['ReLU', 'LeakyReLU', 'Sigmoid', 'Tanh', 'Softmax', 'Linear', 'BinaryStep', 'GELU']) {
      expect(layerCatalog.get(type)?.category).toBe('Activations');
      expect(shapeOf(type, [3, 4, 5])).toBe('3×4×5');
      expect(run(type, [tensorShape([3], 'int32')]).ok).toBe(false);
    }
  });
  it('Add and Concat check their two inputs', () => {
    expect(run('Add', [image(4, 4, 2), image(4, 4, 2)])).toEqual({ ok: true, shape: image(4, 4, 2) });
    expect(run('Add', [image(4, 4, 2), image(4, 4, 3)]).ok).toBe(false);
    const joined = run('Concat', [image(4, 4, 2), image(4, 4, 3)]);
    expect(joined.ok && formatShape(joined.shape)).toBe('4×4×5');
    const rows = run('Concat', [image(4, 4, 2), image(3, 4, 2)], { axis: 0 });
    expect(rows.ok && formatShape(rows.shape)).toBe('7×4×2');
    expect(run('Concat', [image(4, 4, 2), image(3, 4, 2)]).ok).toBe(false);
  });
  it('Embedding takes integer ids only', () => {
    const result = run('Embedding', [tensorShape([32], 'int32')], { vocabulary: 30, dimension: 8 });
    expect(result.ok && formatShape(result.shape)).toBe('32×8');
    expect(run('Embedding', [tensorShape([32])]).ok).toBe(false);
  });
  it('Input gives each kind its shape', () => {
    const input = (params: Record<string, unknown>) => {
      const result = run('Input', [], params);
      return result.ok ? formatShape(result.shape) : result.message;
    };
    expect(input({ kind: 'image', height: 32, width: 32, channels: 3 })).toBe('32×32×3');
    expect(input({ kind: 'vector', features: 2 })).toBe('2');
    expect(input({ kind: 'sequence', steps: 20, features: 1 })).toBe('20×1');
    expect(input({ kind: 'tokens', steps: 16 })).toBe('16 (int)');
    expect(input({ kind: 'noise', features: 64 })).toBe('64');
  });
});

describe('recurrent layers and heads', () => {
  it('SimpleRNN, LSTM, GRU: last state or every step', () => {
    for (const type of ['SimpleRNN', 'LSTM', 'GRU']) {
      expect(shapeOf(type, [20, 3], { units: 16 })).toBe('16');
      expect(shapeOf(type, [20, 3], { units: 16, returnSequences: true })).toBe('20×16');
      expect(shapeOf(type, [20])).toMatch(/expects a sequence/);
    }
  });
  it('parameter counts match the textbook formulas', () => {
    const count = (type: string, inputs: TensorShape[], params: Record<string, unknown>) => {
      const spec = layerCatalog.get(type);
      return spec?.parameterCount?.(inputs, { ...defaultParams(spec), ...params } as Params);
    };
    expect(count('Dense', [tensorShape([784])], { units: 128 })).toBe(784 * 128 + 128);
    expect(count('Conv2D', [image(28, 28, 1)], { filters: 6, kernelSize: [5, 5] })).toBe(5 * 5 * 6 + 6);
    expect(count('LSTM', [tensorShape([20, 1])], { units: 32 })).toBe(4 * (32 * (1 + 32) + 32));
    expect(count('GRU', [tensorShape([20, 1])], { units: 32 })).toBe(3 * (32 * (1 + 32) + 32) + 3 * 32);
    expect(count('SimpleRNN', [tensorShape([20, 4])], { units: 8 })).toBe(8 * (4 + 8 + 1));
    expect(count('BatchNorm', [image(5, 5, 16)], {})).toBe(32);
    expect(count('Embedding', [tensorShape([10], 'int32')], { vocabulary: 30, dimension: 8 })).toBe(240);
  });
  it('loss heads produce a scalar and check their input', () => {
    expect(shapeOf('SoftmaxCrossEntropy', [10])).toBe('scalar');
    expect(shapeOf('SoftmaxCrossEntropy', [32, 30])).toBe('scalar');
    expect(shapeOf('SoftmaxCrossEntropy', [1])).toMatch(/at least 2 classes/);
    const image3 = run('SoftmaxCrossEntropy', [image(4, 4, 2)]);
    expect(image3.ok === false && image3.suggestion).toMatch(/Dense layer/);
    expect(shapeOf('MSE', [28, 28, 1])).toBe('scalar');
    expect(shapeOf('BCE', [1])).toBe('scalar');
  });
});

describe('catalog entries', () => {
  it('every layer documents its params, ports and concept', () => {
    expect(layerCatalog.size).toBe(29);
    for (const spec of layerCatalog.values()) {
      expect(spec.summary.length, spec.type).toBeGreaterThan(10);
      expect(spec.concept.length, spec.type).toBeGreaterThan(80);
      for (const [name, param] of Object.entries(spec.params)) {
        expect(param.doc.length, `${spec.type}.${name}`).toBeGreaterThan(5);
      }
    }
  });
});
