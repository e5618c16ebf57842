// What a set of files a user gives is, decided from their names and folder paths: a CSV, an IDX
// pair (images and labels), Fashion-MNIST's four IDX files, NPY arrays, a folder of images (one
// subfolder per class), a text file, or an archive to unpack first (a zip of an image folder, an
// .npz of arrays). The answer is the dataset reference the graph document will store; its paths
// are the names the files were added under, so a graph saved with it names the same files.
import type { DatasetReference } from '../graph/document.ts';
import { DataError } from './dataError.ts';
import { baseName } from './fileSource.ts';

export type AddedDataset = { readonly kind: 'reference'; readonly reference: DatasetReference } | { readonly kind: 'archive'; readonly path: string; readonly folder: string; readonly archive: 'zip' | 'npz' };

/** Where Fashion-MNIST's files go when a user gives them (the web build has no disk to read). */
export const FASHION_MNIST_FOLDER = 'fashion-mnist';
export const FASHION_MNIST_FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];

const IMAGE = /\.(png|jpe?g)$/i;
const IDX = /(idx\d|-ubyte)(\.gz)?$|\.idx(\.gz)?$/i;
const LABEL_ARRAY = /^(y|labels?|targets?|classes)(\.npy)?$/i;

function dirname(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

function fileReference(path: string, format: (DatasetReference & { source: 'file' })['format'], labelPath?: string): AddedDataset {
  return { kind: 'reference', reference: { source: 'file', path, format, ...(labelPath === undefined ? {} : { labelPath }) } };
}

/** The name Fashion-MNIST's loader reads a given file under, or undefined when it is not one of its four. */
export function fashionMnistName(path: string): string | undefined {
  const stem = baseName(path).replace(/\.gz$/i, '');
  return FASHION_MNIST_FILES.includes(stem) ? `${FASHION_MNIST_FOLDER}/${stem}.gz` : undefined;
}

function imageFolder(paths: readonly string[], place: string): AddedDataset {
  const roots = new Set(paths.filter((path) => IMAGE.test(path)).map((path) => dirname(dirname(path))));
  if (roots.size !== 1) throw new DataError({ file: place }, 'these images are not one folder with a subfolder per class; give the folder that holds the class folders');
  return fileReference([...roots][0], 'imageFolder');
}

function single(path: string): AddedDataset {
  const name = baseName(path).toLowerCase();
  if (name.endsWith('.zip')) return { kind: 'archive', path, folder: path, archive: 'zip' };
  if (name.endsWith('.npz')) return { kind: 'archive', path, folder: path, archive: 'npz' };
  if (/\.(csv|tsv)$/.test(name)) return name.endsWith('.tsv') ? { kind: 'reference', reference: { source: 'file', path, format: 'csv', options: { delimiter: '\t' } } } : fileReference(path, 'csv');
  if (/\.npy(\.gz)?$/.test(name)) return fileReference(path, 'npy');
  if (IDX.test(name)) return fileReference(path, 'idx');
  if (/\.(txt|text|md)$/.test(name)) return fileReference(path, 'text');
  throw new DataError({ file: path }, 'not a kind of file Netloom reads; give a .csv, .idx (or .gz), .npy, .npz, .txt, a .zip of an image folder, or a folder of images');
}

function pair(paths: readonly string[], place: string, format: 'idx' | 'npy'): AddedDataset {
  const isLabels = (path: string) => (format === 'idx' ? /labels|idx1/i.test(baseName(path)) : LABEL_ARRAY.test(baseName(path)));
  const labels = paths.filter(isLabels);
  const inputs = paths.filter((path) => !isLabels(path));
  const prefer = (list: readonly string[]) => list.find((path) => /train/i.test(baseName(path))) ?? list[0];
  if (inputs.length === 0) throw new DataError({ file: place }, `only label files were given; add the ${format === 'idx' ? 'image' : 'input'} file too`);
  return fileReference(prefer(inputs), format, labels.length > 0 ? prefer(labels) : undefined);
}

/** What the given files are, as a dataset reference (or an archive to unpack first). */
export function planAddedFiles(paths: readonly string[], place = 'the files given'): AddedDataset {
  if (paths.length === 0) throw new DataError({ file: place }, 'no files were given');
  if (paths.every((path) => fashionMnistName(path) !== undefined) && paths.some((path) => /^train-/.test(baseName(path)))) {
    return { kind: 'reference', reference: { source: 'builtin', name: 'fashion-mnist' } };
  }
  if (paths.some((path) => IMAGE.test(path) && path.includes('/'))) return imageFolder(paths, place);
  if (paths.length === 1) return single(paths[0]);
  if (paths.every((path) => IDX.test(baseName(path)))) return pair(paths, place, 'idx');
  if (paths.every((path) => /\.npy(\.gz)?$/i.test(path))) return pair(paths, place, 'npy');
  throw new DataError({ file: place }, `${paths.length} files of different kinds; give one dataset at a time: one CSV, NPY or text file, an IDX or NPY pair, or one folder of images`);
}

/** After an archive is unpacked into `folder`: what its entries are. */
export function planUnpacked(folder: string, entries: readonly string[], archive: 'zip' | 'npz'): AddedDataset {
  const inside = entries.map((entry) => `${folder}/${entry}`);
  if (archive === 'npz') return pair(inside.filter((path) => /\.npy$/i.test(path)), folder, 'npy');
  // A zip of `shapes/` holds `shapes/circle/1.png`, a zip of its contents `circle/1.png`: either works.
  const images = inside.filter((path) => IMAGE.test(path));
  if (images.length === 0) throw new DataError({ file: folder }, 'the archive holds no .png or .jpg images; zip a folder with a subfolder of images per class');
  return imageFolder(images, folder);
}
