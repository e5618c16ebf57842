// Decoded images as one RGBA sheet for a canvas: count × H × W × C values in [0, 1] side by side
// (one channel grey, three RGB, others their first channel), a 1-pixel gap between them.
import type { DecodedImages } from '../../engine/protocol/index.ts';

export interface SheetImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
}

const unit = (value: number) => Math.round(Math.min(1, Math.max(0, Number.isFinite(value) ? value : 0)) * 255);

/** The images in `columns` columns (default: one row). */
export function imageSheet(grid: DecodedImages, columns = grid.count): SheetImage {
  const { count, height, width, channels } = grid;
  const values = new Float32Array(grid.data, 0, Math.min(count * height * width * channels, grid.data.byteLength / 4));
  const across = Math.max(1, Math.min(columns, count));
  const down = Math.max(1, Math.ceil(count / across));
  const sheet = { width: across * (width + 1) - 1, height: down * (height + 1) - 1 };
  const pixels = new Uint8ClampedArray(Math.max(0, sheet.width * sheet.height * 4));
  for (let image = 0; image < count; image++) {
    const left = (image % across) * (width + 1);
    const top = Math.floor(image / across) * (height + 1);
    for (let row = 0; row < height; row++) {
      for (let column = 0; column < width; column++) {
        const base = ((image * height + row) * width + column) * channels;
        const red = unit(values[base]);
        const [green, blue] = channels === 3 ? [unit(values[base + 1]), unit(values[base + 2])] : [red, red];
        pixels.set([red, green, blue, 255], ((top + row) * sheet.width + left + column) * 4);
      }
    }
  }
  return { ...sheet, pixels };
}
