import { describe, expect, it } from 'vitest';
import { barHeights, channelGrid, featureTensor, heatStrip } from '../../../renderer/dashboard/featureImages.ts';
import { fitZoom, grayscale, magma, tileImages, tileLayout, type RgbaImage } from '../../../renderer/dashboard/pixels.ts';

function pixel(image: RgbaImage, x: number, y: number): number[] {
  const offset = (y * image.width + x) * 4;
  return [...image.pixels.subarray(offset, offset + 4)];
}

describe('tile layouts', () => {
  it('lays tiles out near-square with 1-px gaps', () => {
    const layout = tileLayout(8, 4, 3);
    expect([layout.columns, layout.rows]).toEqual([3, 3]);
    expect([layout.width, layout.height]).toEqual([3 * 4 + 2, 3 * 3 + 2]);
    expect(layout.origin(4)).toEqual({ x: 5, y: 4 });
    expect(tileLayout(1, 5, 5)).toMatchObject({ columns: 1, rows: 1, width: 5, height: 5 });
    expect(tileLayout(16, 2, 2, 1, 8)).toMatchObject({ columns: 8, rows: 2 });
    expect(tileLayout(0, 2, 2)).toMatchObject({ width: 0, height: 0 });
  });

  it('copies images into a sheet', () => {
    const red: RgbaImage = { width: 1, height: 1, pixels: new Uint8ClampedArray([255, 0, 0, 255]) };
    const blue: RgbaImage = { width: 1, height: 1, pixels: new Uint8ClampedArray([0, 0, 255, 255]) };
    const sheet = tileImages([red, blue, red]);
    expect([sheet.width, sheet.height]).toEqual([3, 3]);
    expect(pixel(sheet, 0, 0)).toEqual([255, 0, 0, 255]);
    expect(pixel(sheet, 1, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(sheet, 2, 0)).toEqual([0, 0, 255, 255]);
    expect(pixel(sheet, 0, 2)).toEqual([255, 0, 0, 255]);
  });

  it('fits a whole-number zoom', () => {
    expect(fitZoom(28, 300, 12)).toBe(10);
    expect(fitZoom(500, 300, 12)).toBe(1);
    expect(fitZoom(2, 300, 12)).toBe(12);
  });

  it('has colour maps from dark to bright', () => {
    expect(grayscale(0)).toEqual([0, 0, 0]);
    expect(grayscale(1)).toEqual([255, 255, 255]);
    const sum = (t: number) => magma(t).reduce((total, value) => total + value, 0);
    expect(sum(0)).toBeLessThan(sum(0.5));
    expect(sum(0.5)).toBeLessThan(sum(1));
  });
});

describe('feature images', () => {
  it('reads the first sample of a payload and classifies its rank', () => {
    const payload = (shape: number[]) => ({ shape, data: new Float32Array(shape.reduce((a, b) => a * b, 1)).buffer });
    expect(featureTensor(payload([1, 4, 4, 2]))).toMatchObject({ kind: 'image', dims: [4, 4, 2] });
    expect(featureTensor(payload([1, 5, 3]))).toMatchObject({ kind: 'sequence', dims: [5, 3] });
    expect(featureTensor(payload([1, 7]))).toMatchObject({ kind: 'vector', dims: [7] });
    expect(featureTensor(payload([2, 7])).values.length).toBe(7);
  });

  it('normalizes each channel to its own range and leaves gaps transparent', () => {
    // 2×2×2, channel 0 spans 0..3, channel 1 spans 100..400 (channels last).
    const values = [0, 100, 1, 200, 2, 300, 3, 400];
    const grid = channelGrid(values, 2, 2, 2, grayscale);
    expect([grid.columns, grid.rows, grid.width, grid.height]).toEqual([2, 1, 5, 2]);
    expect(pixel(grid, 0, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(grid, 1, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(grid, 1, 0)[0]).toBe(85);
    expect(pixel(grid, 2, 0)).toEqual([0, 0, 0, 0]);
    expect(pixel(grid, 3, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(grid, 4, 1)).toEqual([255, 255, 255, 255]);
  });

  it('draws a flat channel dark instead of dividing by zero', () => {
    const grid = channelGrid([5, 5, 5, 5], 2, 2, 1, grayscale);
    expect(pixel(grid, 1, 1)).toEqual([0, 0, 0, 255]);
  });

  it('turns a vector into signed bars relative to the largest magnitude', () => {
    expect(barHeights([1, -2, 0.5])).toEqual({ heights: [0.5, -1, 0.25], scale: 2, perBar: 1, signed: true });
    expect(barHeights([0, 0])).toMatchObject({ heights: [0, 0], scale: 0, signed: false });
    const bucketed = barHeights(Array.from({ length: 1000 }, (_, index) => (index === 999 ? 10 : 1)), 100);
    expect(bucketed.heights.length).toBe(100);
    expect(bucketed.perBar).toBe(10);
    expect(bucketed.heights.at(-1)).toBe(1);
    expect(bucketed.heights[0]).toBeCloseTo(0.1);
  });

  it('turns a T×F sequence into a strip T wide and F tall', () => {
    const strip = heatStrip([0, 1, 2, 3, 4, 5], 3, 2, grayscale);
    expect([strip.width, strip.height]).toEqual([3, 2]);
    expect(pixel(strip, 0, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(strip, 2, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(strip, 0, 1)[0]).toBe(51);
  });
});
