// engine/data: datasets for training. Built-in sets, readers for a user's files (IDX, CSV,
// image folders, text, NPY) through an injected FileSource, splitting, normalization, batching.
export { DataError, describePlace, type DataErrorPlace } from './dataError.ts';
export { createMemoryFileSource, joinPath, baseName, type FileEntry, type FileSource, type Progress, type ProgressCallback } from './fileSource.ts';
export {
  classCounts,
  classNamesOf,
  createDataset,
  inputSize,
  inputValue,
  targetSize,
  type Dataset,
  type DatasetInputs,
  type DatasetTargets,
} from './dataset.ts';
export { createRandom, mixSeed, permutation, shuffleInPlace, type Random } from './random.ts';
export { allIndices, splitIndices, spreadFirst, type Split } from './split.ts';
export { applyNormalization, fitNormalization, type Normalization, type NormalizationGroup, type NormalizationSpec } from './normalize.ts';
export { documentNormalization, fitChosenNormalization } from './chosenNormalization.ts';
export { createBatcher, type Batch, type Batcher, type BatcherOptions, type Remainder } from './batcher.ts';
export { loadDataset, type LoadContext } from './load.ts';
export { DEFAULT_DATA_LIMITS, resolveLimits, type DataLimits } from './limits.ts';
export { generatedDatasets, loadBuiltinDataset, type BuiltinContext } from './builtin/index.ts';
export { MNIST_PATH } from './builtin/mnist.ts';
export { FASHION_MNIST_DIRECTORY } from './builtin/fashionMnist.ts';
export { toyLanguageText, unigramEntropy, TOY_WINDOW } from './builtin/toyLanguage.ts';
export { TOY_VOCABULARY } from './builtin/toyLanguageGrammar.ts';
export { readIdx, readIdxDataset, type IdxArray } from './readers/idx.ts';
export { readCsvDataset } from './readers/csv.ts';
export { readImageFolderDataset } from './readers/imageFolder.ts';
export { readTextDataset, tokenizeCharacters } from './readers/text.ts';
export { readNpy, readNpyDataset, type NpyArray } from './readers/npy.ts';
