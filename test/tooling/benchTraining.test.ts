// The training benchmark's models must be the same in every engine: the hand-worked parameter
// counts, Netloom's graphs (analyzed and compiled) and TensorFlow.js's variable shapes agree.
// PyTorch's counts are checked when the benchmark runs (it needs /usr/bin/python3 with torch).
import * as tf from '@tensorflow/tfjs-core';
import { setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { runKernel } from '../../engine/backends/cpu/index.ts';
import { analyzeGraph } from '../../engine/index.ts';
import { parseBenchOptions } from '../../bench/options.ts';
import { MODEL_SPECS, modelGraph, type ModelName } from '../../bench/training/models.ts';
import { BENCH_BACKENDS, createBenchBackend, createBenchModel } from '../../bench/training/netloom.ts';
import type { Backend } from '../../engine/backends/index.ts';
import { trainingResult, type EngineResult } from '../../bench/training/report.ts';
import { tfjsParameterShapes } from '../../bench/training/tfjs.ts';
import { registerConvFilterGradient } from '../../bench/training/tfjsConvFilterGradient.ts';

/** Worked out by hand: LeNet 156 + 2,416 + 48,120 + 10,164 + 850; MLP 200,960 + 65,792 + 2,570; LSTM 4·128·(32 + 128 + 1) + 1,290. */
const EXPECTED: Record<ModelName, number> = { lenet: 61_706, mlp: 269_322, lstm: 83_722 };

describe('training benchmark models', () => {
  const backends = new Map<string, Promise<Backend>>();
  const backendFor = (name: string): Promise<Backend> => {
    const backend = backends.get(name) ?? createBenchBackend(name, 1);
    backends.set(name, backend);
    return backend;
  };
  afterAll(async () => {
    for (const backend of backends.values()) (await backend).dispose();
  });

  for (const spec of MODEL_SPECS) {
    it(`${spec.label}: every definition has ${EXPECTED[spec.name]} trainable parameters`, () => {
      expect(spec.parameters).toBe(EXPECTED[spec.name]);
      const analysis = analyzeGraph(modelGraph(spec));
      // The benchmark feeds synthetic batches: the one note allowed is that the graph names no dataset.
      expect(analysis.diagnostics.filter((diagnostic) => diagnostic.field !== 'dataset')).toEqual([]);
      expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      expect(analysis.totalParameters).toBe(EXPECTED[spec.name]);
      const tfjs = Object.values(tfjsParameterShapes(spec)).reduce((total, shape) => total + shape.reduce((size, side) => size * side, 1), 0);
      expect(tfjs).toBe(EXPECTED[spec.name]);
    });

    for (const backendName of BENCH_BACKENDS) {
      it(`${spec.label}: the model compiled on ${backendName} has ${EXPECTED[spec.name]} parameters and the batch's input shape`, async () => {
        const backend = await backendFor(backendName);
        expect(backend.name).toBe(backendName);
        const model = createBenchModel(modelGraph(spec), backend);
        const compiled = model.compiled.parameters.reduce((total, parameter) => total + model.tensor(parameter.value).data.length, 0);
        expect(compiled).toBe(EXPECTED[spec.name]);
        expect(model.input('n0').shape).toEqual([spec.batchSize, ...spec.example]);
        model.dispose();
      });
    }
  }

  it('measures wasm first, and names the backend it cannot build on and the ones it can', async () => {
    expect(BENCH_BACKENDS[0]).toBe('wasm');
    await expect(createBenchBackend('metal', 1)).rejects.toThrow('backend "metal": use --backend wasm or cpu');
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

describe('the training report', () => {
  const engine = (label: string, engineName: string, threads: number, lenet: number, details: string[] = []): EngineResult => ({
    label,
    info: { engine: engineName, version: '1', threads, details, warnings: [] },
    targeted: label.startsWith('Netloom wasm'),
    parameters: new Map(),
    samplesPerSecond: new Map([['lenet', [lenet * 0.9, lenet, lenet * 1.1]]]),
    matmulGflops: [],
  });
  const engines = [
    engine('Netloom wasm 1 thread', 'Netloom', 1, 600, ['backend wasm: WebAssembly SIMD with relaxed fused multiply-add, 1 thread']),
    engine('Netloom wasm 2 threads', 'Netloom', 2, 900, ['backend wasm: WebAssembly SIMD, 2 threads']),
    engine('Netloom cpu', 'Netloom', 1, 50, ['backend cpu: TypeScript reference kernels, 1 thread']),
    engine('PyTorch 1 thread', 'PyTorch', 1, 500),
    engine('PyTorch 2 threads', 'PyTorch', 2, 1000),
    engine('tfjs-wasm', 'TensorFlow.js', 1, 100),
  ];
  const options = { trials: 3, seconds: 1, backend: 'wasm', threads: [1, 2], withCpu: true, heapSteps: 0 };

  it('compares every Netloom engine with PyTorch at its thread count and with tfjs-wasm', () => {
    const table = trainingResult({ engines, heap: [], skipped: [], options }).table;
    const ratios = ['Netloom wasm 1 thread / PyTorch 1 thread', 'Netloom wasm 1 thread / tfjs-wasm', 'Netloom wasm 2 threads / PyTorch 2 threads', 'Netloom wasm 2 threads / tfjs-wasm', 'Netloom cpu / PyTorch 1 thread', 'Netloom cpu / tfjs-wasm'];
    expect(table?.header).toEqual(['samples/s (median)', ...engines.map((one) => one.label), ...ratios]);
    expect(table?.rows[0]).toEqual(['LeNet-5, batch 64', '600', '900', '50', '500', '1,000', '100', '1.20×', '6.00×', '0.90×', '9.00×', '0.10×', '0.50×']);
  });

  it('checks the targets of the measured backend only, per engine', () => {
    const result = trainingResult({ engines, heap: [], skipped: [], options });
    const verdicts = new Map(result.rows.filter(([label]) => label.includes(' ≥ ')).map(([label, verdict]) => [label, verdict]));
    expect(verdicts.get('Netloom wasm 1 thread: LeNet-5, batch 64 ≥ 1× PyTorch 1 thread: 1.20×')).toBe('met');
    expect(verdicts.get('Netloom wasm 1 thread: LeNet-5, batch 64 ≥ 5× tfjs-wasm: 6.00×')).toBe('met');
    expect(verdicts.get('Netloom wasm 2 threads: LeNet-5, batch 64 ≥ 1× PyTorch 2 threads: 0.90×')).toBe('missed');
    expect([...verdicts.keys()].some((label) => label.startsWith('Netloom cpu'))).toBe(false);
    expect(result.pass).toBe(false);
  });
});

describe('bench options', () => {
  it('reads --quick, --only and the training flags, and rejects unknown ones', () => {
    const quick = parseBenchOptions(['--quick', '--only', 'training,browser', '--backend', 'cpu']);
    expect(quick.benchmarks).toEqual(['training', 'browser']);
    expect(quick.training).toEqual({ trials: 3, seconds: 1, backend: 'cpu', threads: [1, 2], withCpu: false, heapSteps: 1000 });
    expect(quick.browserSeconds).toBe(10);
    expect(parseBenchOptions(['--skip', 'ui,browser', '--trials', '4', '--seconds', '2.5']).benchmarks).toEqual(['validate', 'kernels', 'training']);
    expect(parseBenchOptions(['--trials', '4', '--seconds', '2.5']).training).toMatchObject({ trials: 4, seconds: 2.5 });
    expect(() => parseBenchOptions(['--only', 'speed'])).toThrow('Unknown benchmark "speed"');
    expect(() => parseBenchOptions(['--fast'])).toThrow('Unknown option "--fast"');
  });

  it('measures wasm at 1 and 2 threads by default; --threads, --with-cpu and --browser-seconds change that', () => {
    const defaults = parseBenchOptions([]);
    expect(defaults.training).toEqual({ trials: 6, seconds: 3, backend: 'wasm', threads: [1, 2], withCpu: false, heapSteps: 1000 });
    expect(defaults.browserSeconds).toBe(20);
    const custom = parseBenchOptions(['--threads', '1,4,4', '--with-cpu', '--browser-seconds', '5', '--heap-steps', '0']);
    expect(custom.training).toMatchObject({ threads: [1, 4], withCpu: true, heapSteps: 0 });
    expect(custom.browserSeconds).toBe(5);
    expect(() => parseBenchOptions(['--threads', '1.5'])).toThrow('--threads needs whole thread counts, not "1.5"');
    expect(() => parseBenchOptions(['--threads', ''])).toThrow('--threads needs a positive number');
    expect(() => parseBenchOptions(['--backend'])).toThrow('--backend needs a backend name');
  });
});
