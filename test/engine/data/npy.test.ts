// The NPY reader: versions 1 and 2, each supported dtype, inputs plus labels as a dataset,
// and clear errors for a bad magic, an unsupported dtype, Fortran order and truncation.
import { afterAll, describe, expect, it } from 'vitest';
import { readNpy, readNpyDataset } from '../../../engine/data/readers/npy.ts';
import { createTempFolder, expectDataError, gzip, npyBytes, withChunkSize } from './fixtures.ts';

const folder = createTempFolder('npy');
afterAll(() => folder.remove());

describe('NPY reader', () => {
  it('reads every supported dtype, version 1 and 2 headers, in any chunking', async () => {
    const cases = [
      { descr: '<f4', values: [-1.5, 0, 2.25, 1e-8], array: Float32Array },
      { descr: '<f8', values: [-1.5, Math.PI, 1e30, -0.1], array: Float32Array },
      { descr: '<i4', values: [-2147483648, -1, 7, 2147483647], array: Int32Array },
      { descr: '<i8', values: [-2147483648, -1, 7, 2147483647], array: Int32Array },
      { descr: '|u1', values: [0, 1, 128, 255], array: Uint8Array },
    ] as const;
    for (const { descr, values, array } of cases) {
      for (const version of [1, 2] as const) {
        const name = `${descr.slice(1)}-v${version}.npy`;
        folder.write(name, npyBytes(descr, [2, 2], values, { version }));
        const read = await readNpy(withChunkSize(folder.files, 7), name);
        expect(read.dtype).toBe(descr);
        expect(read.shape).toEqual([2, 2]);
        expect(read.values).toBeInstanceOf(array);
        expect(Array.from(read.values)).toEqual(Array.from(array.from(values)));
      }
    }
  });

  it('reads a gzip-compressed file and a scalar shape', async () => {
    folder.write('packed.npy.gz', gzip(npyBytes('<f4', [3], [1, 2, 3])));
    expect(await readNpy(folder.files, 'packed.npy.gz')).toEqual({ dtype: '<f4', shape: [3], values: Float32Array.from([1, 2, 3]) });
    folder.write('scalar.npy', npyBytes('<f8', [], [4.5]));
    expect(await readNpy(folder.files, 'scalar.npy')).toEqual({ dtype: '<f8', shape: [], values: Float32Array.from([4.5]) });
  });

  it('makes a dataset: (N, H, W) uint8 images as H×W×1 of value/255, int labels as classes, float labels as values', async () => {
    const images = Uint8Array.from({ length: 4 * 3 * 2 }, (_, index) => index * 10);
    folder.write('x.npy', npyBytes('|u1', [4, 3, 2], images));
    folder.write('y.npy', npyBytes('<i8', [4], [1, 0, 2, 1]));
    folder.write('y-float.npy', npyBytes('<f4', [4, 1], [0.5, 1.5, 2.5, 3.5]));
    const dataset = await readNpyDataset(folder.files, 'x.npy', { labelPath: 'y.npy', options: { classNames: ['cat', 'dog', 'eel'] } });
    expect(dataset.inputDims).toEqual([3, 2, 1]);
    expect(dataset.inputs).toEqual({ kind: 'byte', values: images, scale: 1 / 255 });
    expect(dataset.targets).toEqual({ kind: 'class', values: Int32Array.from([1, 0, 2, 1]), classNames: ['cat', 'dog', 'eel'] });
    const regression = await readNpyDataset(folder.files, 'x.npy', { labelPath: 'y-float.npy' });
    expect(regression.targets).toEqual({ kind: 'value', values: Float32Array.from([0.5, 1.5, 2.5, 3.5]) });
    expect(regression.targetDims).toEqual([1]);
  });

  it('reads integer arrays as token sequences when asked', async () => {
    folder.write('tokens.npy', npyBytes('<i4', [2, 3], [0, 4, 2, 1, 1, 3]));
    const dataset = await readNpyDataset(folder.files, 'tokens.npy', { options: { inputs: 'token' } });
    expect(dataset.inputs).toEqual({ kind: 'token', values: Int32Array.from([0, 4, 2, 1, 1, 3]) });
    expect(dataset.vocabulary).toEqual(['0', '1', '2', '3', '4']);
  });
});

describe('NPY errors', () => {
  it('a bad magic', async () => {
    folder.write('bad.npy', new TextEncoder().encode('PK\u0003\u0004 this is a zip'));
    await expectDataError(readNpy(folder.files, 'bad.npy'), { file: 'bad.npy', field: 'magic' }, 'bad.npy, field "magic": not an NPY file: it does not start with "\\x93NUMPY" (save with numpy.save)');
  });

  it('an unsupported dtype and an unsupported version', async () => {
    folder.write('big-endian.npy', npyBytes('>f4', [2], [1, 2]));
    await expectDataError(readNpy(folder.files, 'big-endian.npy'), { field: 'descr' }, /big-endian\.npy, field "descr": dtype '>f4' is not supported; use one of '<f4', '<f8', '<i4', '<i8', '\|u1'/);
    const future = npyBytes('<f4', [1], [1]);
    future[6] = 9;
    folder.write('future.npy', future);
    await expectDataError(readNpy(folder.files, 'future.npy'), { field: 'version' }, /NPY version 9\.0 is not supported/);
  });

  it('Fortran order is refused with the fix', async () => {
    folder.write('fortran.npy', npyBytes('<f4', [2, 2], [1, 2, 3, 4], { fortran: true }));
    await expectDataError(readNpy(folder.files, 'fortran.npy'), { field: 'fortran_order' }, /Fortran \(column-major\) order, which is not supported; save numpy\.ascontiguousarray\(array\) instead/);
  });

  it('truncated data names the record, a truncated header says so', async () => {
    const whole = npyBytes('<f4', [3, 2], [1, 2, 3, 4, 5, 6]);
    folder.write('truncated.npy', whole.subarray(0, whole.length - 10));
    await expectDataError(readNpy(folder.files, 'truncated.npy'), { record: 1 }, "truncated.npy record 1: truncated: the header declares shape (3, 2) of '<f4' (24 bytes of data) but only 14 bytes follow");
    folder.write('short-header.npy', whole.subarray(0, 30));
    await expectDataError(readNpy(folder.files, 'short-header.npy'), { field: 'header' }, /truncated: the header is declared 118 bytes but the file ends after 20/);
  });

  it('int64 out of range, mismatched labels, labels of the wrong shape', async () => {
    folder.write('huge.npy', npyBytes('<i8', [2], [1, 2 ** 40]));
    await expectDataError(readNpy(folder.files, 'huge.npy'), { record: 1 }, /int64 value 1099511627776 does not fit in 32 bits/);
    folder.write('three.npy', npyBytes('<f4', [3, 2], [1, 2, 3, 4, 5, 6]));
    folder.write('two-labels.npy', npyBytes('<i4', [2], [0, 1]));
    await expectDataError(readNpyDataset(folder.files, 'three.npy', { labelPath: 'two-labels.npy' }), { file: 'two-labels.npy' }, /2 labels for 3 examples in three\.npy/);
    folder.write('matrix-labels.npy', npyBytes('<i4', [3, 2], [0, 1, 0, 1, 0, 1]));
    await expectDataError(readNpyDataset(folder.files, 'three.npy', { labelPath: 'matrix-labels.npy' }), { field: 'shape' }, /labels must have shape \(N,\) or \(N, 1\), found \(3, 2\)/);
  });
});
