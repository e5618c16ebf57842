// Sequences of 20×1 to tell apart: class 0 sine, 1 square, 2 sawtooth, taking turns. Each has
// a period uniform in [6, 16] steps, a phase uniform over the cycle, amplitude 1, and Gaussian
// noise of standard deviation `noise`. With f = fractional part of (step/period + phase):
// sine = sin 2πf, square = f < 0.5 ? 1 : -1, sawtooth = 2f - 1.
import { z } from 'zod';
import { createDataset, type Dataset } from '../dataset.ts';
import { parseOptions } from '../options.ts';
import { createRandom } from '../random.ts';
import { builtinFile, generatorOptions } from './common.ts';
import { SEQUENCE_STEPS } from './sine.ts';

export const WAVEFORM_NAMES = ['sine', 'square', 'sawtooth'] as const;

export const WaveformsOptionsSchema = generatorOptions(900, { noise: z.number().min(0).max(10).default(0.1) });

export function waveformValue(kind: number, fraction: number): number {
  if (kind === 0) return Math.sin(2 * Math.PI * fraction);
  if (kind === 1) return fraction < 0.5 ? 1 : -1;
  return 2 * fraction - 1;
}

export function generateWaveforms(options?: unknown): Dataset {
  const { count, seed, noise } = parseOptions(WaveformsOptionsSchema, options, builtinFile('waveforms'));
  const random = createRandom(seed);
  const inputs = new Float32Array(count * SEQUENCE_STEPS);
  const targets = new Int32Array(count);
  for (let example = 0; example < count; example++) {
    const kind = example % WAVEFORM_NAMES.length;
    const period = random.uniform(6, 16);
    const phase = random.next();
    for (let step = 0; step < SEQUENCE_STEPS; step++) {
      const cycle = step / period + phase;
      inputs[example * SEQUENCE_STEPS + step] = waveformValue(kind, cycle - Math.floor(cycle)) + noise * random.normal();
    }
    targets[example] = kind;
  }
  return createDataset({
    name: 'waveforms',
    count,
    inputDims: [SEQUENCE_STEPS, 1],
    inputs: { kind: 'float', values: inputs },
    targetDims: [],
    targets: { kind: 'class', values: targets, classNames: WAVEFORM_NAMES },
  });
}
