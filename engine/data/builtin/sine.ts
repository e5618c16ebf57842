// Windows of a noisy sine wave: each example is 20 consecutive steps (20×1) of
// sin(2π·t/period + phase) + noise·N(0, 1), the phase uniform per example; the target is the
// (noisy) value of the step after the window.
import { z } from 'zod';
import { createDataset, type Dataset } from '../dataset.ts';
import { parseOptions } from '../options.ts';
import { createRandom } from '../random.ts';
import { builtinFile, generatorOptions } from './common.ts';

export const SEQUENCE_STEPS = 20;

export const SineOptionsSchema = generatorOptions(1000, {
  noise: z.number().min(0).max(10).default(0.05),
  period: z.number().min(4).max(1000).default(25),
});

export function generateSine(options?: unknown): Dataset {
  const { count, seed, noise, period } = parseOptions(SineOptionsSchema, options, builtinFile('sine'));
  const random = createRandom(seed);
  const inputs = new Float32Array(count * SEQUENCE_STEPS);
  const targets = new Float32Array(count);
  for (let example = 0; example < count; example++) {
    const phase = random.uniform(0, 2 * Math.PI);
    for (let step = 0; step <= SEQUENCE_STEPS; step++) {
      const value = Math.sin((2 * Math.PI * step) / period + phase) + noise * random.normal();
      if (step < SEQUENCE_STEPS) inputs[example * SEQUENCE_STEPS + step] = value;
      else targets[example] = value;
    }
  }
  return createDataset({
    name: 'sine',
    count,
    inputDims: [SEQUENCE_STEPS, 1],
    inputs: { kind: 'float', values: inputs },
    targetDims: [1],
    targets: { kind: 'value', values: targets },
  });
}
