// The PyTorch package of a graph as files in memory (no file system here: the app can show them).
import { documentNormalization, type Dataset } from '../../data/index.ts';
import type { GraphDocument } from '../../graph/index.ts';
import { rangeNormalization } from '../../train/loops/gan/samples.ts';
import { dataArrays, dataCode, type DataSource } from './dataCode.ts';
import { modelCode } from './modelCode.ts';
import { encodeNpz } from './npz.ts';
import { modelParts } from './parts.ts';
import { planGraph } from './plan.ts';
import { readmeText } from './readme.ts';
import { trainCode } from './trainCode.ts';
import { stateDictArrays } from './weights.ts';

export type PackageFiles = Map<string, string | Uint8Array>;

/** model.py alone: what the app shows beside the graph. */
export function pytorchModelCode(document: GraphDocument): string {
  const plan = planGraph(document);
  return modelCode(plan, modelParts(plan));
}

/** Every file of the package: model.py, data.py, train.py, README.md, weights.npz, and data.npz when a dataset is given. */
export function pytorchPackage(document: GraphDocument, checkpoint: Uint8Array, source: DataSource, dataset?: Dataset): PackageFiles {
  const plan = planGraph(document);
  const parts = modelParts(plan);
  const files: PackageFiles = new Map<string, string | Uint8Array>([
    ['model.py', modelCode(plan, parts)],
    ['data.py', dataCode(plan.document, source)],
    ['train.py', trainCode(plan, parts)],
    ['README.md', readmeText(plan.document, parts.map((part) => part.method))],
    ['weights.npz', encodeNpz(stateDictArrays(plan, checkpoint))],
  ]);
  if (dataset !== undefined) {
    // A GAN's range normalization, or the document's choice fitted on the training split as Netloom trains.
    const normalization = plan.document.training.task === 'gan' ? rangeNormalization(plan.document, dataset) : documentNormalization(plan.document, dataset);
    files.set('data.npz', encodeNpz(dataArrays(plan.document, dataset, source, normalization)));
  }
  return files;
}
