// Reading what a dashboard canvas shows: its own pixels (getImageData on the backing store, not
// the CSS-scaled picture), their brightness, tiles of an image sheet, and the statistics the
// specs assert on (spread, correlation, spatial structure).
import type { Locator } from '@playwright/test';

export interface Pixels {
  readonly width: number;
  readonly height: number;
  /** RGBA, row after row. */
  readonly data: Uint8ClampedArray;
}

/** The pixels of a <canvas> with a 2-D context. */
export async function readPixels(canvas: Locator): Promise<Pixels> {
  const read = await canvas.evaluate((element) => {
    const target = element as HTMLCanvasElement;
    const context = target.getContext('2d');
    if (context === null) throw new Error('the canvas has no 2-D context to read');
    return { width: target.width, height: target.height, data: Array.from(context.getImageData(0, 0, target.width, target.height).data) };
  });
  return { width: read.width, height: read.height, data: Uint8ClampedArray.from(read.data) };
}

/** Perceived brightness 0..255 of pixel (x, y) (Rec. 601 weights; magma's ramp rises with it). */
export function brightness(pixels: Pixels, x: number, y: number): number {
  const at = (y * pixels.width + x) * 4;
  return 0.299 * pixels.data[at] + 0.587 * pixels.data[at + 1] + 0.114 * pixels.data[at + 2];
}

/** The share of pixels that are drawn at all (alpha above 0). */
export function drawnShare(pixels: Pixels): number {
  let drawn = 0;
  for (let at = 3; at < pixels.data.length; at += 4) if (pixels.data[at] > 0) drawn++;
  return drawn / (pixels.width * pixels.height);
}

export interface Region {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The brightness of a region's pixels, row after row. */
export function regionBrightness(pixels: Pixels, region: Region): number[] {
  const values: number[] = [];
  for (let y = region.top; y < region.top + region.height; y++) {
    for (let x = region.left; x < region.left + region.width; x++) values.push(brightness(pixels, x, y));
  }
  return values;
}

/** The tiles of a sheet laid out as the dashboard does: `columns` across (near-square by default), `gap` px apart. */
export function tileRegions(count: number, tileWidth: number, tileHeight: number, gap: number, columns = Math.ceil(Math.sqrt(count))): Region[] {
  return Array.from({ length: count }, (_, index) => ({
    left: (index % columns) * (tileWidth + gap),
    top: Math.floor(index / columns) * (tileHeight + gap),
    width: tileWidth,
    height: tileHeight,
  }));
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function standardDeviation(values: readonly number[]): number {
  const centre = mean(values);
  return Math.sqrt(mean(values.map((value) => (value - centre) ** 2)));
}

/** Pearson correlation of two equally long lists (0 when either is constant). */
export function correlation(first: readonly number[], second: readonly number[]): number {
  const [a, b] = [mean(first), mean(second)];
  let [product, squaresA, squaresB] = [0, 0, 0];
  for (let index = 0; index < first.length; index++) {
    product += (first[index] - a) * (second[index] - b);
    squaresA += (first[index] - a) ** 2;
    squaresB += (second[index] - b) ** 2;
  }
  return squaresA === 0 || squaresB === 0 ? 0 : product / Math.sqrt(squaresA * squaresB);
}

/**
 * How alike each pixel of a width × height region (values row after row) is to its right-hand
 * neighbour (`across`) or the one below (`down`): near 0 for noise, near 1 for smooth shapes.
 */
export function neighbourCorrelation(values: readonly number[], width: number, height: number, direction: 'across' | 'down'): number {
  const [here, next]: [number[], number[]] = [[], []];
  for (let y = 0; y < height - (direction === 'down' ? 1 : 0); y++) {
    for (let x = 0; x < width - (direction === 'across' ? 1 : 0); x++) {
      here.push(values[y * width + x]);
      next.push(values[direction === 'across' ? y * width + x + 1 : (y + 1) * width + x]);
    }
  }
  return correlation(here, next);
}

/** The brightness of each tile of a sheet. */
export function tileBrightness(pixels: Pixels, tiles: readonly Region[]): number[][] {
  return tiles.map((tile) => regionBrightness(pixels, tile));
}

/** How far a set of points spreads: the standard deviations of its x and of its y, added. */
function spreadOf(points: readonly (readonly [number, number])[]): number {
  return standardDeviation(points.map(([x]) => x)) + standardDeviation(points.map(([, y]) => y));
}

export interface Scatter {
  /** Pixels of generated dots (opaque orange) and of real ones (faint grey-blue). */
  readonly generated: number;
  readonly real: number;
  /** The spread of the generated pixels over that of the real ones: near 0 for a clump, near 1 once they cover the data. */
  readonly spread: number;
}

/** A GAN's 2-D scatter as renderer/dashboard/pointsImage.ts draws it: generated dots over real ones. */
export function scatter(pixels: Pixels): Scatter {
  const generated: [number, number][] = [];
  const real: [number, number][] = [];
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      const at = (y * pixels.width + x) * 4;
      const [red, , blue, alpha] = pixels.data.subarray(at, at + 4);
      if (alpha === 255 && red > 200 && blue < 130) generated.push([x, y]);
      else if (alpha > 0 && blue > red) real.push([x, y]);
    }
  }
  return { generated: generated.length, real: real.length, spread: spreadOf(generated) / spreadOf(real) };
}
