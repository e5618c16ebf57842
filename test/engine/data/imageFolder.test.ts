// The image folder reader: class subfolders, PNG (gray, RGB, RGBA, palette, 16-bit, 1-bit)
// and JPEG decoded by content, channel conversion, resizing, and clear errors for a
// corrupt image, mixed sizes and a folder without classes.
import { encode as encodePng } from 'fast-png';
import { encode as encodeJpeg } from 'jpeg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageFolderDataset } from '../../../engine/data/readers/imageFolder.ts';
import { resizeImage } from '../../../engine/data/readers/resize.ts';
import type { Progress } from '../../../engine/data/fileSource.ts';
import { createTempFolder, expectDataError, pngBytes } from './fixtures.ts';

const folder = createTempFolder('images');
afterAll(() => folder.remove());

const bright = (_x: number, _y: number) => 200;
folder.write('shapes/dark/b.png', pngBytes(4, 3, 1, (x) => x * 10));
folder.write('shapes/dark/a.png', pngBytes(4, 3, 1, () => 0));
folder.write('shapes/bright/one.png', pngBytes(4, 3, 1, bright));
folder.write('shapes/bright/notes.txt', 'not an image');
folder.write('shapes/.hidden/x.png', pngBytes(4, 3, 1, bright));

function jpeg(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let pixel = 0; pixel < width * height; pixel++) data.set([...rgb, 255], pixel * 4);
  return new Uint8Array(encodeJpeg({ width, height, data }, 95).data);
}

describe('image folder reader', () => {
  it('takes class names from sorted subfolders and images in name order, ignoring other files', async () => {
    const progress: Progress[] = [];
    const dataset = await readImageFolderDataset(folder.files, 'shapes', { onProgress: (step) => progress.push(step) });
    expect(dataset.count).toBe(3);
    expect(dataset.inputDims).toEqual([3, 4, 1]);
    expect(dataset.targets).toEqual({ kind: 'class', values: Int32Array.from([0, 1, 1]), classNames: ['bright', 'dark'] });
    const values = dataset.inputs.values;
    expect(Array.from(values.subarray(0, 12))).toEqual(new Array(12).fill(200));
    expect(Array.from(values.subarray(12, 24))).toEqual(new Array(12).fill(0));
    expect(Array.from(values.subarray(24, 28))).toEqual([0, 10, 20, 30]);
    expect(dataset.inputs).toMatchObject({ kind: 'byte', scale: 1 / 255 });
    expect(progress.at(-1)).toEqual({ done: 3, total: 3, unit: 'records' });
  });

  it('decodes RGB, RGBA, 16-bit and 1-bit PNGs and JPEGs, converting to the channels asked for', async () => {
    folder.write('colors/red/rgb.png', pngBytes(2, 2, 3, (_x, _y, channel) => [255, 0, 0][channel]));
    folder.write('colors/red/rgba.PNG', pngBytes(2, 2, 4, (_x, _y, channel) => [255, 0, 0, 10][channel]));
    folder.write('colors/red/photo.jpg', jpeg(2, 2, [255, 0, 0]));
    folder.write('colors/gray/deep.png', encodePng({ width: 2, height: 2, channels: 1, depth: 16, data: Uint16Array.from([0, 65535, 32896, 257]) }));
    folder.write('colors/gray/bits.png', encodePng({ width: 2, height: 2, channels: 1, depth: 1, data: Uint8Array.from([0b10000000, 0b01000000]) }));
    const rgb = await readImageFolderDataset(folder.files, 'colors', { options: { channels: 3 } });
    expect(rgb.inputDims).toEqual([2, 2, 3]);
    expect(rgb.targets).toMatchObject({ values: Int32Array.from([0, 0, 1, 1, 1]), classNames: ['gray', 'red'] });
    const pixel = (example: number, index: number) => Array.from(rgb.inputs.values.subarray(example * 12 + index * 3, example * 12 + index * 3 + 3));
    expect([pixel(0, 0), pixel(0, 1)]).toEqual([[255, 255, 255], [0, 0, 0]]);
    expect([pixel(1, 0), pixel(1, 1), pixel(1, 2), pixel(1, 3)]).toEqual([[0, 0, 0], [255, 255, 255], [128, 128, 128], [1, 1, 1]]);
    const jpegRed = pixel(2, 0);
    expect(jpegRed[0]).toBeGreaterThan(240);
    expect(Math.max(jpegRed[1], jpegRed[2])).toBeLessThan(15);
    expect(pixel(3, 0)).toEqual([255, 0, 0]);
    expect(pixel(4, 3)).toEqual([255, 0, 0]);
    const gray = await readImageFolderDataset(folder.files, 'colors', { options: { channels: 1 } });
    expect(gray.inputDims).toEqual([2, 2, 1]);
    expect(Array.from(gray.inputs.values.subarray(12, 20))).toEqual([76, 76, 76, 76, 76, 76, 76, 76]);
  });

  it('expands palette PNGs', async () => {
    folder.write('palette/a/p.png', encodePng({ width: 2, height: 1, channels: 1, depth: 8, data: Uint8Array.from([1, 0]), palette: [[10, 20, 30], [200, 100, 50]] }));
    const dataset = await readImageFolderDataset(folder.files, 'palette');
    expect(dataset.inputDims).toEqual([1, 2, 3]);
    expect(Array.from(dataset.inputs.values)).toEqual([200, 100, 50, 10, 20, 30]);
  });

  it('defaults to one channel for gray images and three for colour', async () => {
    expect((await readImageFolderDataset(folder.files, 'shapes')).inputDims[2]).toBe(1);
    folder.write('tinted/a/x.png', pngBytes(2, 2, 3, (x, _y, channel) => (channel === 0 ? 100 + x : 100)));
    expect((await readImageFolderDataset(folder.files, 'tinted')).inputDims[2]).toBe(3);
  });

  it('resizes every image to options.size, averaging when shrinking', async () => {
    folder.write('sizes/a/big.png', pngBytes(4, 4, 1, (x) => (x < 2 ? 0 : 200)));
    folder.write('sizes/a/small.png', pngBytes(1, 1, 1, () => 80));
    const dataset = await readImageFolderDataset(folder.files, 'sizes', { options: { size: [2, 2] } });
    expect(dataset.inputDims).toEqual([2, 2, 1]);
    expect(Array.from(dataset.inputs.values)).toEqual([0, 200, 0, 200, 80, 80, 80, 80]);
  });

  it('enlarges by linear interpolation between pixel centres', () => {
    const image = resizeImage({ width: 2, height: 1, channels: 1, data: Uint8Array.from([0, 100]) }, 1, 4);
    expect(Array.from(image.data)).toEqual([0, 25, 75, 100]);
  });
});

