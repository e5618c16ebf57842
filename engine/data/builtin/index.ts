// The built-in datasets by the names engine/graph/datasets.ts gives them. Generated sets are
// seeded (options.seed, default 1) and deterministic; mnist and fashion-mnist read files
// through the FileSource.
import { builtinDatasets } from '../../graph/datasets.ts';
import { DataError } from '../dataError.ts';
import type { Dataset } from '../dataset.ts';
import type { FileSource, ProgressCallback } from '../fileSource.ts';
import { builtinFile } from './common.ts';
import { FASHION_MNIST_DIRECTORY, loadFashionMnist } from './fashionMnist.ts';
import { generateGaussianRing } from './gaussianRing.ts';
import { MNIST_PATH, loadMnist } from './mnist.ts';
import { generateMoons } from './moons.ts';
import { generateSine } from './sine.ts';
import { generateSpirals } from './spirals.ts';
import { generateToyLanguage } from './toyLanguage.ts';
import { generateWaveforms } from './waveforms.ts';
import { generateXo } from './xo.ts';
import { generateXor } from './xor.ts';

/** The sets made in memory from options alone. */
export const generatedDatasets: Readonly<Record<string, (options?: unknown) => Dataset>> = {
  xo: generateXo,
  moons: generateMoons,
  spirals: generateSpirals,
  'gaussian-ring': generateGaussianRing,
  xor: generateXor,
  sine: generateSine,
  waveforms: generateWaveforms,
  'toy-language': generateToyLanguage,
};

export interface BuiltinContext {
  /** Needed for mnist and fashion-mnist. */
  readonly files?: FileSource;
  /** Where mnist.bin is (default build/data/mnist.bin). */
  readonly mnistPath?: string;
  /** Where the Fashion-MNIST IDX files are (default Debian's /usr/share/datasets/fashion-mnist). */
  readonly fashionMnistDirectory?: string;
  readonly onProgress?: ProgressCallback;
}

function requireFiles(name: string, context: BuiltinContext): FileSource {
  if (context.files === undefined) throw new DataError({ file: builtinFile(name) }, 'this set is read from files, but no file source was given');
  return context.files;
}

/** A built-in dataset by name. */
export async function loadBuiltinDataset(name: string, options: unknown, context: BuiltinContext = {}): Promise<Dataset> {
  const generate = generatedDatasets[name];
  if (generate !== undefined) return generate(options);
  if (name === 'mnist') return loadMnist(requireFiles(name, context), context.mnistPath ?? MNIST_PATH, context.onProgress, options);
  if (name === 'fashion-mnist') return loadFashionMnist(requireFiles(name, context), context.fashionMnistDirectory ?? FASHION_MNIST_DIRECTORY, context.onProgress, options);
  const known = builtinDatasets.map((dataset) => dataset.name).join(', ');
  throw new DataError({ file: builtinFile(name) }, `there is no built-in dataset of that name; the built-in sets are ${known}`);
}
