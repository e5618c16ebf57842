// RGBA images for canvases (drawn with putImageData), colour maps, and near-square tile layouts.

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** width × height × 4 bytes, row-major; transparent where nothing is drawn (gaps). */
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
}

/** Maps t in [0, 1] to an RGB colour. */
export type Colormap = (t: number) => readonly [number, number, number];

export function grayscale(t: number): readonly [number, number, number] {
  const level = Math.round(clamp01(t) * 255);
  return [level, level, level];
}

// A perceptual dark-to-bright ramp (close to matplotlib's magma), readable on a dark panel.
const MAGMA_STOPS: readonly (readonly [number, number, number])[] = [
  [8, 6, 26],
  [60, 15, 112],
  [139, 41, 129],
  [222, 73, 104],
  [253, 159, 108],
  [252, 253, 191],
];

export function magma(t: number): readonly [number, number, number] {
  const position = clamp01(t) * (MAGMA_STOPS.length - 1);
  const index = Math.min(MAGMA_STOPS.length - 2, Math.floor(position));
  const fraction = position - index;
  const [from, to] = [MAGMA_STOPS[index], MAGMA_STOPS[index + 1]];
  const mix = (channel: number) => Math.round(from[channel] + (to[channel] - from[channel]) * fraction);
  return [mix(0), mix(1), mix(2)];
}

export function clamp01(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

export function blankImage(width: number, height: number): RgbaImage {
  return { width, height, pixels: new Uint8ClampedArray(Math.max(0, width * height * 4)) };
}

/** Writes an opaque pixel. */
export function setPixel(image: RgbaImage, x: number, y: number, red: number, green: number, blue: number): void {
  const offset = (y * image.width + x) * 4;
  image.pixels[offset] = red;
  image.pixels[offset + 1] = green;
  image.pixels[offset + 2] = blue;
  image.pixels[offset + 3] = 255;
}

export interface TileLayout {
  readonly columns: number;
  readonly rows: number;
  readonly width: number;
  readonly height: number;
  /** Top-left corner of tile `index`. */
  origin(index: number): { x: number; y: number };
}

/** `count` tiles of tileWidth × tileHeight in a near-square grid (or `columns` wide), `gap` px apart. */
export function tileLayout(count: number, tileWidth: number, tileHeight: number, gap = 1, columns?: number): TileLayout {
  const across = Math.max(1, Math.min(count, columns ?? Math.ceil(Math.sqrt(count))));
  const down = Math.max(1, Math.ceil(count / across));
  return {
    columns: across,
    rows: down,
    width: count === 0 ? 0 : across * tileWidth + (across - 1) * gap,
    height: count === 0 ? 0 : down * tileHeight + (down - 1) * gap,
    origin: (index) => ({ x: (index % across) * (tileWidth + gap), y: Math.floor(index / across) * (tileHeight + gap) }),
  };
}

/** Lays images of one size out as one sheet. */
export function tileImages(images: readonly RgbaImage[], gap = 1, columns?: number): RgbaImage {
  if (images.length === 0) return blankImage(0, 0);
  const { width: tileWidth, height: tileHeight } = images[0];
  const layout = tileLayout(images.length, tileWidth, tileHeight, gap, columns);
  const sheet = blankImage(layout.width, layout.height);
  images.forEach((image, index) => {
    const { x, y } = layout.origin(index);
    for (let row = 0; row < tileHeight; row++) {
      const source = image.pixels.subarray(row * tileWidth * 4, (row + 1) * tileWidth * 4);
      sheet.pixels.set(source, ((y + row) * layout.width + x) * 4);
    }
  });
  return sheet;
}

/** The smallest and largest finite values in values[start], values[start + stride], ... (count of them). */
export function rangeOf(values: ArrayLike<number>, start = 0, stride = 1, count = Math.ceil((values.length - start) / stride)): { min: number; max: number } {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let index = 0, at = start; index < count; index++, at += stride) {
    const value = values[at];
    if (!Number.isFinite(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min > max ? { min: 0, max: 0 } : { min, max };
}

/** Where value lies between min and max, in [0, 1] (0 when the range is flat). */
export function normalize(value: number, min: number, max: number): number {
  return max > min ? clamp01((value - min) / (max - min)) : 0;
}

/** The whole-number zoom that fits an image `width` pixels wide into `maxWidth` (1 to maxZoom). */
export function fitZoom(width: number, maxWidth: number, maxZoom: number): number {
  if (width <= 0) return 1;
  return Math.max(1, Math.min(maxZoom, Math.floor(maxWidth / width)));
}
