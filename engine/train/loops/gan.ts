// GAN training as a TaskLoop. Two models from one graph (gan/derive.ts): the discriminator
// (batch 2B: B real rows, then B fakes; targets 1 then 0) and the generator chained into a frozen
// copy of the discriminator (batch B, targets all 1: the non-saturating generator loss). A step
// trains the discriminator `discriminatorSteps` times, each on a new real batch and new fakes,
// copies its weights into the generator model, then trains the generator `generatorSteps` times.
// Noise is drawn from a stream seeded by (seed, epoch, step), so a resumed run repeats exactly.
import { createBatcher, mixSeed, type Batcher, type Dataset, type Normalization } from '../../data/index.ts';
import { analyzeGraph, type GraphDocument, type TrainingSettings } from '../../graph/index.ts';
import { compileGraph } from '../../compile/index.ts';
import { seedRandomState, type BufferId, type RandomState } from '../../ir/index.ts';
import type { EngineEvent } from '../../protocol/index.ts';
import type { Backend } from '../../backends/index.ts';
import { checkMemoryBudget, datasetMemory, DEFAULT_MEMORY_LIMIT } from '../memoryBudget.ts';
import { Model } from '../model.ts';
import { Trainer } from '../trainer.ts';
import { deriveGanDocuments, GanSetupError, type GanDocuments } from './gan/derive.ts';
import { denormalize, fillNormal, generate, IMAGE_SAMPLES, POINT_SAMPLES, rangeNormalization, realExamples, sampleEvent } from './gan/samples.ts';
import type { EpochReport, LoopStep, StepReadings, TaskLoop } from './taskLoop.ts';

export { GanSetupError } from './gan/derive.ts';

export interface GanLoopOptions {
  readonly batchSize: number;
  readonly seed: number;
  readonly epochs: number;
  /** Where both models run; defaults to the reference backend. */
  readonly backend?: Backend;
  /** Bytes both models and the data may take (memoryBudget.ts). */
  readonly memoryLimit?: number;
}

/** Noise streams are kept apart from the data's shuffling streams, which share the seed. */
const NOISE_STREAM = 0x6a09e667;
const FIXED_NOISE_STREAM = 0x3c6ef372;

interface GanParts {
  readonly documents: GanDocuments;
  readonly generator: Model;
  readonly discriminator: Model;
  readonly generatorTrainer: Trainer;
  readonly discriminatorTrainer: Trainer;
  readonly real: Batcher;
  readonly dataset: Dataset;
  readonly normalization: Normalization | undefined;
  readonly seed: number;
  readonly discriminatorSteps: number;
  readonly generatorSteps: number;
}

/** Builds both models, their optimizers and the real-data batcher for a GAN graph. */
export function createGanLoop(document: GraphDocument, dataset: Dataset, options: GanLoopOptions): GanLoop {
  const { batchSize, seed, epochs, backend } = options;
  const documents = deriveGanDocuments(document);
  const training = documents.discriminator.training;
  const gan = document.training.gan;
  const discriminatorSteps = gan?.discriminatorSteps ?? 1;
  const generatorSteps = gan?.generatorSteps ?? 1;
  const optimizers = { generator: gan?.generatorOptimizer ?? training.optimizer, discriminator: gan?.discriminatorOptimizer ?? training.optimizer };
  checkData(documents.discriminator, documents.realInput, dataset, batchSize * discriminatorSteps);
  // Both models compile (declarations only) and must fit the budget together before either allocates.
  const discriminatorGraph = compileGraph(documents.discriminator, { batchSize: 2 * batchSize, seed, optimizer: optimizers.discriminator });
  const generatorGraph = compileGraph(documents.generator, { batchSize, seed: mixSeed(seed, 1), frozen: documents.discriminatorNodes, optimizer: optimizers.generator });
  checkMemoryBudget([discriminatorGraph, generatorGraph], { limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT, backend }, datasetMemory(dataset, documents.realInput));
  const discriminator = new Model(discriminatorGraph, { initSeed: seed, backend });
  const generator = new Model(generatorGraph, { initSeed: mixSeed(seed, 2), backend });
  const normalization = rangeNormalization(document, dataset);
  const real = createBatcher(dataset, { batchSize, seed, normalization });
  const steps = epochs * Math.floor(real.batchesPerEpoch / discriminatorSteps);
  const settings = (optimizer: TrainingSettings['optimizer'] | undefined): TrainingSettings => ({ ...training, optimizer: optimizer ?? training.optimizer });
  const generatorTrainer = new Trainer(generator, settings(optimizers.generator), steps * generatorSteps);
  const discriminatorTrainer = new Trainer(discriminator, settings(optimizers.discriminator), steps * discriminatorSteps);
  return new GanLoop({ documents, generator, discriminator, generatorTrainer, discriminatorTrainer, real, dataset, normalization, seed, discriminatorSteps, generatorSteps });
}

