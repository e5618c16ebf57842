// Two interleaving half circles (as scikit-learn's make_moons): class 0 on the upper unit
// half circle (cos t, sin t), class 1 on the lower one (1 - cos t, 0.5 - sin t), t uniform
// in [0, π], classes alternating, Gaussian noise of standard deviation `noise` added.
import { z } from 'zod';
import type { Dataset } from '../dataset.ts';
import { parseOptions } from '../options.ts';
import { createRandom } from '../random.ts';
import { builtinFile, generatorOptions } from './common.ts';
import { pointsDataset } from './points.ts';

export const MoonsOptionsSchema = generatorOptions(1000, { noise: z.number().min(0).max(10).default(0.1) });

export function generateMoons(options?: unknown): Dataset {
  const { count, seed, noise } = parseOptions(MoonsOptionsSchema, options, builtinFile('moons'));
  const random = createRandom(seed);
  const points = new Float32Array(count * 2);
  const labels = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const label = index % 2;
    const angle = Math.PI * random.next();
    const x = label === 0 ? Math.cos(angle) : 1 - Math.cos(angle);
    const y = label === 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
    points[2 * index] = x + noise * random.normal();
    points[2 * index + 1] = y + noise * random.normal();
    labels[index] = label;
  }
  return pointsDataset('moons', points, labels, ['upper', 'lower']);
}
