// The normalization a graph document chooses for its dataset ("none", "scale01", "standardize"),
// fitted to the training split. One affine map per position of the example's last axis: a
// vector's or table's features, an image's channels (images are channels last), a sequence's
// features at every time step. Fitted on the training indices only; the same graph, data and
// split give the same numbers, so evaluation and export recompute it instead of storing it.
import { normalizationOf, type GraphDocument, type Normalization as NormalizationChoice } from '../graph/index.ts';
import { DataError } from './dataError.ts';
import type { Dataset } from './dataset.ts';
import { fitNormalization, type Normalization } from './normalize.ts';
import { splitIndices } from './split.ts';

/** The choice fitted to `trainIndices`; undefined for "none" (the inputs stay as they are). */
export function fitChosenNormalization(choice: NormalizationChoice, dataset: Dataset, trainIndices: Int32Array): Normalization | undefined {
  if (choice === 'none') return undefined;
  if (dataset.inputs.kind === 'token') {
    throw new DataError({ file: dataset.name, field: 'dataset.normalization' }, `the examples are token ids, which cannot be scaled ("${choice}"): set the dataset's normalization to "none"`);
  }
  if (choice === 'scale01') return fitNormalization(dataset, { type: 'scale', range: 'unit', per: 'channel' }, trainIndices);
  return fitNormalization(dataset, { type: 'standardize', per: 'channel' }, trainIndices);
}

/**
 * The document's normalization as training fits it: on the training part of the split its
 * training settings make of `dataset` (the validation split and seed; a GAN trains on every example
 * and normalizes by range, see train/loops/gan/samples.ts). Undefined where the document asks for none.
 */
export function documentNormalization(document: GraphDocument, dataset: Dataset): Normalization | undefined {
  const choice = document.dataset === undefined ? 'none' : normalizationOf(document.dataset);
  if (choice === 'none') return undefined;
  const { validationSplit, seed } = document.training;
  return fitChosenNormalization(choice, dataset, splitIndices(dataset.count, validationSplit, seed).train);
}