function checkData(discriminator: GraphDocument, realInput: string, dataset: Dataset, needed: number): void {
  const dims = analyzeGraph(discriminator).nodeShapes.get(realInput)?.dims ?? [];
  const same = dims.length === dataset.inputDims.length && dims.every((size, axis) => size === dataset.inputDims[axis]);
  if (dataset.inputs.kind === 'token' || !same) {
    const described = dataset.inputs.kind === 'token' ? 'token ids' : `examples of ${dataset.inputDims.join('×')}`;
    throw new GanSetupError(`The data "${dataset.name}" has ${described}, but the real Input ${realInput} expects ${dims.join('×')} values. Set the Input to the data's shape.`, realInput);
  }
  if (dataset.count < needed) {
    throw new GanSetupError(`The data has ${dataset.count} examples, fewer than one step needs (${needed}: the batch size times discriminatorSteps). Lower the batch size.`, undefined, 'training.batchSize');
  }
}

export class GanLoop implements TaskLoop {
  readonly models: readonly Model[];
  readonly trainers: readonly Trainer[];
  readonly stepsPerEpoch: number;
  readonly examplesPerStep: number;
  /** Noise values per generated example. */
  readonly noiseSize: number;
  /** The generator's noise for the end-of-epoch samples (rows × noiseSize), drawn once. */
  readonly fixedNoise: Float32Array;
  private readonly random: RandomState = seedRandomState(0);
  /** The discriminator's weights and their copies in the generator model. */
  private readonly shared: readonly { readonly source: BufferId; readonly target: BufferId }[];
  /** Host staging for what a step writes into the models: the discriminator's batch, the generator's noise. */
  private readonly staging: { readonly batch: Float32Array; readonly noise: Float32Array };
  private epoch = 0;
  /** The generator model's copy of the discriminator is yet to be made (device backends). */
  private copyPending = false;

  constructor(readonly parts: GanParts) {
    this.models = [parts.generator, parts.discriminator];
    this.trainers = [parts.generatorTrainer, parts.discriminatorTrainer];
    this.stepsPerEpoch = Math.floor(parts.real.batchesPerEpoch / parts.discriminatorSteps);
    this.examplesPerStep = parts.real.batchSize * parts.discriminatorSteps;
    this.shared = sharedParameters(parts.discriminator, parts.generator);
    const { discriminator, generator, documents } = parts;
    // On a host backend the copy is made now; on a device it waits for the first step (a readback).
    if (discriminator.onHost) for (const { source, target } of this.shared) generator.write(target, discriminator.tensor(source).data);
    else this.copyPending = true;
    discriminator.write(discriminator.targetBuffer(), new Float32Array(discriminator.sizeOf(discriminator.targetBuffer())).fill(1, 0, parts.real.batchSize));
    generator.write(generator.targetBuffer(), new Float32Array(generator.sizeOf(generator.targetBuffer())).fill(1));
    this.staging = { batch: new Float32Array(discriminator.sizeOf(discriminator.inputBuffer(documents.realInput))), noise: new Float32Array(generator.sizeOf(generator.inputBuffer(documents.noiseInput))) };
    const points = parts.dataset.inputDims.length === 1 && parts.dataset.inputDims[0] === 2;
    const count = points ? Math.min(POINT_SAMPLES, parts.dataset.count) : IMAGE_SAMPLES;
    this.noiseSize = this.staging.noise.length / parts.real.batchSize;
    this.fixedNoise = new Float32Array(count * this.noiseSize);
    fillNormal(this.fixedNoise, seedRandomState(mixSeed(parts.seed, FIXED_NOISE_STREAM)));
  }

  startEpoch(epoch: number): void {
    this.epoch = epoch;
    this.parts.real.startEpoch(epoch);
  }

