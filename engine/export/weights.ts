// The weights an export writes: every parameter and persistent float state (batch-norm running
// statistics) of the graph, keyed `node/name` as the compiler names them (dense1/weights,
// batchnorm1/runningMean). They come from a checkpoint, loaded and checked by train/checkpoint.ts
// into the same models a run builds (a GAN: the generator chained into the discriminator, then the
// discriminator), or from fresh seeded models.
import type { GraphDocument } from '../graph/index.ts';
import { loadCheckpoint, readCheckpointHeader } from '../train/checkpoint.ts';
import { deriveGanDocuments } from '../train/loops/gan/derive.ts';
import type { Model } from '../train/model.ts';
import { netloomModels } from './models.ts';

/** `node/name` -> values in Netloom's layouts (Dense [in, out], Conv2D [kH, kW, in, out]…). */
export type ExportWeights = ReadonlyMap<string, Float32Array>;

export interface WeightedModels {
  /** The models a run of this graph builds (train/prepare.ts), holding the weights: [model], or a GAN's [generator, discriminator]. */
  readonly models: readonly Model[];
  readonly weights: ExportWeights;
}

/** A recurrent layer's initial states are zeros of the run's batch size, not weights: no export carries them. */
const NOT_WEIGHTS = new Set(['initialHidden', 'initialCell']);

function floatValues(model: Model, skip: (node: string) => boolean, into: Map<string, Float32Array>): void {
  for (const buffer of model.compiled.program.buffers) {
    if ((buffer.role !== 'parameter' && buffer.role !== 'state') || buffer.aliasOf !== undefined || buffer.name === undefined) continue;
    const [node, name] = buffer.name.split('/');
    if (buffer.descriptor.dtype !== 'f32' || name === undefined || NOT_WEIGHTS.has(name) || skip(node)) continue;
    into.set(buffer.name, Float32Array.from(model.tensor(buffer.id).data));
  }
}

/** The weights held by the models: a GAN's discriminator layers from the discriminator model itself. */
function collect(document: GraphDocument, models: readonly Model[]): ExportWeights {
  const weights = new Map<string, Float32Array>();
  if (models.length === 1) {
    floatValues(models[0], () => false, weights);
    return weights;
  }
  const discriminatorNodes = deriveGanDocuments(document).discriminatorNodes;
  floatValues(models[0], (node) => discriminatorNodes.has(node), weights);
  floatValues(models[1], () => false, weights);
  return weights;
}

/** Models and weights from a checkpoint saved by `netloom train --save` or the app (a CheckpointError when it does not fit the graph). */
export function weightsFromCheckpoint(document: GraphDocument, bytes: Uint8Array): WeightedModels {
  const { header } = readCheckpointHeader(bytes);
  const { models } = netloomModels(document, header.batchSize);
  loadCheckpoint(bytes, models, []);
  return { models, weights: collect(document, models) };
}

/** Models and weights as a fresh run of the graph starts them (seeded: the same every time). */
export function freshWeights(document: GraphDocument, batchSize: number = document.training.batchSize): WeightedModels {
  const { models } = netloomModels(document, batchSize);
  return { models, weights: collect(document, models) };
}
