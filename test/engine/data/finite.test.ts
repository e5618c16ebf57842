// Data must be finite: NaN and infinities (and float64 values beyond float32) are refused where
// they are read, naming the file, the row and the column, instead of surfacing later as a
// divergence of the run.
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvDataset } from '../../../engine/data/readers/csv.ts';
import { readIdx, readIdxDataset } from '../../../engine/data/readers/idx.ts';
import { readNpy, readNpyDataset } from '../../../engine/data/readers/npy.ts';
import { createTempFolder, expectDataError, idxBytes, npyBytes } from './fixtures.ts';

const folder = createTempFolder('finite');
afterAll(() => folder.remove());

describe('CSV', () => {
  it('refuses a number beyond the float32 range, naming line and column', async () => {
    folder.write('overflow.csv', 'x,y,label\n1,2,a\n3,1e999,b\n');
    await expectDataError(
      readCsvDataset(folder.files, 'overflow.csv', { labelColumn: 'label' }),
      { line: 3, column: 'y' },
      'overflow.csv line 3, column "y": the number is beyond the float32 range (about ±3.4e38) and would be infinite; rescale the column',
    );
    folder.write('float32.csv', 'x,y\n1,-4e38\n');
    await expectDataError(readCsvDataset(folder.files, 'float32.csv'), { line: 2, column: 'y' }, /beyond the float32 range/);
    folder.write('label.csv', 'x,target\n1,2\n2,1e39\n');
    await expectDataError(readCsvDataset(folder.files, 'label.csv', { labelColumn: 'target', options: { labelType: 'value' } }), { line: 3, column: 'target' }, /beyond the float32 range/);
  });

  it('refuses NaN and Infinity as text, and keeps the largest float32 values', async () => {
    folder.write('nan.csv', 'x,y\n1,NaN\n');
    await expectDataError(readCsvDataset(folder.files, 'nan.csv'), { line: 2, column: 'y' }, /is not a number/);
    folder.write('inf.csv', 'x,y\n-Infinity,1\n');
    await expectDataError(readCsvDataset(folder.files, 'inf.csv'), { line: 2, column: 'x' }, /is not a number/);
    folder.write('edge.csv', 'x,y\n3.4e38,-3.4e38\n');
    expect(Array.from((await readCsvDataset(folder.files, 'edge.csv')).inputs.values)).toEqual([Math.fround(3.4e38), Math.fround(-3.4e38)]);
  });
});

describe('NPY', () => {
  it('refuses an array full of NaN at its first element', async () => {
    folder.write('nan.npy', npyBytes('<f4', [4, 3], new Array(12).fill(Number.NaN)));
    await expectDataError(readNpy(folder.files, 'nan.npy'), { file: 'nan.npy', record: 0 }, 'nan.npy record 0: the value at row 0, column 0 (element 0) is NaN; data must be finite numbers: fix or drop that row');
  });

  it('names the row and column of one bad value, in float32 and float64', async () => {
    const values = Array.from({ length: 12 }, (_, index) => index);
    values[7] = Number.POSITIVE_INFINITY;
    folder.write('inf.npy', npyBytes('<f4', [4, 3], values));
    await expectDataError(readNpy(folder.files, 'inf.npy'), { record: 2 }, /^inf\.npy record 2: the value at row 2, column 1 \(element 7\) is infinite/);
    values[7] = 1e300;
    folder.write('big.npy', npyBytes('<f8', [4, 3], values));
    await expectDataError(readNpy(folder.files, 'big.npy'), { record: 2 }, /row 2, column 1 \(element 7\) is infinite \(or beyond the float32 range/);
  });

  it('refuses non-finite labels, and reads finite ones', async () => {
    folder.write('x.npy', npyBytes('<f4', [3, 2], [1, 2, 3, 4, 5, 6]));
    folder.write('y.npy', npyBytes('<f4', [3], [0.5, Number.NaN, 2]));
    await expectDataError(readNpyDataset(folder.files, 'x.npy', { labelPath: 'y.npy' }), { file: 'y.npy', record: 1 }, /row 1, column 0 \(element 1\) is NaN/);
    folder.write('good.npy', npyBytes('<f4', [3], [0.5, 1, 2]));
    const dataset = await readNpyDataset(folder.files, 'x.npy', { labelPath: 'good.npy' });
    expect(dataset.targets).toEqual({ kind: 'value', values: Float32Array.from([0.5, 1, 2]) });
  });
});

describe('IDX', () => {
  it('refuses NaN in float32 images and infinities in float64 labels', async () => {
    folder.write('images.idx', idxBytes(0x0d, [2, 2, 2], [0, 1, 2, 3, 4, Number.NaN, 6, 7]));
    await expectDataError(readIdx(folder.files, 'images.idx'), { record: 1 }, 'images.idx record 1: the value at row 1, column 1 (element 5) is NaN; data must be finite numbers: fix or drop that row');
    folder.write('ok.idx', idxBytes(0x0d, [2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7]));
    folder.write('labels.idx', idxBytes(0x0e, [2], [1, Number.NEGATIVE_INFINITY]));
    await expectDataError(readIdxDataset(folder.files, 'ok.idx', { labelPath: 'labels.idx' }), { file: 'labels.idx', record: 1 }, /is minus infinite/);
  });

  it('refuses float64 values that overflow float32 when made a dataset', async () => {
    folder.write('wide.idx', idxBytes(0x0e, [2, 2], [0, 1, 2, -1e300]));
    expect(Array.from((await readIdx(folder.files, 'wide.idx')).values)).toEqual([0, 1, 2, -1e300]);
    await expectDataError(readIdxDataset(folder.files, 'wide.idx'), { record: 1 }, 'wide.idx record 1: the value at row 1, column 1 (element 3) is beyond the float32 range (about ±3.4e38); data must be finite numbers: fix or drop that row');
  });
});
