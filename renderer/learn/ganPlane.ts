// The GAN lab's plane as pictures: the discriminator's probability "real" as a heat map (green:
// real, purple: fake, near white at 0.5), and the generator's warped noise grid as polylines.
import type { SheetImage } from './labImages.ts';

const REAL: readonly [number, number, number] = [46, 160, 92];
const FAKE: readonly [number, number, number] = [150, 82, 190];
const MIDDLE: readonly [number, number, number] = [238, 238, 238];

/** The colour of a probability "real": FAKE at 0, MIDDLE at 0.5, REAL at 1. */
export function heatColour(probability: number): [number, number, number] {
  const p = Math.min(1, Math.max(0, Number.isFinite(probability) ? probability : 0.5));
  const [from, to, t] = p < 0.5 ? [FAKE, MIDDLE, p / 0.5] : [MIDDLE, REAL, (p - 0.5) / 0.5];
  return [0, 1, 2].map((channel) => Math.round(from[channel] + (to[channel] - from[channel]) * t)) as [number, number, number];
}

/** gridSize × gridSize probabilities (rows from the top) as an image, one pixel each. */
export function heatImage(heat: Float32Array, gridSize: number): SheetImage {
  const pixels = new Uint8ClampedArray(gridSize * gridSize * 4);
  for (let index = 0; index < gridSize * gridSize; index++) {
    const [red, green, blue] = heatColour(heat[index]);
    pixels.set([red, green, blue, 255], index * 4);
  }
  return { width: gridSize, height: gridSize, pixels };
}

/** The warped grid's lines: each row and each column of the gridSize × gridSize points, as (x, y) lists. */
export function gridLines(warped: Float32Array, gridSize: number): number[][] {
  const lines: number[][] = [];
  for (let row = 0; row < gridSize; row++) lines.push(Array.from(warped.subarray(row * gridSize * 2, (row + 1) * gridSize * 2)));
  for (let column = 0; column < gridSize; column++) {
    const line: number[] = [];
    for (let row = 0; row < gridSize; row++) line.push(warped[2 * (row * gridSize + column)], warped[2 * (row * gridSize + column) + 1]);
    lines.push(line);
  }
  return lines;
}
