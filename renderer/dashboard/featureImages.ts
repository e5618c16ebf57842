// A node's output for one sample, made drawable: images (H×W×C) as a grid of channels, vectors
// (F) as bars, sequences (T×F) as a heat strip.
import type { TensorPayload } from '../../engine/protocol/index.ts';
import { blankImage, magma, normalize, rangeOf, setPixel, tileLayout, type Colormap, type RgbaImage } from './pixels.ts';

export type TensorKind = 'image' | 'sequence' | 'vector';

export interface FeatureTensor {
  /** The shape without the batch axis: [H, W, C], [T, F] or [F]. */
  readonly dims: readonly number[];
  readonly kind: TensorKind;
  readonly values: Float32Array;
}

/** The first sample of a payload shaped [1, ...dims] (higher ranks than 3 read as a vector). */
export function featureTensor(payload: TensorPayload): FeatureTensor {
  const dims = payload.shape.slice(1);
  const size = dims.reduce((product, dim) => product * dim, 1);
  const values = new Float32Array(payload.data, 0, Math.min(size, payload.data.byteLength / 4));
  if (dims.length === 3) return { dims, kind: 'image', values };
  if (dims.length === 2) return { dims, kind: 'sequence', values };
  return { dims: [values.length], kind: 'vector', values };
}

export interface ChannelGrid extends RgbaImage {
  readonly columns: number;
  readonly rows: number;
  readonly channels: number;
}

/**
 * An H×W×C map (channels last) as one image: each channel normalized to its own min/max, the
 * channels laid out in a near-square grid with `gap`-px transparent gaps.
 */
export function channelGrid(values: ArrayLike<number>, height: number, width: number, channels: number, colormap: Colormap = magma, gap = 1): ChannelGrid {
  const layout = tileLayout(channels, width, height, gap);
  const image = blankImage(layout.width, layout.height);
  for (let channel = 0; channel < channels; channel++) {
    const { min, max } = rangeOf(values, channel, channels, height * width);
    const { x: left, y: top } = layout.origin(channel);
    for (let row = 0; row < height; row++) {
      for (let column = 0; column < width; column++) {
        const [red, green, blue] = colormap(normalize(values[(row * width + column) * channels + channel], min, max));
        setPixel(image, left + column, top + row, red, green, blue);
      }
    }
  }
  return { ...image, columns: layout.columns, rows: layout.rows, channels };
}

export interface Bars {
  /** Signed heights in [-1, 1], relative to the largest |value|. */
  readonly heights: number[];
  /** The largest |value| (the scale of a full bar). */
  readonly scale: number;
  /** Values per bar when the vector was longer than maxBars. */
  readonly perBar: number;
  /** Whether any bar is negative (then zero sits mid-height, else at the bottom). */
  readonly signed: boolean;
}

/** A vector as bar heights; long vectors are bucketed, each bar the bucket's value of largest |v|. */
export function barHeights(values: ArrayLike<number>, maxBars = 256): Bars {
  const perBar = Math.max(1, Math.ceil(values.length / Math.max(1, maxBars)));
  const picked: number[] = [];
  for (let start = 0; start < values.length; start += perBar) {
    let chosen = 0;
    for (let index = start; index < Math.min(values.length, start + perBar); index++) {
      const value = Number.isFinite(values[index]) ? values[index] : 0;
      if (Math.abs(value) > Math.abs(chosen)) chosen = value;
    }
    picked.push(chosen);
  }
  const scale = picked.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0);
  return { heights: picked.map((value) => (scale > 0 ? value / scale : 0)), scale, perBar, signed: picked.some((value) => value < 0) };
}

/** A T×F sequence as an image T wide and F tall (time runs left to right), normalized over all values. */
export function heatStrip(values: ArrayLike<number>, steps: number, features: number, colormap: Colormap = magma): RgbaImage {
  const image = blankImage(steps, features);
  const { min, max } = rangeOf(values, 0, 1, steps * features);
  for (let step = 0; step < steps; step++) {
    for (let feature = 0; feature < features; feature++) {
      const [red, green, blue] = colormap(normalize(values[step * features + feature], min, max));
      setPixel(image, step, feature, red, green, blue);
    }
  }
  return image;
}
