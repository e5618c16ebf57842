// GAN training: the split into two graphs, weights shared between them, mode coverage on the ring
// of 8 Gaussians, and the DCGAN example's samples on MNIST; training on every backend under test
// (../backends/underTest.ts).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import { createRandom, loadDataset, type Dataset } from '../../../engine/data/index.ts';
import { analyzeGraph, GraphDocumentSchema, type GraphDocument } from '../../../engine/graph/index.ts';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import { createGanLoop, type GanLoop } from '../../../engine/train/loops/gan.ts';
import type { StepReadings } from '../../../engine/train/loops/taskLoop.ts';
import { deriveGanDocuments } from '../../../engine/train/loops/gan/derive.ts';
import { backendsFor, skipReason, useBackend } from '../backends/underTest.ts';

const root = join(import.meta.dirname, '../../..');
const dcgan = GraphDocumentSchema.parse(JSON.parse(readFileSync(join(root, 'assets/examples/dcgan-mnist.json'), 'utf8')));
const NOISE = 8;
const DEVIATION = 0.05;
const RADIUS = 2;

/** A small 2-D GAN: noise -> Dense -> ReLU -> Dense -> ReLU -> Dense(2); 2-D point -> Dense -> LeakyReLU ×2 -> Dense(1) -> BCE. */
function ringGan(overrides: { discriminatorSteps?: number } = {}): GraphDocument {
  const nodes: object[] = [];
  const edges: object[] = [];
  const chain = (group: string, layers: readonly (readonly [string, string, object])[]) =>
    layers.forEach(([id, type, params], index) => {
      nodes.push({ id, type, params, position: { x: index * 200, y: group === 'generator' ? 0 : 200 }, group });
      if (index > 0) edges.push({ id: `${layers[index - 1][0]}-${id}`, source: layers[index - 1][0], target: id });
    });
  chain('generator', [['noise', 'Input', { kind: 'noise', features: NOISE }], ['g1', 'Dense', { units: 64 }], ['g1a', 'ReLU', {}], ['g2', 'Dense', { units: 64 }], ['g2a', 'ReLU', {}], ['g3', 'Dense', { units: 2 }]]);
  chain('discriminator', [['points', 'Input', { kind: 'vector', features: 2 }], ['d1', 'Dense', { units: 64 }], ['d1a', 'LeakyReLU', { alpha: 0.2 }], ['d2', 'Dense', { units: 64 }], ['d2a', 'LeakyReLU', { alpha: 0.2 }], ['d3', 'Dense', { units: 1 }], ['bce', 'BCE', {}]]);
  const optimizer = { type: 'adam', learningRate: 0.001, beta1: 0.5 };
  return GraphDocumentSchema.parse({
    format: 'netloom.graph',
    version: 2,
    metadata: { name: 'Ring GAN' },
    nodes,
    edges,
    groups: [{ id: 'generator', name: 'Generator', kind: 'Generator' }, { id: 'discriminator', name: 'Discriminator', kind: 'Discriminator' }],
    training: { task: 'gan', optimizer, batchSize: 64, epochs: 60, seed: 1, validationSplit: 0, gan: { generatorOptimizer: optimizer, discriminatorOptimizer: optimizer, ...overrides } },
    dataset: { source: 'builtin', name: 'gaussian-ring', options: { radius: RADIUS, deviation: DEVIATION } },
  });
}

async function trainEpochs(loop: GanLoop, first: number, count: number): Promise<void> {
  for (let epoch = first; epoch < first + count; epoch++) {
    loop.startEpoch(epoch);
    for (let index = 0; index < loop.stepsPerEpoch; index++) await loop.step(index, false);
  }
}

/** Trains step `index` and reads its losses (on any backend). */
async function observedStep(loop: GanLoop, index: number): Promise<StepReadings> {
  const { readings } = await loop.step(index, true);
  if (readings === null) throw new Error('an observed step has readings');
  return readings;
}

/** Generated points within 3 standard deviations of each mode's centre, out of `count`. */
async function modeCounts(loop: GanLoop, count: number): Promise<number[]> {
  const random = createRandom(2024);
  const noise = Float32Array.from({ length: count * NOISE }, () => random.normal());
  const points = await loop.generate(noise);
  const counts = new Array<number>(8).fill(0);
  for (let point = 0; point < count; point++) {
    for (let mode = 0; mode < 8; mode++) {
      const angle = (2 * Math.PI * mode) / 8;
      if (Math.hypot(points[2 * point] - RADIUS * Math.cos(angle), points[2 * point + 1] - RADIUS * Math.sin(angle)) < 3 * DEVIATION) counts[mode]++;
    }
  }
  return counts;
}

