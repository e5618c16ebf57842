// The readers' limits (engine/data/limits.ts): every hostile file is refused with a DataError
// that names the file, the limit and what to do, and memory stays bounded while it is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../engine/data/readers/imageDecode.ts';
import { readCsvDataset } from '../../../engine/data/readers/csv.ts';
import { readIdx } from '../../../engine/data/readers/idx.ts';
import { readImageFolderDataset } from '../../../engine/data/readers/imageFolder.ts';
import { readNpy } from '../../../engine/data/readers/npy.ts';
import { readTextDataset } from '../../../engine/data/readers/text.ts';
import { DEFAULT_DATA_LIMITS, resolveLimits } from '../../../engine/data/limits.ts';
import { createTempFolder, expectDataError, gzip, idxBytes, npyBytes, pngBytes } from './fixtures.ts';
import { arrayBufferGrowth, endlessFileSource, hugeBlankPng, smallJpeg, withJpegSize } from './hostileFiles.ts';

const MIB = 2 ** 20;
const folder = createTempFolder('limits');
afterAll(() => folder.remove());

describe('bytes per file', () => {
  it('refuses a file whose size is over the limit before reading it', async () => {
    folder.write('big.csv', 'a,b\n' + '1,2\n'.repeat(1000));
    await expectDataError(
      readCsvDataset(folder.files, 'big.csv', { limits: { maxFileBytes: 1000 } }),
      { file: 'big.csv' },
      'big.csv: the file is 3.9 KiB; a data file may have at most 1000 bytes (limit maxFileBytes): use a smaller file or split it',
    );
  });

  it('stops an endless stream whose size says 0 bytes at the limit, in bounded memory', async () => {
    const files = endlessFileSource(0x61);
    const { growth, result } = await arrayBufferGrowth(() => readTextDataset(files, 'endless.txt', { limits: { maxFileBytes: 8 * MIB } }));
    await expectDataError(Promise.reject(result), { file: 'endless.txt' }, 'endless.txt: the file goes on past 8 MiB though its size says 0 bytes; a data file may have at most 8 MiB (limit maxFileBytes): use a smaller file or split it');
    expect(files.produced()).toBeLessThanOrEqual(9 * MIB);
    expect(growth).toBeLessThan(64 * MIB);
  });

  it('stops an endless stream of zero bytes in a CSV at the field limit, with the default limits', async () => {
    const files = endlessFileSource(0);
    const { growth, result } = await arrayBufferGrowth(() => readCsvDataset(files, 'zero.csv'));
    await expectDataError(Promise.reject(result), { file: 'zero.csv', line: 1 }, `zero.csv line 1: field 1 is longer than ${DEFAULT_DATA_LIMITS.maxFieldLength} characters (limit maxFieldLength); is this a CSV file, with one record per line?`);
    expect(files.produced()).toBeLessThanOrEqual(3 * MIB);
    expect(growth).toBeLessThan(64 * MIB);
  });

  it('refuses a gzip file that declares or decompresses to more than the limit', async () => {
    const header = npyBytes('|u1', [4 * MIB], []);
    const whole = new Uint8Array(header.byteLength + 4 * MIB);
    whole.set(header);
    folder.write('long.npy.gz', gzip(whole));
    await expectDataError(readNpy(folder.files, 'long.npy.gz', undefined, resolveLimits({ maxFileBytes: MIB })), { field: 'shape' }, /that is 4 MiB of data, more than the 1 MiB a data file may have \(limit maxFileBytes\); use a smaller file$/);
    const padded = new Uint8Array(8 * MIB);
    padded.set(idxBytes(0x08, [16], []));
    const compressed = gzip(padded);
    expect(compressed.byteLength).toBeLessThan(MIB / 8);
    folder.write('padded.idx.gz', compressed);
    await expectDataError(readIdx(folder.files, 'padded.idx.gz', undefined, resolveLimits({ maxFileBytes: MIB })), { file: 'padded.idx.gz' }, /^padded\.idx\.gz: the data decompresses to more than 1 MiB; a data file may have at most 1 MiB/);
  });

  it('refuses an IDX or NPY header declaring more data than the limits allow, before allocating it', async () => {
    folder.write('huge.idx', idxBytes(0x0e, [60000, 100, 100], []));
    const { growth, result } = await arrayBufferGrowth(() => readIdx(folder.files, 'huge.idx'));
    await expectDataError(Promise.reject(result), { field: 'dims' }, 'huge.idx, field "dims": the header declares 60000 × 100 × 100 values of float64: that is 4.5 GiB of data, more than the 2 GiB a data file may have (limit maxFileBytes); use a smaller file');
    expect(growth).toBeLessThan(16 * MIB);
    folder.write('wide.npy', npyBytes('<f4', [1000, 1000], []));
    await expectDataError(readNpy(folder.files, 'wide.npy', undefined, resolveLimits({ maxDatasetBytes: MIB })), { field: 'shape' }, /shape \(1000, 1000\) of '<f4': that takes 3\.8 MiB loaded, more than the 1 MiB a dataset may take \(limit maxDatasetBytes\)/);
  });
});

