// Bilinear upsampling as PyTorch's align_corners=False: output pixel centers map back to
// source = (o + 0.5) / scale - 0.5 (clamped at 0), which blends the two nearest source rows (and
// columns), the second clamped to the edge. The backward pass sends each gradient to those four
// pixels with the same weights.
import type { HeightWidth } from '../../../ir/index.ts';
import type { FloatArray } from '../tensor.ts';
import type { UpsampleGeometry } from './upsampleGeometry.ts';

function sourceCoordinate(position: number, scale: number): number {
  return Math.max(0, (position + 0.5) / scale - 0.5);
}

export function upsampleBilinear(geometry: UpsampleGeometry, scale: HeightWidth, x: FloatArray, y: FloatArray): void {
  const { batch, height, width, channels, outHeight, outWidth } = geometry;
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const sourceRow = sourceCoordinate(oh, scale[0]);
      const row0 = Math.floor(sourceRow);
      const row1 = row0 < height - 1 ? row0 + 1 : row0;
      const rowWeight = sourceRow - row0;
      for (let ow = 0; ow < outWidth; ow++) {
        const sourceColumn = sourceCoordinate(ow, scale[1]);
        const column0 = Math.floor(sourceColumn);
        const column1 = column0 < width - 1 ? column0 + 1 : column0;
        const columnWeight = sourceColumn - column0;
        const top0 = ((n * height + row0) * width + column0) * channels;
        const top1 = ((n * height + row0) * width + column1) * channels;
        const bottom0 = ((n * height + row1) * width + column0) * channels;
        const bottom1 = ((n * height + row1) * width + column1) * channels;
        const target = ((n * outHeight + oh) * outWidth + ow) * channels;
        for (let c = 0; c < channels; c++) {
          const top = (1 - columnWeight) * x[top0 + c] + columnWeight * x[top1 + c];
          const bottom = (1 - columnWeight) * x[bottom0 + c] + columnWeight * x[bottom1 + c];
          y[target + c] = (1 - rowWeight) * top + rowWeight * bottom;
        }
      }
    }
  }
}

export function upsampleBilinearBackward(geometry: UpsampleGeometry, scale: HeightWidth, dy: FloatArray, dx: FloatArray): void {
  const { batch, height, width, channels, outHeight, outWidth } = geometry;
  dx.fill(0);
  for (let n = 0; n < batch; n++) {
    for (let oh = 0; oh < outHeight; oh++) {
      const sourceRow = sourceCoordinate(oh, scale[0]);
      const row0 = Math.floor(sourceRow);
      const row1 = row0 < height - 1 ? row0 + 1 : row0;
      const rowWeight = sourceRow - row0;
      for (let ow = 0; ow < outWidth; ow++) {
        const sourceColumn = sourceCoordinate(ow, scale[1]);
        const column0 = Math.floor(sourceColumn);
        const column1 = column0 < width - 1 ? column0 + 1 : column0;
        const columnWeight = sourceColumn - column0;
        const source = ((n * outHeight + oh) * outWidth + ow) * channels;
        for (let c = 0; c < channels; c++) {
          const gradient = dy[source + c];
          dx[((n * height + row0) * width + column0) * channels + c] += (1 - rowWeight) * (1 - columnWeight) * gradient;
          dx[((n * height + row0) * width + column1) * channels + c] += (1 - rowWeight) * columnWeight * gradient;
          dx[((n * height + row1) * width + column0) * channels + c] += rowWeight * (1 - columnWeight) * gradient;
          dx[((n * height + row1) * width + column1) * channels + c] += rowWeight * columnWeight * gradient;
        }
      }
    }
  }
}
