// Test-only: writes a grid of gray example images as a PNG under test-results/data/, so a
// person can look at what a dataset really holds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encode as encodePng } from 'fast-png';
import { inputValue, type Dataset } from '../../../engine/data/dataset.ts';

export const DUMP_FOLDER = join(import.meta.dirname, '../../../test-results/data');

/** Examples (H×W×1) side by side, `columns` a row, each pixel `zoom`×`zoom`, 1-pixel gaps. */
export function dumpExamples(dataset: Dataset, examples: readonly number[], file: string, columns = 8, zoom = 4): string {
  const [height, width] = dataset.inputDims;
  const rows = Math.ceil(examples.length / columns);
  const cellHeight = height * zoom + 1;
  const cellWidth = width * zoom + 1;
  const imageWidth = columns * cellWidth + 1;
  const data = new Uint8Array((rows * cellHeight + 1) * imageWidth).fill(96);
  examples.forEach((example, slot) => {
    const top = 1 + Math.floor(slot / columns) * cellHeight;
    const left = 1 + (slot % columns) * cellWidth;
    for (let y = 0; y < height * zoom; y++) {
      for (let x = 0; x < width * zoom; x++) {
        const value = inputValue(dataset.inputs, example * height * width + Math.floor(y / zoom) * width + Math.floor(x / zoom));
        data[(top + y) * imageWidth + left + x] = Math.round(Math.min(1, Math.max(0, value)) * 255);
      }
    }
  });
  mkdirSync(DUMP_FOLDER, { recursive: true });
  const path = join(DUMP_FOLDER, file);
  writeFileSync(path, encodePng({ width: imageWidth, height: rows * cellHeight + 1, data, channels: 1, depth: 8 }));
  return path;
}