describe('bytes per field and fields per record', () => {
  it('refuses a 100 MB line without a line break after reading little more than the limit', async () => {
    const files = endlessFileSource(0x31);
    const { growth, result } = await arrayBufferGrowth(() => readCsvDataset(files, 'line.csv', { limits: { maxFieldLength: 1000 } }));
    await expectDataError(Promise.reject(result), { line: 1 }, /^line\.csv line 1: field 1 is longer than 1000 characters \(limit maxFieldLength\)/);
    expect(files.produced()).toBeLessThanOrEqual(2 * MIB);
    expect(growth).toBeLessThan(32 * MIB);
  });

  it('refuses a long quoted field spread over many lines, naming the line it starts on', async () => {
    folder.write('quoted.csv', `a,b\n1,"${'x\n'.repeat(600)}"\n`);
    await expectDataError(readCsvDataset(folder.files, 'quoted.csv', { limits: { maxFieldLength: 1000 } }), { line: 2 }, /^quoted\.csv line 2: field 2 is longer than 1000 characters/);
  });

  it('refuses a record of more fields than maxColumns', async () => {
    folder.write('wide.csv', `${'1,'.repeat(50)}1\n`);
    await expectDataError(readCsvDataset(folder.files, 'wide.csv', { limits: { maxColumns: 20 } }), { line: 1 }, 'wide.csv line 1: the record has more than 20 fields (limit maxColumns); is the delimiter right?');
  });
});

describe('pixels per image', () => {
  let png: Uint8Array;
  beforeAll(() => {
    png = hugeBlankPng(20000);
  });

  it('refuses a 50 KB PNG that decodes to 20000 × 20000 pixels from its header, in bounded memory', async () => {
    expect(png.byteLength).toBeLessThan(100_000);
    folder.write('bomb/a/huge.png', png);
    const { growth, result } = await arrayBufferGrowth(() => readImageFolderDataset(folder.files, 'bomb'));
    await expectDataError(Promise.reject(result), { file: 'bomb/a/huge.png' }, 'bomb/a/huge.png: the PNG header declares 20000 × 20000 pixels, more than the 16777216 an image may have (limit maxImagePixels); scale the image down');
    expect(growth).toBeLessThan(32 * MIB);
  });

  it('refuses PNGs and JPEGs over a set limit, and decodes those at it', () => {
    const small = pngBytes(40, 25, 1, () => 7);
    expect(decodeImage(small, 'at.png', 1000).width).toBe(40);
    expect(() => decodeImage(small, 'over.png', 999)).toThrow('over.png: the PNG header declares 40 × 25 pixels, more than the 999 an image may have (limit maxImagePixels); scale the image down');
    const jpeg = smallJpeg(30, 20);
    expect(decodeImage(jpeg, 'at.jpg', 600)).toMatchObject({ width: 30, height: 20 });
    expect(() => decodeImage(jpeg, 'over.jpg', 599)).toThrow('over.jpg: the JPEG header declares 30 × 20 pixels, more than the 599 an image may have (limit maxImagePixels); scale the image down');
    expect(() => decodeImage(withJpegSize(jpeg, 65000, 65000), 'huge.jpg')).toThrow('huge.jpg: the JPEG header declares 65000 × 65000 pixels, more than the 16777216 an image may have');
    expect(() => decodeImage(withJpegSize(jpeg, 0, 20), 'empty.jpg')).toThrow('empty.jpg: the JPEG header declares an empty image (0 × 20 pixels)');
  });

  it('caps the number of images and the bytes of the whole set', async () => {
    for (const name of ['1', '2', '3']) folder.write(`many/a/${name}.png`, pngBytes(10, 10, 1, () => 0));
    await expectDataError(readImageFolderDataset(folder.files, 'many', { limits: { maxImages: 2 } }), { file: 'many' }, 'many: more than 2 images (limit maxImages); use a smaller set');
    await expectDataError(
      readImageFolderDataset(folder.files, 'many', { limits: { maxDatasetBytes: 299 } }),
      { file: 'many' },
      'many: 3 images of 10 × 10 × 1 take 300 bytes, more than the 299 bytes a dataset may take (limit maxDatasetBytes); use fewer images or a smaller options.size',
    );
    expect((await readImageFolderDataset(folder.files, 'many', { limits: { maxDatasetBytes: 300, maxImages: 3 } })).count).toBe(3);
  });
});

describe('bytes of the dataset', () => {
  it('refuses text windows that would take more than maxDatasetBytes, before cutting them', async () => {
    folder.write('long.txt', 'abcdefghij'.repeat(10_000));
    const { growth, result } = await arrayBufferGrowth(() => readTextDataset(folder.files, 'long.txt', { options: { window: 65536, stride: 1 } }));
    await expectDataError(Promise.reject(result), { field: 'options.stride' }, /^long\.txt, field "options\.stride": 34464 windows of 65536 characters take 16\.8 GiB, more than the 4 GiB a dataset may take/);
    expect(growth).toBeLessThan(16 * MIB);
    await expectDataError(
      readTextDataset(folder.files, 'long.txt', { options: { window: 1000, stride: 1 }, limits: { maxDatasetBytes: 64 * MIB } }),
      { field: 'options.stride' },
      'long.txt, field "options.stride": 99000 windows of 1000 characters take 755.3 MiB, more than the 64 MiB a dataset may take (limit maxDatasetBytes); use a larger stride or a smaller window',
    );
    expect((await readTextDataset(folder.files, 'long.txt', { options: { window: 1000, stride: 1000 }, limits: { maxDatasetBytes: 64 * MIB } })).count).toBe(99);
  });

  it('refuses CSV rows past maxDatasetBytes, naming the line', async () => {
    folder.write('rows.csv', 'a,b,c\n' + '1,2,3\n'.repeat(100));
    await expectDataError(readCsvDataset(folder.files, 'rows.csv', { limits: { maxDatasetBytes: 16 * 10 } }), { line: 12 }, 'rows.csv line 12: the rows so far take more than the 160 bytes a dataset may take (limit maxDatasetBytes); use fewer rows or columns');
  });
});
