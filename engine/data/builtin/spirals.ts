// Two interleaved spirals: a point at t uniform in [0.05, 1] lies at radius t and angle
// 2π·turns·t + class·π, so the arms are half a turn apart; classes alternate and Gaussian noise
// of standard deviation `noise` is added.
import { z } from 'zod';
import type { Dataset } from '../dataset.ts';
import { parseOptions } from '../options.ts';
import { createRandom } from '../random.ts';
import { builtinFile, generatorOptions } from './common.ts';
import { pointsDataset } from './points.ts';

export const SpiralsOptionsSchema = generatorOptions(1000, {
  noise: z.number().min(0).max(10).default(0.03),
  turns: z.number().min(0.25).max(10).default(1.5),
});

/** The angle of the spiral arm of `label` at radius `radius` (noise-free). */
export function spiralAngle(radius: number, label: number, turns: number): number {
  return 2 * Math.PI * turns * radius + label * Math.PI;
}

export function generateSpirals(options?: unknown): Dataset {
  const { count, seed, noise, turns } = parseOptions(SpiralsOptionsSchema, options, builtinFile('spirals'));
  const random = createRandom(seed);
  const points = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const label = index % 2;
    const radius = random.uniform(0.05, 1);
    const angle = spiralAngle(radius, label, turns);
    points[2 * index] = radius * Math.cos(angle) + noise * random.normal();
    points[2 * index + 1] = radius * Math.sin(angle) + noise * random.normal();
    labels[index] = label;
  }
  return pointsDataset('spirals', points, labels, ['arm 0', 'arm 1']);
}
