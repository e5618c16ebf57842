// Resizing and channel conversion for the image folder reader. Resampling is separable:
// shrinking averages the source pixels each output pixel covers (area weights), enlarging
// interpolates linearly between pixel centres. RGB to gray uses Rec. 601 luma weights.
import type { Image } from './imageDecode.ts';

interface Tap {
  readonly source: number;
  readonly weight: number;
}

function shrinkTaps(inSize: number, outSize: number, output: number): Tap[] {
  const scale = inSize / outSize;
  const start = output * scale;
  const end = start + scale;
  const taps: Tap[] = [];
  for (let source = Math.floor(start); source < Math.min(inSize, Math.ceil(end)); source++) {
    const overlap = Math.min(end, source + 1) - Math.max(start, source);
    if (overlap > 0) taps.push({ source, weight: overlap / scale });
  }
  return taps;
}

function enlargeTaps(inSize: number, outSize: number, output: number): Tap[] {
  const position = Math.min(inSize - 1, Math.max(0, (output + 0.5) * (inSize / outSize) - 0.5));
  const low = Math.floor(position);
  const high = Math.min(inSize - 1, low + 1);
  const fraction = position - low;
  return high === low ? [{ source: low, weight: 1 }] : [{ source: low, weight: 1 - fraction }, { source: high, weight: fraction }];
}

function taps(inSize: number, outSize: number): Tap[][] {
  return Array.from({ length: outSize }, (_, output) => (outSize <= inSize ? shrinkTaps(inSize, outSize, output) : enlargeTaps(inSize, outSize, output)));
}

/** Resizes an image to height × width (channels unchanged). */
export function resizeImage(image: Image, height: number, width: number): Image {
  if (image.height === height && image.width === width) return image;
  const channels = image.channels;
  const columnTaps = taps(image.width, width);
  const rowTaps = taps(image.height, height);
  const across = new Float32Array(image.height * width * channels);
  for (let row = 0; row < image.height; row++) {
    for (let column = 0; column < width; column++) {
      for (const tap of columnTaps[column]) {
        for (let channel = 0; channel < channels; channel++) {
          across[(row * width + column) * channels + channel] += tap.weight * image.data[(row * image.width + tap.source) * channels + channel];
        }
      }
    }
  }
  const data = new Uint8Array(height * width * channels);
  for (let row = 0; row < height; row++) {
    for (let index = 0; index < width * channels; index++) {
      let sum = 0;
      for (const tap of rowTaps[row]) sum += tap.weight * across[tap.source * width * channels + index];
      data[row * width * channels + index] = Math.min(255, Math.max(0, Math.round(sum)));
    }
  }
  return { width, height, channels, data };
}

/** Converts to 1 (gray) or 3 (RGB) channels. */
export function convertChannels(image: Image, channels: 1 | 3): Image {
  if (image.channels === channels) return image;
  const pixels = image.width * image.height;
  const data = new Uint8Array(pixels * channels);
  for (let pixel = 0; pixel < pixels; pixel++) {
    if (channels === 3) data.fill(image.data[pixel], pixel * 3, pixel * 3 + 3);
    else data[pixel] = Math.round(0.299 * image.data[pixel * 3] + 0.587 * image.data[pixel * 3 + 1] + 0.114 * image.data[pixel * 3 + 2]);
  }
  return { width: image.width, height: image.height, channels, data };
}
