// Image grids from the engine (reconstructions, GAN samples) and Conv2D filters as tile sheets.
import type { ImageGrid } from '../../engine/protocol/index.ts';
import { blankImage, clamp01, magma, normalize, rangeOf, setPixel, tileImages, tileLayout, type RgbaImage } from './pixels.ts';

/**
 * count × H × W × C images in [0, 1] as one sheet, `gap`-px transparent gaps, near-square unless
 * `columns` is given. One channel is grey, three are RGB; other counts show their first channel.
 */
export function imageSheet(grid: ImageGrid, columns?: number, gap = 1): RgbaImage {
  const { count, height, width, channels } = grid;
  const values = new Float32Array(grid.data, 0, Math.min(count * height * width * channels, grid.data.byteLength / 4));
  const layout = tileLayout(count, width, height, gap, columns);
  const sheet = blankImage(layout.width, layout.height);
  const colour = channels === 3;
  for (let image = 0; image < count; image++) {
    const { x: left, y: top } = layout.origin(image);
    for (let row = 0; row < height; row++) {
      for (let column = 0; column < width; column++) {
        const base = ((image * height + row) * width + column) * channels;
        const red = Math.round(clamp01(values[base]) * 255);
        const green = colour ? Math.round(clamp01(values[base + 1]) * 255) : red;
        const blue = colour ? Math.round(clamp01(values[base + 2]) * 255) : red;
        setPixel(sheet, left + column, top + row, red, green, blue);
      }
    }
  }
  return sheet;
}

/**
 * Conv2D weights [kh, kw, in, out] as one kh × kw image per output filter, each normalized to its
 * own min/max: RGB when the filter reads 3 channels (a first layer on colour images), otherwise the
 * mean over input channels on the magma ramp. At most `limit` filters.
 */
export function filterImages(weights: ArrayLike<number>, shape: readonly number[], limit = Number.POSITIVE_INFINITY): RgbaImage[] {
  const [kernelHeight, kernelWidth, inputs, outputs] = shape;
  const images: RgbaImage[] = [];
  for (let filter = 0; filter < Math.min(outputs, limit); filter++) {
    const at = (row: number, column: number, input: number) => weights[((row * kernelWidth + column) * inputs + input) * outputs + filter];
    const cells: number[][] = [];
    for (let row = 0; row < kernelHeight; row++) {
      for (let column = 0; column < kernelWidth; column++) {
        const channels = Array.from({ length: inputs }, (_, input) => at(row, column, input));
        cells.push(inputs === 3 ? channels : [channels.reduce((sum, value) => sum + value, 0) / Math.max(1, inputs)]);
      }
    }
    images.push(filterImage(cells, kernelWidth, kernelHeight));
  }
  return images;
}

function filterImage(cells: readonly number[][], width: number, height: number): RgbaImage {
  const { min, max } = rangeOf(cells.flat());
  const image = blankImage(width, height);
  cells.forEach((cell, index) => {
    const [red, green, blue] = cell.length === 3 ? cell.map((value) => Math.round(normalize(value, min, max) * 255)) : magma(normalize(cell[0], min, max));
    setPixel(image, index % width, Math.floor(index / width), red, green, blue);
  });
  return image;
}

/** All filters of a Conv2D as one sheet (at most `limit` filters). */
export function filterSheet(weights: ArrayLike<number>, shape: readonly number[], limit = 64): RgbaImage {
  return tileImages(filterImages(weights, shape, limit));
}
