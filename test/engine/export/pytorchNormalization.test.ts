// The PyTorch package carries the graph's dataset normalization: data.npz holds the map fitted on
// the training split (normalization_shift, normalization_factor, one per feature) and data.py
// applies it, so Python trains on the numbers Netloom trains on. "none" writes no map.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPytorch } from '../../../engine/cli/pytorchFiles.ts';
import { decodeNpz, type NpyArray } from '../../../engine/export/pytorch/npz.ts';
import { createTempFolder } from '../data/fixtures.ts';
import { csvClassifier, TINY } from '../train/csvClassifier.ts';
import { hasTorch, runPython } from './pytorchHarness.ts';

const folder = createTempFolder('export-normalize');
afterAll(() => folder.remove());

function numbers(array: NpyArray | undefined): number[] {
  return [...(array?.data ?? [])].map(Number);
}

async function exported(name: string, normalization: 'none' | 'scale01'): Promise<string> {
  folder.write('tiny.csv', TINY);
  const document = csvClassifier('tiny.csv', 2, normalization, { batchSize: 4, validationSplit: 0.2, seed: 2 });
  const out = join(folder.root, name);
  await exportPytorch(document, null, out, { folder: folder.root });
  return out;
}

describe('the PyTorch export of a normalized dataset', () => {
  it('data.npz holds the scale01 map of the training rows: (a − 2) / 8 and (b + 10) / 60', async () => {
    const arrays = decodeNpz(new Uint8Array(readFileSync(join(await exported('scaled', 'scale01'), 'data.npz'))), 'data.npz');
    expect(numbers(arrays.get('normalization_shift'))).toEqual([2, -10]);
    const factor = numbers(arrays.get('normalization_factor'));
    expect(factor[0]).toBeCloseTo(1 / 8, 7);
    expect(factor[1]).toBeCloseTo(1 / 60, 7);
    expect(numbers(arrays.get('validation_indices'))).toEqual([3]);
  });

  it('"none" writes no map', async () => {
    const arrays = decodeNpz(new Uint8Array(readFileSync(join(await exported('plain', 'none'), 'data.npz'))), 'data.npz');
    expect(arrays.has('normalization_shift')).toBe(false);
    expect(numbers(arrays.get('inputs')).slice(0, 4)).toEqual([2, -10, 6, 30]);
  });

  it.skipIf(!hasTorch())('data.py gives the normalized examples', async () => {
    const out = await exported('python', 'scale01');
    const printed = runPython(['-c', 'import json, data; print(json.dumps(data.load().inputs.tolist()))'], out);
    const rows = JSON.parse(printed) as number[][];
    const expected = [[0, 0], [0.5, 40 / 60], [0.25, 20 / 60], [18 / 8, -40 / 60], [1, 1]];
    rows.forEach((row, index) => row.forEach((value, column) => expect(value).toBeCloseTo(expected[index][column], 6)));
  });
});
