// The training benchmark's models must be the same in every engine: the hand-worked parameter
// counts, Netloom's graphs (analyzed and compiled) and TensorFlow.js's variable shapes agree.
// PyTorch's counts are checked when the benchmark runs (it needs /usr/bin/python3 with torch).
import * as tf from '@tensorflow/tfjs-core';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { runKernel } from '../../engine/backends/cpu/index.ts';
import { analyzeGraph } from '../../engine/index.ts';
import { parseBenchOptions } from '../../bench/options.ts';
import { MODEL_SPECS, modelGraph, type ModelName } from '../../bench/training/models.ts';
import { createBenchModel } from '../../bench/training/netloom.ts';
import { tfjsParameterShapes } from '../../bench/training/tfjs.ts';
import { registerConvFilterGradient } from '../../bench/training/tfjsConvFilterGradient.ts';

/** Worked out by hand: LeNet 156 + 2,416 + 48,120 + 10,164 + 850; MLP 200,960 + 65,792 + 2,570; LSTM 4·128·(32 + 128 + 1) + 1,290. */
const EXPECTED: Record<ModelName, number> = { lenet: 61_706, mlp: 269_322, lstm: 83_722 };

describe('training benchmark models', () => {
  for (const spec of MODEL_SPECS) {
    it(`${spec.label}: every definition has ${EXPECTED[spec.name]} trainable parameters`, () => {
      expect(spec.parameters).toBe(EXPECTED[spec.name]);
      const analysis = analyzeGraph(modelGraph(spec));
      expect(analysis.diagnostics).toEqual([]);
      expect(analysis.totalParameters).toBe(EXPECTED[spec.name]);
      const model = createBenchModel(modelGraph(spec), 'cpu');
      const compiled = model.compiled.parameters.reduce((total, parameter) => total + model.tensor(parameter.value).data.length, 0);
      expect(compiled).toBe(EXPECTED[spec.name]);
      expect(model.input('n0').shape).toEqual([spec.batchSize, ...spec.example]);
      const tfjs = Object.values(tfjsParameterShapes(spec)).reduce((total, shape) => total + shape.reduce((size, side) => size * side, 1), 0);
      expect(tfjs).toBe(EXPECTED[spec.name]);
    });
  }

  it('names the backend it cannot build on and the ones it can', () => {
    expect(() => createBenchModel(modelGraph(MODEL_SPECS[0]), 'metal')).toThrow('backend "metal": use --backend cpu');
  });
});

describe('the Conv2DBackpropFilter kernel the benchmark registers for tfjs-wasm', () => {
  it("matches Netloom's reference filter gradient with same and valid padding", async () => {
    setThreadsCount(1);
    await tf.setBackend('wasm');
    registerConvFilterGradient();
    for (const [batch, side, inChannels, outChannels, kernel, padding] of [[3, 9, 2, 4, 5, 2], [2, 8, 3, 5, 3, 0]] as const) {
      const outSide = side + 2 * padding - kernel + 1;
      const x = tf.randomNormal([batch, side, side, inChannels], 0, 1, 'float32', 7);
      const dy = tf.randomNormal([batch, outSide, outSide, outChannels], 0, 1, 'float32', 8);
      const attributes = { strides: 1, pad: padding === 0 ? 'valid' : 'same', dataFormat: 'NHWC', filterShape: [kernel, kernel, inChannels, outChannels] };
      const theirs = (tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, attributes) as tf.Tensor).dataSync();
      const reference = new Float32Array(kernel * kernel * inChannels * outChannels);
      const window = { stride: [1, 1], padding: { top: padding, bottom: padding, left: padding, right: padding }, dilation: [1, 1] } as const;
      const inputs = [
        { shape: x.shape, data: x.dataSync() as Float32Array },
        { shape: dy.shape, data: dy.dataSync() as Float32Array },
      ];
      runKernel({ op: 'conv2dBackwardFilter', ...window }, inputs, [{ shape: [kernel, kernel, inChannels, outChannels], data: reference }]);
      expect(reference.some((value) => Math.abs(value) > 1)).toBe(true);
      for (let index = 0; index < reference.length; index++) expect(theirs[index]).toBeCloseTo(reference[index], 3);
    }
  });
});

describe('bench options', () => {
  it('reads --quick, --only and the training flags, and rejects unknown ones', () => {
    const quick = parseBenchOptions(['--quick', '--only', 'training', '--backend', 'wasm']);
    expect(quick.benchmarks).toEqual(['training']);
    expect(quick.training).toEqual({ trials: 3, seconds: 1, backend: 'wasm', heapSteps: 1000 });
    expect(parseBenchOptions(['--skip', 'ui', '--trials', '4', '--seconds', '2.5']).benchmarks).toEqual(['validate', 'kernels', 'training']);
    expect(parseBenchOptions(['--trials', '4', '--seconds', '2.5']).training).toMatchObject({ trials: 4, seconds: 2.5 });
    expect(() => parseBenchOptions(['--only', 'speed'])).toThrow('Unknown benchmark "speed"');
    expect(() => parseBenchOptions(['--fast'])).toThrow('Unknown option "--fast"');
  });
});
