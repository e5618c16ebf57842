// The IDX reader: plain and gzip files of each type, as a dataset with labels, and clear
// errors for a bad magic, an unknown type, truncation, extra bytes and mismatched labels.
import { afterAll, describe, expect, it } from 'vitest';
import { readIdx, readIdxDataset } from '../../../engine/data/readers/idx.ts';
import { createTempFolder, expectDataError, gzip, idxBytes, withChunkSize } from './fixtures.ts';

const folder = createTempFolder('idx');
afterAll(() => folder.remove());

const pixels = Uint8Array.from({ length: 3 * 4 * 5 }, (_, index) => (index * 37) % 256);
folder.write('images-idx3-ubyte', idxBytes(0x08, [3, 4, 5], pixels));
folder.write('images-idx3-ubyte.gz', gzip(idxBytes(0x08, [3, 4, 5], pixels)));
folder.write('labels-idx1-ubyte.gz', gzip(idxBytes(0x08, [3], [2, 0, 9])));

describe('IDX reader', () => {
  it('reads uint8 images, plain and gzip (detected by content), in any chunking', async () => {
    const plain = await readIdx(folder.files, 'images-idx3-ubyte');
    expect(plain).toEqual({ type: 'uint8', dims: [3, 4, 5], values: pixels });
    expect(await readIdx(folder.files, 'images-idx3-ubyte.gz')).toEqual(plain);
    expect(await readIdx(withChunkSize(folder.files, 1), 'images-idx3-ubyte.gz')).toEqual(plain);
    expect(await readIdx(withChunkSize(folder.files, 3), 'images-idx3-ubyte')).toEqual(plain);
  });

  it('reads big-endian int8, int16, int32, float32 and float64', async () => {
    const cases = [
      { code: 0x09, type: 'int8', values: [-128, -1, 0, 127], array: Int8Array },
      { code: 0x0b, type: 'int16', values: [-32768, -2, 513, 32767], array: Int16Array },
      { code: 0x0c, type: 'int32', values: [-2147483648, -3, 65536, 2147483647], array: Int32Array },
      { code: 0x0d, type: 'float32', values: [-1.5, 0, 3.25, 1e-7], array: Float32Array },
      { code: 0x0e, type: 'float64', values: [-1.5, Math.PI, 1e30, -0.1], array: Float64Array },
    ] as const;
    for (const { code, type, values, array } of cases) {
      folder.write(`typed-${code}.idx`, idxBytes(code, [2, 2], values));
      const read = await readIdx(withChunkSize(folder.files, 5), `typed-${code}.idx`);
      expect(read.type).toBe(type);
      expect(read.values).toBeInstanceOf(array);
      expect(Array.from(read.values)).toEqual(Array.from(array.from(values)));
    }
  });

  it('makes N×H×W images into H×W×1 examples of value/255 with class labels', async () => {
    const dataset = await readIdxDataset(folder.files, 'images-idx3-ubyte.gz', { labelPath: 'labels-idx1-ubyte.gz' });
    expect(dataset.count).toBe(3);
    expect(dataset.inputDims).toEqual([4, 5, 1]);
    expect(dataset.inputs).toEqual({ kind: 'byte', values: pixels, scale: 1 / 255 });
    expect(dataset.targets).toEqual({ kind: 'class', values: Int32Array.from([2, 0, 9]), classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] });
  });
});

describe('IDX errors', () => {
  it('a bad magic number', async () => {
    folder.write('bad-magic.idx', new Uint8Array([0x01, 0x02, 0x08, 0x01, 0, 0, 0, 1, 7]));
    await expectDataError(readIdx(folder.files, 'bad-magic.idx'), { field: 'magic' }, 'bad-magic.idx, field "magic": not an IDX file: it does not start with two zero bytes (the IDX magic number)');
  });

  it('an unknown type code and a too-short file', async () => {
    folder.write('bad-type.idx', new Uint8Array([0, 0, 0x07, 1, 0, 0, 0, 1, 7]));
    await expectDataError(readIdx(folder.files, 'bad-type.idx'), { field: 'type' }, /type code 0x07 is not an IDX type/);
    folder.write('short.idx', new Uint8Array([0, 0]));
    await expectDataError(readIdx(folder.files, 'short.idx'), { field: 'magic' }, /2 bytes, too short for an IDX header/);
  });

  it('truncated data names the record where it ends (plain and gzip)', async () => {
    const whole = idxBytes(0x08, [3, 4, 5], pixels);
    folder.write('truncated.idx', whole.subarray(0, whole.length - 25));
    const message = 'truncated.idx record 1: truncated: the header declares 3 × 4 × 5 values of uint8 (60 bytes of data) but the data ends after 35 bytes';
    await expectDataError(readIdx(folder.files, 'truncated.idx'), { record: 1 }, message);
    folder.write('truncated.idx.gz', gzip(whole.subarray(0, whole.length - 25)));
    await expectDataError(readIdx(folder.files, 'truncated.idx.gz'), { file: 'truncated.idx.gz', record: 1 }, /truncated/);
    const float = idxBytes(0x0d, [2, 3], [1, 2, 3, 4, 5, 6]);
    folder.write('truncated-float.idx', float.subarray(0, float.length - 6));
    await expectDataError(readIdx(folder.files, 'truncated-float.idx'), { record: 1 }, /2 × 3 values of float32 \(24 bytes of data\) but the data ends after 18 bytes/);
  });

  it('a cut gzip stream, extra bytes, mismatched label count', async () => {
    const compressed = gzip(idxBytes(0x08, [3, 4, 5], pixels));
    folder.write('cut.idx.gz', compressed.subarray(0, compressed.length - 12));
    await expectDataError(readIdx(folder.files, 'cut.idx.gz'), { file: 'cut.idx.gz' }, /^cut\.idx\.gz: the gzip data is corrupt or truncated/);
    folder.write('extra.idx', new Uint8Array([...idxBytes(0x08, [2], [1, 2]), 9, 9]));
    await expectDataError(readIdx(folder.files, 'extra.idx'), { file: 'extra.idx' }, /2 bytes follow the 2 values the header declares/);
    folder.write('two-labels.idx', idxBytes(0x08, [2], [1, 2]));
    await expectDataError(readIdxDataset(folder.files, 'images-idx3-ubyte', { labelPath: 'two-labels.idx' }), { file: 'two-labels.idx' }, 'two-labels.idx: 2 labels for 3 examples in images-idx3-ubyte');
  });
});
