// Files for the hostile-input cases: a temp folder, graph documents that name a data file, and a
// seeded random source so every generated case is the same on every run.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chainDocument, type LayerStep } from '../engine/graph/build.ts';

export const workspace = mkdtempSync(join(tmpdir(), 'netloom-hostile-'));

export function writeFile(relative: string, content: Uint8Array | string): string {
  const path = join(workspace, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

export type DatasetReference = Record<string, unknown>;

/** A graph document on disk: a chain of layers, its training settings, and the data it names. */
export function writeGraph(name: string, steps: readonly LayerStep[], dataset: DatasetReference | undefined, training: Record<string, unknown> = {}, task: Parameters<typeof chainDocument>[1] = 'classify'): string {
  const document = { ...chainDocument(steps, task, { batchSize: 8, epochs: 1, seed: 1, validationSplit: 0.1, ...training }), ...(dataset === undefined ? {} : { dataset }) };
  return writeFile(name, JSON.stringify(document));
}

/** Input of `features` values → Dense 8 → ReLU → Dense `classes` → softmax cross-entropy. */
export function vectorClassifier(features: number, classes: number): LayerStep[] {
  return [
    { type: 'Input', params: { kind: 'vector', features } },
    { type: 'Dense', params: { units: 8 } },
    { type: 'ReLU' },
    { type: 'Dense', params: { units: classes } },
    { type: 'SoftmaxCrossEntropy' },
  ];
}

/** Input image → Conv2D 4 → ReLU → Flatten → Dense `classes` → softmax cross-entropy. */
export function imageClassifier(height: number, width: number, channels: number, classes: number): LayerStep[] {
  return [
    { type: 'Input', params: { kind: 'image', height, width, channels } },
    { type: 'Conv2D', params: { filters: 4, kernelSize: [3, 3], padding: 'same' } },
    { type: 'ReLU' },
    { type: 'Flatten' },
    { type: 'Dense', params: { units: classes } },
    { type: 'SoftmaxCrossEntropy' },
  ];
}

/** Tokens → Embedding → LSTM → Dense → softmax cross-entropy at every step. */
export function characterModel(vocabulary: number, steps: number): LayerStep[] {
  return [
    { type: 'Input', params: { kind: 'tokens', steps } },
    { type: 'Embedding', params: { vocabulary, dimension: 4 } },
    { type: 'LSTM', params: { units: 8, returnSequences: true } },
    { type: 'Dense', params: { units: vocabulary } },
    { type: 'SoftmaxCrossEntropy' },
  ];
}

/** mulberry32: a small seeded generator, so generated cases repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export function integer(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}
