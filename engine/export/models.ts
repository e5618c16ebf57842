// The Netloom models a graph trains (one, or a GAN's generator and discriminator, as the GAN loop
// builds them), seeded as Train starts them, with fresh optimizers: what a checkpoint of the graph
// holds, and what every export reads its weights from.
import { compileGraph } from '../compile/index.ts';
import { mixSeed } from '../data/index.ts';
import type { GraphDocument, TrainingSettings } from '../graph/index.ts';
import { deriveGanDocuments } from '../train/loops/gan/derive.ts';
import { Model } from '../train/model.ts';
import { Trainer } from '../train/trainer.ts';

export interface NetloomModels {
  readonly models: readonly Model[];
  readonly trainers: readonly Trainer[];
  readonly batchSize: number;
}

function supervised(document: GraphDocument, batchSize: number): NetloomModels {
  const { seed } = document.training;
  const model = new Model(compileGraph(document, { batchSize, seed }));
  return { models: [model], trainers: [new Trainer(model, document.training, 1)], batchSize };
}

function gan(document: GraphDocument, batchSize: number): NetloomModels {
  const { seed } = document.training;
  const documents = deriveGanDocuments(document);
  const training = documents.discriminator.training;
  const settings = document.training.gan;
  const optimizers = { generator: settings?.generatorOptimizer ?? training.optimizer, discriminator: settings?.discriminatorOptimizer ?? training.optimizer };
  const discriminator = new Model(compileGraph(documents.discriminator, { batchSize: 2 * batchSize, seed, optimizer: optimizers.discriminator }), { initSeed: seed });
  const generator = new Model(compileGraph(documents.generator, { batchSize, seed: mixSeed(seed, 1), frozen: documents.discriminatorNodes, optimizer: optimizers.generator }), { initSeed: mixSeed(seed, 2) });
  generator.writeParameters(discriminator.readParameters());
  const trained = (optimizer: TrainingSettings['optimizer']): TrainingSettings => ({ ...training, optimizer });
  return { models: [generator, discriminator], trainers: [new Trainer(generator, trained(optimizers.generator), 1), new Trainer(discriminator, trained(optimizers.discriminator), 1)], batchSize };
}

/** The graph's models with weights from its seed, and their trainers at step 0 (a GAN's discriminator takes batches of 2 × batchSize). */
export function netloomModels(document: GraphDocument, batchSize: number = document.training.batchSize): NetloomModels {
  return document.training.task === 'gan' ? gan(document, batchSize) : supervised(document, batchSize);
}

/** Writes weights and state by `node/name` into every model buffer of that name (a GAN's shared discriminator in both models). */
export function writeNamedTensors(models: readonly Model[], values: ReadonlyMap<string, Float32Array>): void {
  for (const model of models) {
    for (const buffer of model.compiled.program.buffers) {
      if ((buffer.role !== 'parameter' && buffer.role !== 'state') || buffer.aliasOf !== undefined || buffer.name === undefined) continue;
      const value = values.get(buffer.name);
      if (value !== undefined) model.write(buffer.id, value);
    }
  }
}
