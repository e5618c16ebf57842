// loadDataset: from a graph document's dataset reference to a Dataset, for built-in names and
// every file format, through any FileSource (here the in-memory one a worker would use).
import { describe, expect, it } from 'vitest';
import { DatasetSchema } from '../../../engine/graph/document.ts';
import { createMemoryFileSource, loadDataset, type Progress } from '../../../engine/data/index.ts';
import { expectDataError, idxBytes, npyBytes, pngBytes } from './fixtures.ts';

const text = (content: string) => new TextEncoder().encode(content);

const files = createMemoryFileSource({
  'data/iris.csv': text('a,b,kind\n1,2,x\n3,4,y\n'),
  'data/images.idx': idxBytes(0x08, [2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7]),
  'data/labels.idx': idxBytes(0x08, [2], [1, 0]),
  'data/x.npy': npyBytes('<f4', [2, 3], [1, 2, 3, 4, 5, 6]),
  'data/y.npy': npyBytes('<i4', [2], [0, 1]),
  'data/story.txt': text('once upon a time there was a graph'),
  'data/pictures/cat/1.png': pngBytes(2, 2, 1, () => 9),
  'data/pictures/dog/1.png': pngBytes(2, 2, 1, () => 99),
});

const load = (reference: unknown, onProgress?: (progress: Progress) => void) => loadDataset(DatasetSchema.parse(reference), { files, onProgress });

describe('loadDataset', () => {
  it('reads every file format the graph document names', async () => {
    const csv = await load({ source: 'file', path: 'data/iris.csv', format: 'csv', labelColumn: 'kind' });
    expect([csv.name, csv.count, csv.inputDims, csv.targets.kind]).toEqual(['iris.csv', 2, [2], 'class']);
    const idx = await load({ source: 'file', path: 'data/images.idx', format: 'idx', labelPath: 'data/labels.idx', options: { classNames: ['no', 'yes'] } });
    expect(idx.targets).toEqual({ kind: 'class', values: Int32Array.from([1, 0]), classNames: ['no', 'yes'] });
    const npy = await load({ source: 'file', path: 'data/x.npy', format: 'npy', labelPath: 'data/y.npy' });
    expect([npy.count, npy.inputDims]).toEqual([2, [3]]);
    const story = await load({ source: 'file', path: 'data/story.txt', format: 'text', options: { window: 8 } });
    expect([story.count, story.inputDims, story.inputs.kind]).toEqual([4, [8], 'token']);
    const pictures = await load({ source: 'file', path: 'data/pictures', format: 'imageFolder' });
    expect(pictures.targets).toMatchObject({ classNames: ['cat', 'dog'] });
  });

  it('builds generated sets and reports progress on files', async () => {
    const moons = await load({ source: 'builtin', name: 'moons', options: { count: 10 } });
    expect(moons.count).toBe(10);
    const progress: Progress[] = [];
    await load({ source: 'file', path: 'data/iris.csv', format: 'csv', labelColumn: 'kind' }, (step) => progress.push(step));
    expect(progress.at(-1)).toEqual({ done: 21, total: 21, unit: 'bytes' });
  });

  it('names a missing file and a bad option', async () => {
    await expectDataError(load({ source: 'file', path: 'data/none.csv', format: 'csv' }), { file: 'data/none.csv' }, 'data/none.csv: no such file');
    await expectDataError(load({ source: 'file', path: 'data/images.idx', format: 'idx', options: { colour: true } }), { field: 'options' }, /data\/images\.idx, field "options"/);
  });
});
