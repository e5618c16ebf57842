// Shared pieces of the generated built-in sets: option schemas and the error place.
import { z } from 'zod';

/** Every generated set takes a count and a seed; the same options give the same bytes. */
export function generatorOptions<Shape extends z.ZodRawShape>(defaultCount: number, extra: Shape) {
  return z
    .object({
      count: z.number().int().min(2).max(1_000_000).default(defaultCount),
      seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
      ...extra,
    })
    .strict();
}

/**
 * The value range training scales an image set's inputs to, [low, high] (a GAN whose generator
 * ends in Tanh uses [-1, 1]); the data keeps its bytes and the training loop applies the range.
 */
export const rangeOption = z
  .tuple([z.number().finite(), z.number().finite()])
  .refine(([low, high]) => low < high, 'the range is [low, high] with low below high')
  .optional();

/** How errors name a built-in set: `builtin "moons"`. */
export function builtinFile(name: string): string {
  return `builtin "${name}"`;
}
