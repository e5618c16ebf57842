// A ring of 8 Gaussians (the classic GAN mode-collapse test): mode k has its mean at
// radius·(cos 2πk/8, sin 2πk/8) and standard deviation `deviation`; modes take turns, so each
// has count/8 points. The targets are the mode ids, for colouring plots; the set is for GANs.
import { z } from 'zod';
import type { Dataset } from '../dataset.ts';
import { parseOptions } from '../options.ts';
import { createRandom } from '../random.ts';
import { builtinFile, generatorOptions } from './common.ts';
import { pointsDataset } from './points.ts';

export const RING_MODES = 8;

export const GaussianRingOptionsSchema = generatorOptions(2000, {
  radius: z.number().positive().max(100).default(2),
  deviation: z.number().min(0).max(10).default(0.05),
});

export function ringMean(mode: number, radius: number): [number, number] {
  const angle = (2 * Math.PI * mode) / RING_MODES;
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

export function generateGaussianRing(options?: unknown): Dataset {
  const { count, seed, radius, deviation } = parseOptions(GaussianRingOptionsSchema, options, builtinFile('gaussian-ring'));
  const random = createRandom(seed);
  const points = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const mode = index % RING_MODES;
    const [x, y] = ringMean(mode, radius);
    points[2 * index] = x + deviation * random.normal();
    points[2 * index + 1] = y + deviation * random.normal();
    labels[index] = mode;
  }
  return pointsDataset('gaussian-ring', points, labels, Array.from({ length: RING_MODES }, (_, mode) => `mode ${mode}`));
}
