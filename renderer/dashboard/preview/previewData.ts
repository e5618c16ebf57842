// Synthetic tensors and pictures for the preview page: made-up but shaped like the engine's.
import type { GatePayload, ImageGrid, TensorPayload } from '../../../engine/protocol/index.ts';

function payload(shape: number[], value: (index: number) => number): TensorPayload {
  const size = shape.reduce((product, dim) => product * dim, 1);
  return { shape, data: Float32Array.from({ length: size }, (_, index) => value(index)).buffer };
}

/** A 1×H×W×C feature map of wavy stripes, one orientation per channel; `relu` clips below zero. */
export function featureMap(size: number, channels: number, step: number, relu: boolean): TensorPayload {
  return payload([1, size, size, channels], (index) => {
    const channel = index % channels;
    const x = Math.floor(index / channels) % size;
    const y = Math.floor(index / channels / size);
    const angle = (channel / channels) * Math.PI;
    const wave = Math.sin((x * Math.cos(angle) + y * Math.sin(angle)) * 0.9 + step * 0.02 + channel) * Math.exp(-((x - size / 2) ** 2 + (y - size / 2) ** 2) / (size * size * 0.3));
    return relu ? Math.max(0, wave - 0.1 * (channel % 3)) : wave;
  });
}

export function vector(length: number, step: number): TensorPayload {
  return payload([1, length], (index) => Math.max(0, Math.sin(index * 0.7 + step * 0.01) * (1 + (index % 5)) - 1.2));
}

export function sequence(steps: number, features: number, step: number): TensorPayload {
  return payload([1, steps, features], (index) => Math.tanh(Math.sin((index % features) * 0.6 + Math.floor(index / features) * 0.35 + step * 0.02) * 1.5));
}

/** An LSTM's four gates [1, steps, units]: sigmoid gates in 0..1, the candidate in −1..1, drifting with the step. */
export function lstmGates(steps: number, units: number, step: number): GatePayload[] {
  return ['input', 'forget', 'candidate', 'output'].map((name, gate) => {
    const wave = (index: number) => Math.sin((index % units) * (0.5 + gate * 0.2) + Math.floor(index / units) * 0.3 + step * 0.03 + gate);
    const value = name === 'candidate' ? (index: number) => Math.tanh(wave(index) * 1.5) : (index: number) => 1 / (1 + Math.exp(-2 * wave(index)));
    return { name, tensor: payload([1, steps, units], value) };
  });
}

/** Conv2D weights [3, 3, 1, filters]: oriented edge detectors. */
export function convWeights(filters: number): TensorPayload {
  return payload([3, 3, 1, filters], (index) => {
    const filter = index % filters;
    const cell = Math.floor(index / filters);
    const [row, column] = [Math.floor(cell / 3) - 1, (cell % 3) - 1];
    const angle = (filter / filters) * Math.PI;
    return row * Math.cos(angle) + column * Math.sin(angle) + 0.1 * Math.sin(index);
  });
}

function blob(x: number, y: number, size: number, image: number): number {
  const centerX = size / 2 + Math.sin(image * 1.7) * size * 0.18;
  const centerY = size / 2 + Math.cos(image * 2.3) * size * 0.18;
  const radius = size * (0.22 + 0.08 * Math.sin(image));
  const distance = Math.hypot(x - centerX, y - centerY);
  return Math.abs(distance - radius) < size * 0.09 ? 1 : 0;
}

/** count images of rings (digits, more or less), blurred by `noise` 0..1. */
export function ringImages(count: number, size: number, noise: number, seed: number): ImageGrid {
  const data = new Float32Array(count * size * size);
  for (let image = 0; image < count; image++) {
    for (let index = 0; index < size * size; index++) {
      const [x, y] = [index % size, Math.floor(index / size)];
      const jitter = Math.sin((image * 131 + index * 17 + seed * 7) * 12.9898) * 0.5 + 0.5;
      data[image * size * size + index] = blob(x, y, size, image) * (1 - noise) + jitter * noise;
    }
  }
  return { count, height: size, width: size, channels: 1, data: data.buffer };
}

/** A seeded normal random generator (mulberry32 and Box–Muller). */
function normals(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A ring of 8 Gaussians (real) and generated points that close in on it as `progress` goes 0..1. */
export function ringPoints(count: number, progress: number): { real: ArrayBuffer; generated: ArrayBuffer } {
  const real = new Float32Array(count * 2);
  const generated = new Float32Array(count * 2);
  const noise = normals(7);
  for (let point = 0; point < count; point++) {
    const mode = (point % 8) * (Math.PI / 4);
    real.set([Math.cos(mode) * 2 + noise() * 0.12, Math.sin(mode) * 2 + noise() * 0.12], point * 2);
    const spread = 0.12 + (1 - progress) * 0.5;
    const radius = 2 * progress;
    generated.set([Math.cos(mode) * radius + noise() * spread, Math.sin(mode) * radius + noise() * spread], point * 2);
  }
  return { real: real.buffer, generated: generated.buffer };
}

/** A confusion matrix of `classes` classes that sharpens as `accuracy` rises. */
export function confusion(classes: number, accuracy: number): number[][] {
  return Array.from({ length: classes }, (_, truth) =>
    Array.from({ length: classes }, (_, predicted) => {
      if (truth === predicted) return Math.round(100 * accuracy);
      const confusable = (truth + 1) % classes === predicted || (truth * 3) % classes === predicted;
      return confusable ? Math.round(100 * (1 - accuracy) * 0.4) : Math.round(((truth + predicted) % 3) * (1 - accuracy) * 3);
    }),
  );
}

export function sineSeries(length: number, progress: number): { truth: number[]; prediction: number[] } {
  const truth = Array.from({ length }, (_, index) => Math.sin(index * 0.3));
  const prediction = truth.map((value, index) => value * progress + (1 - progress) * Math.sin(index * 0.5) * 0.4);
  return { truth, prediction };
}

const WORDS = 'the network learns to draw what it sees and the loss falls as the epochs go by'.split(' ');

export function textSample(progress: number, seed: number): string {
  const words: string[] = [];
  for (let index = 0; index < 18; index++) {
    const word = WORDS[(index * 7 + seed) % WORDS.length];
    const garbled = [...word].map((letter, position) => (Math.sin(index * 31 + position * 7 + seed) * 0.5 + 0.5 > progress ? 'xqzjk'[position % 5] : letter)).join('');
    words.push(garbled);
  }
  return words.join(' ');
}
