// Nearest-neighbour upsampling: y[n, oh, ow, c] = x[n, ⌊oh / sH⌋, ⌊ow / sW⌋, c].
// The backward pass sums each sH×sW block of the gradient into its source pixel.
import type { HeightWidth } from '../../../ir/index.ts';
import type { FloatArray } from '../tensor.ts';
import type { UpsampleGeometry } from './upsampleGeometry.ts';

export function upsampleNearest(geometry: UpsampleGeometry, scale: HeightWidth, x: FloatArray, y: FloatArray): void {
  const { batch, height, width, channels, outHeight, outWidth } = geometry;
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const ih = Math.floor(oh / scale[0]);
      for (let ow = 0; ow < outWidth; ow++) {
        const source = ((n * height + ih) * width + Math.floor(ow / scale[1])) * channels;
        const target = ((n * outHeight + oh) * outWidth + ow) * channels;
        for (let c = 0; c < channels; c++) y[target + c] = x[source + c];
      }
    }
  }
}

export function upsampleNearestBackward(geometry: UpsampleGeometry, scale: HeightWidth, dy: FloatArray, dx: FloatArray): void {
  const { batch, height, width, channels, outWidth } = geometry;
  for (let n = 0; n < batch; n++) {
    for (let ih = 0; ih < height; ih++) {
      for (let iw = 0; iw < width; iw++) {
        const target = ((n * height + ih) * width + iw) * channels;
        for (let c = 0; c < channels; c++) {
          let sum = 0;
          for (let oh = ih * scale[0]; oh < (ih + 1) * scale[0]; oh++) {
            const rowBase = (n * geometry.outHeight + oh) * outWidth;
            for (let ow = iw * scale[1]; ow < (iw + 1) * scale[1]; ow++) sum += dy[(rowBase + ow) * channels + c];
          }
          dx[target + c] = sum;
        }
      }
    }
  }
}
