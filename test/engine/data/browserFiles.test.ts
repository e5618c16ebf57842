// The readers' browser path: files a user picked or dropped, as Blobs, and zip archives of them.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createBlobFileSource } from '../../../engine/data/blobFileSource.ts';
import { planAddedFiles, planUnpacked } from '../../../engine/data/addedFiles.ts';
import { loadDataset } from '../../../engine/data/index.ts';
import { readZipArchive } from '../../../engine/data/zipArchive.ts';
import { createMemoryFileSource } from '../../../engine/data/fileSource.ts';
import { guessLabelColumn } from '../../../engine/data/csvPeek.ts';
import type { DatasetReference } from '../../../engine/graph/index.ts';
import { SessionFiles } from '../../../engine/worker/sessionFiles.ts';
import { expectDataError, gzip, idxBytes, npyBytes, pngBytes } from './fixtures.ts';

const text = (value: string) => new TextEncoder().encode(value);
/** A Blob of bytes (copied: a Blob takes an ArrayBuffer-backed view only). */
const blob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);

describe('a FileSource over Blobs', () => {
  it('reads, sizes, streams in slices and lists the folders implied by the paths', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, index) => index % 251);
    const files = createBlobFileSource(new Map([['shapes/circle/a.png', new Blob([bytes])], ['shapes/square/b.png', new Blob([text('xy')])]]));
    expect(await files.size('shapes/circle/a.png')).toBe(1000);
    expect(Array.from(await files.read('shapes/square/b.png'))).toEqual([120, 121]);
    const chunks: Uint8Array[] = [];
    for await (const chunk of files.stream('shapes/circle/a.png', 300)) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.byteLength)).toEqual([300, 300, 300, 100]);
    expect(chunks[3][99]).toBe(999 % 251);
    expect(await files.list('shapes')).toEqual([{ name: 'circle', isDirectory: true }, { name: 'square', isDirectory: true }]);
    await expectDataError(files.read('shapes/none.png'), { file: 'shapes/none.png' }, /file not found/);
    await expectDataError(files.list('other'), { file: 'other' }, /folder not found/);
  });

  it('loads a CSV given as a File, classes sorted, with its label column', async () => {
    const csv = 'a,b,c,label\n1,2,3,yes\n4,5,6,no\n7,8,9.5,yes\n';
    const files = createBlobFileSource(new Map([['points.csv', new File([csv], 'points.csv')]]));
    const dataset = await loadDataset({ source: 'file', path: 'points.csv', format: 'csv', labelColumn: 'label' }, { files });
    expect(dataset.count).toBe(3);
    expect(dataset.inputDims).toEqual([3]);
    expect(dataset.targets).toMatchObject({ kind: 'class', classNames: ['no', 'yes'] });
    expect(Array.from(dataset.targets.kind === 'class' ? dataset.targets.values : [])).toEqual([1, 0, 1]);
    expect(dataset.inputs.kind === 'float' && Array.from(dataset.inputs.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9.5]);
  });

  it('loads gzip IDX images and labels from Blobs', async () => {
    const images = gzip(idxBytes(0x08, [2, 2, 2], [0, 255, 255, 0, 10, 20, 30, 40]));
    const labels = idxBytes(0x08, [2], [3, 1]);
    const files = createBlobFileSource(new Map([['x-idx3-ubyte.gz', blob(images)], ['y-idx1-ubyte', blob(labels)]]));
    const dataset = await loadDataset({ source: 'file', path: 'x-idx3-ubyte.gz', labelPath: 'y-idx1-ubyte', format: 'idx' }, { files });
    expect(dataset.inputDims).toEqual([2, 2, 1]);
    expect(Array.from(dataset.targets.kind === 'class' ? dataset.targets.values : [])).toEqual([3, 1]);
  });
});

