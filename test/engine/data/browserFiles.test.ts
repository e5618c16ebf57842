// The readers' browser path: files a user picked or dropped, as Blobs, and zip archives of them.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createBlobFileSource } from '../../../engine/data/blobFileSource.ts';
import { planAddedFiles, planUnpacked } from '../../../engine/data/addedFiles.ts';
import { loadDataset } from '../../../engine/data/index.ts';
import { readZipArchive } from '../../../engine/data/zipArchive.ts';
import { createMemoryFileSource } from '../../../engine/data/fileSource.ts';
import { expectDataError, gzip, idxBytes, pngBytes } from './fixtures.ts';

const text = (value: string) => new TextEncoder().encode(value);

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
    const files = createBlobFileSource(new Map([['x-idx3-ubyte.gz', new Blob([images])], ['y-idx1-ubyte', new Blob([labels])]]));
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

  it('refuses what it cannot read, saying what to give instead', () => {
    expect(() => planAddedFiles(['photo.gif'])).toThrow(/not a kind of file Netloom reads; give a \.csv/);
    expect(() => planAddedFiles(['a.csv', 'b.txt'])).toThrow(/2 files of different kinds/);
    expect(() => planAddedFiles(['a/cat/1.png', 'b/dog/1.png'])).toThrow(/not one folder with a subfolder per class/);
  });
});
