// X and O images, 9×9×1, classes 0 = X and 1 = O, alternating. Each shape is 5 or 7 pixels
// across, its centre shifted up to one pixel from the image centre; strokes have random
// brightness 0.7..1, and uniform background noise up to `noise` is added (then clipped to 1).
import { z } from 'zod';
import { createDataset, type Dataset } from '../dataset.ts';
import { parseOptions } from '../options.ts';
import { createRandom, type Random } from '../random.ts';
import { builtinFile, generatorOptions } from './common.ts';

export const XoOptionsSchema = generatorOptions(1000, { noise: z.number().min(0).max(1).default(0.1) });

export const XO_SIZE = 9;

function plotX(image: Float32Array, offset: number, centerY: number, centerX: number, half: number, random: Random): void {
  const brightness = random.uniform(0.85, 1);
  for (let step = -half; step <= half; step++) {
    image[offset + (centerY + step) * XO_SIZE + centerX + step] = brightness - 0.15 * random.next();
    image[offset + (centerY + step) * XO_SIZE + centerX - step] = brightness - 0.15 * random.next();
  }
}

function plotO(image: Float32Array, offset: number, centerY: number, centerX: number, half: number, random: Random): void {
  const brightness = random.uniform(0.85, 1);
  for (let dy = -half; dy <= half; dy++) {
    for (let dx = -half; dx <= half; dx++) {
      if (Math.abs(Math.hypot(dy, dx) - half) < 0.5) image[offset + (centerY + dy) * XO_SIZE + centerX + dx] = brightness - 0.15 * random.next();
    }
  }
}

export function generateXo(options?: unknown): Dataset {
  const { count, seed, noise } = parseOptions(XoOptionsSchema, options, builtinFile('xo'));
  const random = createRandom(seed);
  const pixels = XO_SIZE * XO_SIZE;
  const inputs = new Float32Array(count * pixels);
  const targets = new Int32Array(count);
  for (let example = 0; example < count; example++) {
    const label = example % 2;
    const half = random.next() < 0.5 ? 2 : 3;
    const centerY = 4 + random.integer(3) - 1;
    const centerX = 4 + random.integer(3) - 1;
    (label === 0 ? plotX : plotO)(inputs, example * pixels, centerY, centerX, half, random);
    for (let pixel = example * pixels; pixel < (example + 1) * pixels; pixel++) inputs[pixel] = Math.min(1, inputs[pixel] + noise * random.next());
    targets[example] = label;
  }
  return createDataset({
    name: 'xo',
    count,
    inputDims: [XO_SIZE, XO_SIZE, 1],
    inputs: { kind: 'float', values: inputs },
    targetDims: [],
    targets: { kind: 'class', values: targets, classNames: ['X', 'O'] },
  });
}