describe('zip archives', () => {
  const white = pngBytes(3, 2, 1, () => 255);
  const black = pngBytes(3, 2, 1, () => 0);

  it('unpacks a zipped image folder, skipping macOS entries, and it loads as two classes', async () => {
    const zip = zipSync({ 'shapes/white/1.png': white, 'shapes/white/2.png': white, 'shapes/black/1.png': black, '__MACOSX/shapes/._1.png': text('junk') });
    const entries = await readZipArchive(createMemoryFileSource({ 'shapes.zip': zip }), 'shapes.zip');
    expect([...entries.keys()].sort()).toEqual(['shapes/black/1.png', 'shapes/white/1.png', 'shapes/white/2.png']);
    const plan = planUnpacked('shapes', [...entries.keys()], 'zip');
    expect(plan).toEqual({ kind: 'reference', reference: { source: 'file', path: 'shapes/shapes', format: 'imageFolder' } });
    const files = createMemoryFileSource(new Map([...entries].map(([name, bytes]) => [`shapes/${name}`, bytes])));
    const dataset = await loadDataset({ source: 'file', path: 'shapes/shapes', format: 'imageFolder' }, { files });
    expect(dataset.count).toBe(3);
    expect(dataset.inputDims).toEqual([2, 3, 1]);
    expect(dataset.targets).toMatchObject({ classNames: ['black', 'white'] });
  });

  it('refuses a damaged archive and one that would inflate past the limit, naming the archive', async () => {
    await expectDataError(readZipArchive(createMemoryFileSource({ 'a.zip': text('not a zip at all') }), 'a.zip'), { file: 'a.zip' }, /not a readable zip archive/);
    const big = zipSync({ 'a/b/1.png': new Uint8Array(5000) });
    await expectDataError(readZipArchive(createMemoryFileSource({ 'b.zip': big }), 'b.zip', undefined, { maxFileBytes: 4000, maxFieldLength: 1, maxColumns: 1, maxImagePixels: 1, maxImages: 10, maxDatasetBytes: 1e9 }), { file: 'b.zip' }, /inflate to 4\.9 KiB|inflate to 5/);
  });
});

describe('what the files a user gives are', () => {
  it('names each kind by its files', () => {
    expect(planAddedFiles(['points.csv'])).toEqual({ kind: 'reference', reference: { source: 'file', path: 'points.csv', format: 'csv' } });
    expect(planAddedFiles(['a.tsv'])).toMatchObject({ reference: { format: 'csv', options: { delimiter: '\t' } } });
    expect(planAddedFiles(['poem.txt'])).toMatchObject({ reference: { format: 'text', path: 'poem.txt' } });
    expect(planAddedFiles(['x.npy', 'y.npy'])).toMatchObject({ reference: { format: 'npy', path: 'x.npy', labelPath: 'y.npy' } });
    expect(planAddedFiles(['t10k-images-idx3-ubyte', 'train-labels-idx1-ubyte', 'train-images-idx3-ubyte'])).toMatchObject({ reference: { source: 'builtin', name: 'fashion-mnist' } });
    expect(planAddedFiles(['digits-labels-idx1-ubyte.gz', 'digits-images-idx3-ubyte.gz'])).toMatchObject({ reference: { format: 'idx', path: 'digits-images-idx3-ubyte.gz', labelPath: 'digits-labels-idx1-ubyte.gz' } });
    expect(planAddedFiles(['pets/cat/1.png', 'pets/dog/2.jpg', 'pets/dog/notes.txt'])).toMatchObject({ reference: { format: 'imageFolder', path: 'pets' } });
    expect(planAddedFiles(['pets.zip'])).toEqual({ kind: 'archive', path: 'pets.zip', folder: 'pets.zip', archive: 'zip' });
    expect(planAddedFiles(['arrays.npz'])).toMatchObject({ kind: 'archive', archive: 'npz' });
  });

  it('guesses the label column: a label name, else a text or last "y", else the last text column', () => {
    const peek = (names: string, types: string) => ({ columns: names.split(',').map((name, index) => ({ name, type: types[index] === 'n' ? ('number' as const) : ('text' as const) })), rows: [] });
    expect(guessLabelColumn(peek('label,p1,p2', 'nnn'))).toBe('label');
    expect(guessLabelColumn(peek('x,y,z,side', 'nnnt'))).toBe('side');
    expect(guessLabelColumn(peek('a,b,y', 'nnn'))).toBe('y');
    expect(guessLabelColumn(peek('a,kind,b', 'ntn'))).toBe('kind');
    expect(guessLabelColumn(peek('a,b', 'nn'))).toBe('b');
  });

  it('refuses what it cannot read, saying what to give instead', () => {
    expect(() => planAddedFiles(['photo.gif'])).toThrow(/not a kind of file Netloom reads; give a \.csv/);
    expect(() => planAddedFiles(['a.csv', 'b.txt'])).toThrow(/2 files of different kinds/);
    expect(() => planAddedFiles(['a/cat/1.png', 'b/dog/1.png'])).toThrow(/not one folder with a subfolder per class/);
  });
});