describe('image folder errors', () => {
  it('a corrupt PNG names the file', async () => {
    const png = pngBytes(4, 3, 1, bright);
    folder.write('corrupt/a/good.png', png);
    folder.write('corrupt/a/bad.png', png.subarray(0, 40));
    await expectDataError(readImageFolderDataset(folder.files, 'corrupt'), { file: 'corrupt/a/bad.png' }, /^corrupt\/a\/bad\.png: corrupt PNG: /);
  });

  it('a file that is no image, whatever its extension', async () => {
    folder.write('fake/a/photo.jpg', 'GIF89a...');
    await expectDataError(readImageFolderDataset(folder.files, 'fake'), { file: 'fake/a/photo.jpg' }, 'fake/a/photo.jpg: not a PNG or JPEG image: the file does not start with either signature');
  });

  it('mixed sizes name both files and the option that fixes it', async () => {
    folder.write('mixed/a/1.png', pngBytes(4, 3, 1, bright));
    folder.write('mixed/b/2.png', pngBytes(5, 3, 1, bright));
    await expectDataError(
      readImageFolderDataset(folder.files, 'mixed'),
      { file: 'mixed/b/2.png' },
      'mixed/b/2.png: the image is 5×3 pixels but mixed/a/1.png is 4×3; all images must have one size, or set options.size = [height, width] to resize them',
    );
  });

  it('no class folders, an empty class folder, a bad option', async () => {
    folder.write('flat/1.png', pngBytes(2, 2, 1, bright));
    await expectDataError(readImageFolderDataset(folder.files, 'flat'), { file: 'flat' }, /no class folders here/);
    folder.write('hollow/a/1.png', pngBytes(2, 2, 1, bright));
    folder.write('hollow/b/readme.md', 'nothing');
    await expectDataError(readImageFolderDataset(folder.files, 'hollow'), { file: 'hollow/b' }, 'hollow/b: this class folder has no .png or .jpg images');
    await expectDataError(readImageFolderDataset(folder.files, 'shapes', { options: { channels: 2 } }), { field: 'options.channels' }, /shapes, field "options\.channels"/);
  });
});
