// A GAN's 2-D samples as a scatter image: real points faint, generated points bright.
import { blankImage, type RgbaImage } from './pixels.ts';

export interface Bounds {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

/** The box around (x, y) pairs, widened by `margin` of its size on each side (a unit box when empty). */
export function pointBounds(pairs: readonly Float32Array[], margin = 0.1): Bounds {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const values of pairs) {
    for (let index = 0; index + 1 < values.length; index += 2) {
      const [x, y] = [values[index], values[index + 1]];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      [minX, maxX, minY, maxY] = [Math.min(minX, x), Math.max(maxX, x), Math.min(minY, y), Math.max(maxY, y)];
    }
  }
  if (minX > maxX) return { minX: -1, maxX: 1, minY: -1, maxY: 1 };
  const padX = Math.max((maxX - minX) * margin, 1e-3);
  const padY = Math.max((maxY - minY) * margin, 1e-3);
  return { minX: minX - padX, maxX: maxX + padX, minY: minY - padY, maxY: maxY + padY };
}

const REAL: readonly [number, number, number, number] = [150, 160, 178, 140];
const GENERATED: readonly [number, number, number, number] = [240, 160, 80, 255];

/**
 * Points drawn as `dot`-px squares on a size × size image (y up). The bounds come from the real
 * points when given, so the view holds still while the generator wanders; points outside are left out.
 */
export function scatterImage(generated: Float32Array, real: Float32Array | null, size: number, dot = 3): { image: RgbaImage; bounds: Bounds } {
  const bounds = pointBounds(real !== null && real.length > 0 ? [real] : [generated], 0.15);
  const image = blankImage(size, size);
  if (real !== null) plot(image, real, bounds, dot, REAL);
  plot(image, generated, bounds, dot, GENERATED);
  return { image, bounds };
}

function plot(image: RgbaImage, values: Float32Array, bounds: Bounds, dot: number, colour: readonly [number, number, number, number]): void {
  const size = image.width;
  const half = Math.floor(dot / 2);
  for (let index = 0; index + 1 < values.length; index += 2) {
    const column = Math.round(((values[index] - bounds.minX) / (bounds.maxX - bounds.minX)) * (size - 1));
    const row = Math.round((1 - (values[index + 1] - bounds.minY) / (bounds.maxY - bounds.minY)) * (size - 1));
    if (!Number.isFinite(column) || !Number.isFinite(row)) continue;
    for (let y = row - half; y < row - half + dot; y++) {
      for (let x = column - half; x < column - half + dot; x++) {
        if (x < 0 || y < 0 || x >= size || y >= size) continue;
        const offset = (y * size + x) * 4;
        image.pixels.set(colour, offset);
      }
    }
  }
}