  async step(index: number, observe = true): Promise<LoopStep> {
    seedRandomState(mixSeed(mixSeed(this.parts.seed ^ NOISE_STREAM, this.epoch), index), this.random);
    if (this.copyPending) await this.copyDiscriminator();
    this.copyPending = false;
    const discriminator = await this.trainDiscriminator(index, observe);
    await this.copyDiscriminator();
    let learningRate = 0;
    for (let repeat = 0; repeat < this.parts.generatorSteps; repeat++) {
      this.drawNoise();
      learningRate = this.parts.generatorTrainer.advance();
    }
    if (discriminator === null) return { learningRate, readings: null };
    const generatorLoss = this.parts.generator.readLoss();
    const readings = Promise.all([generatorLoss, discriminator]).then(([generator, read]): StepReadings => ({
      loss: Math.max(generator, read.loss),
      losses: { generator, discriminator: read.loss },
      metrics: { realAccuracy: read.realAccuracy, fakeAccuracy: read.fakeAccuracy },
    }));
    return { learningRate, readings };
  }

  async endEpoch(epoch: number): Promise<EpochReport> {
    return { validation: {}, extras: await this.preview(epoch) };
  }

  /** The generator's samples of the fixed noise (or its points beside real ones), as they are now. */
  async preview(epoch: number): Promise<EngineEvent[]> {
    const samples = await this.generate(this.fixedNoise);
    const count = this.fixedNoise.length / this.noiseSize;
    const real = this.parts.dataset.inputDims.length === 1 ? realExamples(this.parts.dataset, count) : null;
    const event: EngineEvent | null = sampleEvent(samples, count, this.parts.dataset.inputDims, epoch, real);
    return event === null ? [] : [event];
  }

  /** Generated examples for rows of noise (rows × noise size), in the data's own range. */
  async generate(noise: Float32Array): Promise<Float32Array> {
    const ports = { model: this.parts.generator, noiseInput: this.parts.documents.noiseInput, output: this.parts.documents.generatorOutput };
    return denormalize(await generate(ports, noise, noise.length / this.noiseSize), this.parts.normalization);
  }

  /**
   * Trains the discriminator on real and fake batches; when observed, the reads of its loss and
   * accuracies on the last batch (queued before anything else runs on it).
   */
  private async trainDiscriminator(index: number, observe: boolean): Promise<Promise<{ loss: number; realAccuracy: number; fakeAccuracy: number }> | null> {
    const { discriminator, generator, documents, real, discriminatorTrainer } = this.parts;
    const input = discriminator.inputBuffer(documents.realInput);
    const output = generator.outputBuffer(documents.generatorOutput);
    const batch = this.staging.batch;
    const half = batch.length / 2;
    const repeats = this.parts.discriminatorSteps;
    for (let repeat = 0; repeat < repeats; repeat++) {
      batch.set(real.fill(index * repeats + repeat).inputs);
      this.drawNoise();
      generator.forward('train');
      // The fakes cross from one model to the other through host memory (a readback on a device:
      // a GPU-side copy between the two programs' buffers would save the round trip).
      batch.set((await generator.view(output)).data, half);
      discriminator.write(input, batch);
      discriminatorTrainer.advance();
    }
    if (!observe) return null;
    const rows = real.batchSize;
    const loss = discriminator.readLoss();
    const scores = discriminator.view(discriminator.compiled.prediction as number);
    return Promise.all([loss, scores]).then(([value, { data }]) => {
      let realCorrect = 0;
      let fakeCorrect = 0;
      for (let row = 0; row < rows; row++) {
        if (data[row] > 0) realCorrect++;
        if (data[rows + row] <= 0) fakeCorrect++;
      }
      return { loss: value, realAccuracy: realCorrect / rows, fakeAccuracy: fakeCorrect / rows };
    });
  }

  /** New noise for the generator's Input, from the step's stream. */
  private drawNoise(): void {
    fillNormal(this.staging.noise, this.random);
    this.parts.generator.write(this.parts.generator.inputBuffer(this.parts.documents.noiseInput), this.staging.noise);
  }

  /** The generator model's frozen discriminator takes the trained one's weights (through host memory: a readback on a device). */
  private async copyDiscriminator(): Promise<void> {
    const { discriminator, generator } = this.parts;
    const values = await Promise.all(this.shared.map(({ source }) => discriminator.view(source)));
    this.shared.forEach(({ target }, index) => generator.write(target, values[index].data));
  }
}

function sharedParameters(discriminator: Model, generator: Model): { source: BufferId; target: BufferId }[] {
  const targets = new Map(generator.compiled.parameters.map((parameter) => [`${parameter.node}/${parameter.name}`, parameter.value]));
  return discriminator.compiled.parameters.map((parameter) => {
    const key = `${parameter.node}/${parameter.name}`;
    const target = targets.get(key);
    if (target === undefined) throw new Error(`The generator model has no copy of the discriminator's ${key}.`);
    return { source: parameter.value, target };
  });
}
