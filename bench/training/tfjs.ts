// TensorFlow.js's driver for the training benchmark (a child process; see protocol.ts): the wasm
// backend on one thread, the models written with tfjs-core ops and trained by its Adam.
// Run: node --import tsx bench/training/tfjs.ts
import * as tf from '@tensorflow/tfjs-core';
import { getThreadsCount, setThreadsCount, version_wasm } from '@tensorflow/tfjs-backend-wasm';
import type { ModelSpec } from './models.ts';
import { serveRequests, timeSteps, type EngineInfo, type Request } from './protocol.ts';
import { registerConvFilterGradient } from './tfjsConvFilterGradient.ts';
import { registerAllGradients } from './tfjsGradients.ts';

type Shapes = Record<string, readonly number[]>;

/** The trainable parameters of each model, by name: the same layers as the Netloom graphs. */
export function tfjsParameterShapes(spec: ModelSpec): Shapes {
  const classes = spec.classes;
  switch (spec.name) {
    case 'lenet':
      return { conv1: [5, 5, 1, 6], conv1Bias: [6], conv2: [5, 5, 6, 16], conv2Bias: [16], dense1: [400, 120], dense1Bias: [120], dense2: [120, 84], dense2Bias: [84], dense3: [84, classes], dense3Bias: [classes] };
    case 'mlp':
      return { dense1: [784, 256], dense1Bias: [256], dense2: [256, 256], dense2Bias: [256], dense3: [256, classes], dense3Bias: [classes] };
    case 'lstm': {
      const [features, hidden] = [spec.example[1], spec.hidden ?? 0];
      return { lstmKernel: [features + hidden, 4 * hidden], lstmBias: [4 * hidden], dense: [hidden, classes], denseBias: [classes] };
    }
  }
}

type Variables = Record<string, tf.Variable>;

function dense(input: tf.Tensor2D, weights: tf.Variable, bias: tf.Variable): tf.Tensor2D {
  return tf.add(tf.matMul(input, weights as tf.Tensor2D), bias);
}

function lenet(input: tf.Tensor, v: Variables): tf.Tensor2D {
  const conv1 = tf.relu(tf.add(tf.conv2d(input as tf.Tensor4D, v.conv1 as tf.Tensor4D, 1, 'same'), v.conv1Bias));
  const pool1 = tf.avgPool(conv1 as tf.Tensor4D, 2, 2, 'valid');
  const conv2 = tf.relu(tf.add(tf.conv2d(pool1, v.conv2 as tf.Tensor4D, 1, 'valid'), v.conv2Bias));
  const pool2 = tf.avgPool(conv2 as tf.Tensor4D, 2, 2, 'valid');
  const flat = tf.reshape(pool2, [pool2.shape[0], -1]) as tf.Tensor2D;
  return dense(tf.relu(dense(tf.relu(dense(flat, v.dense1, v.dense1Bias)), v.dense2, v.dense2Bias)), v.dense3, v.dense3Bias);
}

function mlp(input: tf.Tensor, v: Variables): tf.Tensor2D {
  const flat = tf.reshape(input, [input.shape[0], -1]) as tf.Tensor2D;
  return dense(tf.relu(dense(tf.relu(dense(flat, v.dense1, v.dense1Bias)), v.dense2, v.dense2Bias)), v.dense3, v.dense3Bias);
}

/** tfjs-core's basicLSTMCell over the time steps (tfjs-layers' LSTM does the same per step); the last state feeds the Dense. */
function lstm(input: tf.Tensor, v: Variables): tf.Tensor2D {
  const [batch, , ] = input.shape;
  const hidden = v.lstmBias.shape[0] / 4;
  const forgetBias = tf.scalar(0);
  let cell = tf.zeros([batch, hidden]) as tf.Tensor2D;
  let state = tf.zeros([batch, hidden]) as tf.Tensor2D;
  for (const step of tf.unstack(input, 1)) {
    [cell, state] = tf.basicLSTMCell(forgetBias, v.lstmKernel as tf.Tensor2D, v.lstmBias as tf.Tensor1D, step as tf.Tensor2D, cell, state);
  }
  return dense(state, v.dense, v.denseBias);
}

const FORWARD = { lenet, mlp, lstm } as const;

interface Prepared {
  readonly step: () => void;
  readonly parameters: number;
}

function prepare(spec: ModelSpec): Prepared {
  const shapes = tfjsParameterShapes(spec);
  const variables: Variables = {};
  for (const [name, shape] of Object.entries(shapes)) {
    const fanIn = shape.length > 1 ? shape.slice(0, -1).reduce((product, size) => product * size, 1) : 1;
    variables[name] = tf.variable(shape.length > 1 ? tf.randomNormal([...shape], 0, Math.sqrt(2 / fanIn)) : tf.zeros([...shape]), true, `${spec.name}/${name}`);
  }
  const input = tf.randomUniform([spec.batchSize, ...spec.example]);
  const labels = tf.oneHot(tf.randomUniform([spec.batchSize], 0, spec.classes, 'int32') as tf.Tensor1D, spec.classes);
  const optimizer = tf.train.adam(1e-3);
  const list = Object.values(variables);
  const step = () => {
    const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(labels, FORWARD[spec.name](input, variables)) as tf.Scalar, true, list);
    cost?.dataSync();
    cost?.dispose();
  };
  for (let warmup = 0; warmup < 3; warmup++) step();
  return { step, parameters: list.reduce((total, variable) => total + variable.size, 0) };
}

function matmulStep(size: number): () => void {
  const a = tf.randomUniform([size, size], -1, 1);
  const b = tf.randomUniform([size, size], -1, 1);
  return () => tf.matMul(a, b).dispose();
}

async function info(): Promise<EngineInfo> {
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threaded = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
  const details = [`backend ${tf.getBackend()}`, `SIMD ${simd ? 'on' : 'off'}`, `multithread build ${threaded ? 'available' : 'not available'}`, 'Conv2DBackpropFilter registered by the bench (transpose + conv2d)'];
  return { engine: 'TensorFlow.js', version: `tfjs-core ${tf.version_core}, tfjs-backend-wasm ${version_wasm}`, threads: getThreadsCount(), details, warnings: [] };
}

async function main(): Promise<void> {
  setThreadsCount(1);
  await tf.setBackend('wasm');
  await tf.ready();
  await registerAllGradients();
  registerConvFilterGradient();
  const prepared = new Map<string, Prepared>();
  let matmul: (() => void) | null = null;
  await serveRequests(async (request: Request) => {
    switch (request.command) {
      case 'info':
        return info();
      case 'prepare': {
        const entry = prepare(request.model);
        prepared.set(request.model.name, entry);
        return entry.parameters;
      }
      case 'trial': {
        const entry = prepared.get(request.model);
        if (entry === undefined) throw new Error(`Model ${request.model} was not prepared.`);
        return timeSteps(request.seconds, entry.step);
      }
      case 'matmul':
        matmul ??= matmulStep(request.size);
        return timeSteps(request.seconds, matmul);
      case 'heap':
        throw new Error('The heap check runs on Netloom only.');
    }
  });
}

if (process.argv[1]?.endsWith('tfjs.ts')) await main();