async function discriminatorWeights(loop: GanLoop): Promise<{ inDiscriminator: Map<string, Float32Array>; inGenerator: Map<string, Float32Array> }> {
  const [generator, discriminator] = loop.models;
  const inDiscriminator = await discriminator.readParametersAsync();
  const inGenerator = new Map([...(await generator.readParametersAsync())].filter(([key]) => inDiscriminator.has(key)));
  return { inDiscriminator, inGenerator };
}

describe('GAN graphs', () => {
  it('splits the DCGAN example into a valid discriminator graph and a valid generator-into-discriminator graph', () => {
    const documents = deriveGanDocuments(dcgan);
    for (const derived of [documents.discriminator, documents.generator]) {
      expect(analyzeGraph(derived).diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
      expect(derived.training.task).toBe('classify');
      expect(derived.dataset).toBeUndefined();
    }
    expect(documents).toMatchObject({ noiseInput: 'input1', realInput: 'input2', generatorOutput: 'tanh1' });
    expect(documents.discriminator.nodes.map((node) => node.id)).toEqual(['input2', 'conv2d1', 'leakyrelu1', 'conv2d2', 'leakyrelu2', 'flatten1', 'dense2', 'bce1']);
    expect(documents.generator.nodes.map((node) => node.id)).not.toContain('input2');
    expect(documents.generator.edges.filter((edge) => edge.target === 'conv2d1')).toEqual([expect.objectContaining({ source: 'tanh1', sourcePort: 'out', targetPort: 'in' })]);
    expect([...documents.discriminatorNodes].sort()).toEqual(documents.discriminator.nodes.map((node) => node.id).sort());
  });

  it('splits the ring GAN too, and rejects a generator with two loose ends', () => {
    const documents = deriveGanDocuments(ringGan());
    for (const derived of [documents.discriminator, documents.generator]) expect(analyzeGraph(derived).diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    const loose = ringGan();
    loose.nodes.push({ id: 'extra', type: 'Dense', params: { units: 2 }, position: { x: 0, y: 400 }, group: 'generator' });
    loose.edges.push({ id: 'g2a-extra', source: 'g2a', sourcePort: 'out', target: 'extra', targetPort: 'in' });
    expect(() => deriveGanDocuments(loose)).toThrow(/exactly one layer with no outgoing edge.*g3, extra/);
  });
});

let ring: Dataset;
beforeAll(async () => {
  ring = await loadDataset(ringGan().dataset!);
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe.each(backendsFor('small runs'))('GAN training on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('keeps the discriminator identical in both models after every step, and trains each side with its own optimizer', async () => {
    const loop = createGanLoop(ringGan(), ring, { batchSize: 64, seed: 3, epochs: 1, backend: backend() });
    const [generatorTrainer, discriminatorTrainer] = loop.trainers;
    expect(generatorTrainer.slots.filter((slot) => !slot.frozen).map((slot) => slot.name.split('/')[0])).toEqual(['g1', 'g1', 'g2', 'g2', 'g3', 'g3']);
    let before = (await discriminatorWeights(loop)).inDiscriminator;
    loop.startEpoch(0);
    for (let index = 0; index < 4; index++) {
      const generatorBefore = (await loop.models[0].readParametersAsync()).get('g1/weights') as Float32Array;
      const result = await observedStep(loop, index);
      const { inDiscriminator, inGenerator } = await discriminatorWeights(loop);
      expect(inGenerator).toEqual(inDiscriminator);
      expect(inDiscriminator.get('d1/weights')).toHaveLength(2 * 64);
      expect(inDiscriminator.get('d1/weights')).not.toEqual(before.get('d1/weights'));
      expect(generatorBefore).toHaveLength(NOISE * 64);
      expect((await loop.models[0].readParametersAsync()).get('g1/weights')).not.toEqual(generatorBefore);
      expect(Number.isFinite(result.losses.generator) && Number.isFinite(result.losses.discriminator)).toBe(true);
      expect(result.loss).toBe(Math.max(result.losses.generator, result.losses.discriminator));
      before = inDiscriminator;
    }
    expect([generatorTrainer.step, discriminatorTrainer.step]).toEqual([4, 4]);
  });

  test('runs discriminatorSteps discriminator updates a step, each on its own real batch, and repeats a run exactly from its seed', async () => {
    const options = { batchSize: 64, seed: 5, epochs: 1, backend: backend() };
    const twice = createGanLoop(ringGan({ discriminatorSteps: 2 }), ring, options);
    expect(twice.stepsPerEpoch).toBe(Math.floor(Math.floor(ring.count / 64) / 2));
    expect(twice.examplesPerStep).toBe(128);
    const runs: Readonly<Record<string, number>>[][] = [];
    for (const loop of [createGanLoop(ringGan(), ring, options), createGanLoop(ringGan(), ring, options)]) {
      loop.startEpoch(1);
      const losses = [];
      for (const index of [0, 1, 2]) losses.push((await observedStep(loop, index)).losses);
      runs.push(losses);
    }
    expect(runs[0]).toEqual(runs[1]);
    twice.startEpoch(0);
    await twice.step(0, false);
    expect([twice.trainers[0].step, twice.trainers[1].step]).toEqual([1, 2]);
  });

  const dcganTest = skipReason(under, 'DCGAN steps') === undefined ? test : it.skip;
  dcganTest('the DCGAN example trains a few steps on digits scaled to [-1, 1], and its fixed-noise samples change', async () => {
    const dataset = await loadDataset(dcgan.dataset!, { files: createNodeFileSource(root), mnistPath: 'build/data/mnist.bin' });
    const loop = createGanLoop(dcgan, dataset, { batchSize: 8, seed: 1, epochs: 2, backend: backend() });
    const samples = async (epoch: number) => {
      const [event] = (await loop.endEpoch(epoch)).extras;
      if (event?.type !== 'images') throw new Error('expected an image grid of samples');
      return event;
    };
    const first = await samples(0);
    expect(first).toMatchObject({ kind: 'samples', epoch: 0, outputs: { count: 16, height: 28, width: 28, channels: 1 } });
    expect((await samples(0)).outputs.data).toEqual(first.outputs.data);
    loop.startEpoch(1);
    for (let index = 0; index < 3; index++) {
      const result = await observedStep(loop, index);
      expect(Number.isFinite(result.losses.generator) && Number.isFinite(result.losses.discriminator)).toBe(true);
    }
    const discriminator = loop.models[1];
    const real = (await discriminator.view(discriminator.inputBuffer('input2'))).data.subarray(0, 8 * 784);
    expect([Math.min(...real), Math.max(...real)]).toEqual([-1, 1]);
    const second = await samples(1);
    const before = new Float32Array(first.outputs.data);
    const after = new Float32Array(second.outputs.data);
    expect(after.length).toBe(16 * 28 * 28);
    expect(after.every((value) => value >= 0 && value <= 1)).toBe(true);
    expect(after.some((value, index) => Math.abs(value - before[index]) > 1e-4)).toBe(true);
  }, 60_000);
});

describe.each(backendsFor('learning'))('GAN mode coverage on %s', (_title, under) => {
  const backend = useBackend(under);
  const test = under.skipped ? it.skip : it;

  test('covers at least 6 of the 8 modes of the ring, and reports generated beside real points', async () => {
    const loop = createGanLoop(ringGan(), ring, { batchSize: 64, seed: 1, epochs: 60, backend: backend() });
    await trainEpochs(loop, 0, 60);
    const counts = await modeCounts(loop, 1000);
    const covered = counts.filter((count) => count >= 20).length;
    expect(covered, `points near each mode: ${counts.join(', ')}`).toBeGreaterThanOrEqual(6);
    const [event] = (await loop.endEpoch(59)).extras as Extract<EngineEvent, { type: 'points' }>[];
    expect(event).toMatchObject({ type: 'points', epoch: 59, count: 512 });
    expect(new Float32Array(event.generated).length).toBe(1024);
    expect(Array.from(new Float32Array(event.real as ArrayBuffer).subarray(0, 2))).toEqual(Array.from(ring.inputs.values.subarray(0, 2)));
  }, 60_000);
});
