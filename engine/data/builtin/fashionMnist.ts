// Fashion-MNIST from its IDX files (gzip or plain), by default Debian's copy in
// /usr/share/datasets/fashion-mnist: `train` has 60,000 images, `test` 10,000; 28×28×1 bytes
// read as value/255, 10 balanced classes.
import { z } from 'zod';
import type { Dataset } from '../dataset.ts';
import { joinPath, type FileSource, type ProgressCallback } from '../fileSource.ts';
import { parseOptions } from '../options.ts';
import { readIdxDataset } from '../readers/idx.ts';
import { builtinFile, rangeOption } from './common.ts';

export const FASHION_MNIST_DIRECTORY = '/usr/share/datasets/fashion-mnist';
export const FASHION_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];

export const FashionMnistOptionsSchema = z.object({ split: z.enum(['train', 'test']).default('train'), range: rangeOption }).strict();

/** The image and label file names of a split, e.g. train-images-idx3-ubyte.gz. */
export function fashionMnistFiles(directory: string, split: 'train' | 'test'): { images: string; labels: string } {
  const prefix = split === 'train' ? 'train' : 't10k';
  return { images: joinPath(directory, `${prefix}-images-idx3-ubyte.gz`), labels: joinPath(directory, `${prefix}-labels-idx1-ubyte.gz`) };
}

export async function loadFashionMnist(files: FileSource, directory = FASHION_MNIST_DIRECTORY, onProgress?: ProgressCallback, options?: unknown): Promise<Dataset> {
  const { split } = parseOptions(FashionMnistOptionsSchema, options, builtinFile('fashion-mnist'));
  const paths = fashionMnistFiles(directory, split);
  return readIdxDataset(files, paths.images, { name: 'fashion-mnist', labelPath: paths.labels, classNames: FASHION_NAMES, onProgress });
}
