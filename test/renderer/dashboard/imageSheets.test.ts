import { describe, expect, it } from 'vitest';
import { filterImages, filterSheet, imageSheet } from '../../../renderer/dashboard/imageSheets.ts';
import type { RgbaImage } from '../../../renderer/dashboard/pixels.ts';

function pixel(image: RgbaImage, x: number, y: number): number[] {
  const offset = (y * image.width + x) * 4;
  return [...image.pixels.subarray(offset, offset + 4)];
}

describe('image sheets', () => {
  it('tiles grey images in [0, 1] with gaps, clamping values outside', () => {
    const data = new Float32Array([0, 1, 0.5, 2, /* second image */ -1, 0.2, 0.4, 0.6]);
    const sheet = imageSheet({ count: 2, height: 2, width: 2, channels: 1, data: data.buffer }, 2);
    expect([sheet.width, sheet.height]).toEqual([5, 2]);
    expect(pixel(sheet, 0, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(sheet, 1, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(sheet, 1, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(sheet, 2, 0)[3]).toBe(0);
    expect(pixel(sheet, 3, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(sheet, 4, 1)).toEqual([153, 153, 153, 255]);
  });

  it('draws three channels as colour', () => {
    const data = new Float32Array([1, 0, 0.5]);
    const sheet = imageSheet({ count: 1, height: 1, width: 1, channels: 3, data: data.buffer });
    expect(pixel(sheet, 0, 0)).toEqual([255, 0, 128, 255]);
  });
});

describe('Conv2D filters', () => {
  // weights [kh, kw, in, out] = [1, 2, 1, 2]: filter 0 = [1, 3], filter 1 = [2, -4]
  const weights = [1, 2, 3, -4];

  it('makes one image per output filter, each normalized to its own range', () => {
    const images = filterImages(weights, [1, 2, 1, 2]);
    expect(images.length).toBe(2);
    expect([images[0].width, images[0].height]).toEqual([2, 1]);
    const brightness = (image: RgbaImage, x: number) => pixel(image, x, 0).slice(0, 3).reduce((a, b) => a + b, 0);
    expect(brightness(images[0], 0)).toBeLessThan(brightness(images[0], 1));
    expect(brightness(images[1], 0)).toBeGreaterThan(brightness(images[1], 1));
  });

  it('shows a filter over three input channels in colour', () => {
    // [1, 1, 3, 1]: one pixel with red 1, green 0, blue 0.5
    const [image] = filterImages([1, 0, 0.5], [1, 1, 3, 1]);
    expect(pixel(image, 0, 0)).toEqual([255, 0, 128, 255]);
  });

  it('averages over input channels otherwise, and limits the sheet', () => {
    // [1, 2, 2, 1]: pixel 0 mean (1 + 3) / 2 = 2, pixel 1 mean (0 + 0) / 2 = 0
    const [image] = filterImages([1, 3, 0, 0], [1, 2, 2, 1]);
    expect(pixel(image, 0, 0)).not.toEqual(pixel(image, 1, 0));
    const sheet = filterSheet(new Float32Array(3 * 3 * 1 * 10), [3, 3, 1, 10], 4);
    expect([sheet.width, sheet.height]).toEqual([7, 7]);
  });
});