/** Adds files as the app does (Blobs under their paths) and loads the dataset they make. */
async function addAndLoad(given: Readonly<Record<string, Uint8Array>>) {
  const session = new SessionFiles();
  const dataset: DatasetReference = await session.add(Object.entries(given).map(([path, bytes]) => ({ path, blob: blob(bytes) })));
  const steps: { done: number; total: number; unit: string }[] = [];
  const loaded = await loadDataset(dataset, { files: session.source(), onProgress: (step) => steps.push(step) });
  return { dataset, loaded, steps };
}

const classes = (loaded: Awaited<ReturnType<typeof loadDataset>>) => (loaded.targets.kind === 'class' ? Array.from(loaded.targets.values) : []);
const floats = (loaded: Awaited<ReturnType<typeof loadDataset>>) => (loaded.inputs.kind === 'float' ? Array.from(loaded.inputs.values) : []);

describe('each kind of file a user gives, read from Blobs in the worker', () => {
  it('a CSV: its text label column guessed, bytes read reported as progress', async () => {
    const csv = 'x,y,z,side\n0.5,1,-1,left\n2,0,0.25,right\n-3,4,5,left\n';
    const { dataset, loaded, steps } = await addAndLoad({ 'points.csv': text(csv) });
    expect(dataset).toEqual({ source: 'file', path: 'points.csv', format: 'csv', labelColumn: 'side' });
    expect(floats(loaded)).toEqual([0.5, 1, -1, 2, 0, 0.25, -3, 4, 5]);
    expect(classes(loaded)).toEqual([0, 1, 0]);
    expect(steps.at(-1)).toEqual({ done: csv.length, total: csv.length, unit: 'bytes' });
  });

  it('a large file streams in 1 MiB slices, its progress in bytes read of its size', async () => {
    // 2.5 MiB of rows "0.5,1,a\n" (8 bytes each) under a header of 6 bytes.
    const rows = (5 * 2 ** 20) / 16;
    const csv = `x,y,c\n${'0.5,1,a\n0.5,2,b\n'.repeat(rows / 2)}`;
    const { loaded, steps } = await addAndLoad({ 'big.csv': text(csv) });
    expect(loaded.count).toBe(rows);
    expect(steps.map((step) => step.done)).toEqual([0, 2 ** 20, 2 ** 21, csv.length]);
    expect(new Set(steps.map((step) => step.total))).toEqual(new Set([csv.length]));
  });

  it('an IDX pair, plain and gzip: images as bytes, labels as classes', async () => {
    const pixels = [0, 255, 255, 0, 10, 20, 30, 40, 1, 2, 3, 4];
    for (const pack of [(bytes: Uint8Array) => bytes, gzip]) {
      const suffix = pack === gzip ? '.gz' : '';
      const { dataset, loaded } = await addAndLoad({ [`digits-images-idx3-ubyte${suffix}`]: pack(idxBytes(0x08, [3, 2, 2], pixels)), [`digits-labels-idx1-ubyte${suffix}`]: pack(idxBytes(0x08, [3], [7, 0, 7])) });
      expect(dataset).toEqual({ source: 'file', path: `digits-images-idx3-ubyte${suffix}`, format: 'idx', labelPath: `digits-labels-idx1-ubyte${suffix}` });
      expect(loaded.count).toBe(3);
      expect(loaded.inputDims).toEqual([2, 2, 1]);
      expect(loaded.inputs.kind === 'byte' ? Array.from(loaded.inputs.values) : floats(loaded).map((value) => Math.round(value * 255))).toEqual(pixels);
      expect(classes(loaded)).toEqual([7, 0, 7]);
    }
  });

  it('an NPY pair and the same arrays in an .npz', async () => {
    const x = npyBytes('<f4', [2, 3], [1, 2, 3, 4, 5, 6.5]);
    const y = npyBytes('<i8', [2], [1, 0]);
    const pair = await addAndLoad({ 'x.npy': x, 'y.npy': y });
    expect(pair.dataset).toEqual({ source: 'file', path: 'x.npy', format: 'npy', labelPath: 'y.npy' });
    expect(floats(pair.loaded)).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect(pair.loaded.inputDims).toEqual([3]);
    expect(classes(pair.loaded)).toEqual([1, 0]);
    const packed = await addAndLoad({ 'arrays.npz': zipSync({ 'x.npy': x, 'y.npy': y }) });
    expect(packed.dataset).toEqual({ source: 'file', path: 'arrays.npz/x.npy', format: 'npy', labelPath: 'arrays.npz/y.npy' });
    expect(floats(packed.loaded)).toEqual([1, 2, 3, 4, 5, 6.5]);
    expect(classes(packed.loaded)).toEqual([1, 0]);
  });

  it('a folder of images given file by file (the folder picker), one subfolder per class', async () => {
    const bright = pngBytes(2, 2, 1, (x) => 100 + x * 100);
    const dark = pngBytes(2, 2, 1, () => 5);
    const { dataset, loaded, steps } = await addAndLoad({ 'lamps/on/a.png': bright, 'lamps/on/b.png': bright, 'lamps/off/a.png': dark });
    expect(dataset).toEqual({ source: 'file', path: 'lamps', format: 'imageFolder' });
    expect(loaded.count).toBe(3);
    expect(loaded.inputDims).toEqual([2, 2, 1]);
    expect(loaded.targets).toMatchObject({ classNames: ['off', 'on'] });
    expect(classes(loaded).sort()).toEqual([0, 1, 1]);
    expect(steps.at(-1)).toEqual({ done: 3, total: 3, unit: 'records' });
  });

  it('a text file: characters as tokens, in windows', async () => {
    const { dataset, loaded } = await addAndLoad({ 'poem.txt': text('abcab'.repeat(20)) });
    expect(dataset).toEqual({ source: 'file', path: 'poem.txt', format: 'text' });
    expect(loaded.targets.kind).toBe('token');
    expect(loaded).toMatchObject({ vocabulary: ['a', 'b', 'c'] });
    // 100 characters in windows of 32 (plus the next one as target), 32 apart: floor((99 - 32) / 32) + 1 = 3.
    expect(loaded.count).toBe(3);
    expect(loaded.inputs.kind === 'token' && Array.from(loaded.inputs.values.subarray(0, 6))).toEqual([0, 1, 2, 0, 1, 0]);
  });

  it('a file that is not there, or no longer readable, says so and is never parsed', async () => {
    const session = new SessionFiles();
    await expectDataError(loadDataset({ source: 'file', path: 'gone.csv', format: 'csv' }, { files: session.source() }), { file: 'gone.csv' }, /file not found: .* add it again in the Dataset panel/);
    const broken = new Blob([text('a,b\n1,2\n')]);
    Object.defineProperty(broken, 'slice', { value: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }) });
    await session.add([{ path: 'moved.csv', blob: broken }]).catch(() => undefined);
    await expectDataError(loadDataset({ source: 'file', path: 'moved.csv', format: 'csv' }, { files: session.source() }), { file: 'moved.csv' }, /not readable: the file was moved, changed or deleted/);
  });
});
