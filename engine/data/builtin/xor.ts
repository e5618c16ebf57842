// The four XOR points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0. `targets: 'value'` gives 0.0/1.0
// regression targets instead of class ids. No randomness, so no seed or count.
import { z } from 'zod';
import { createDataset, type Dataset } from '../dataset.ts';
import { parseOptions } from '../options.ts';
import { builtinFile } from './common.ts';
import { pointsDataset } from './points.ts';

export const XorOptionsSchema = z.object({ targets: z.enum(['class', 'value']).default('class') }).strict();

export function generateXor(options?: unknown): Dataset {
  const { targets } = parseOptions(XorOptionsSchema, options, builtinFile('xor'));
  const points = new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]);
  const labels = new Int32Array([0, 1, 1, 0]);
  if (targets === 'class') return pointsDataset('xor', points, labels, ['0', '1']);
  return createDataset({ name: 'xor', count: 4, inputDims: [2], inputs: { kind: 'float', values: points }, targetDims: [1], targets: { kind: 'value', values: Float32Array.from(labels) } });
}
