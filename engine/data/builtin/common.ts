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

/** How errors name a built-in set: `builtin "moons"`. */
export function builtinFile(name: string): string {
  return `builtin "${name}"`;
}
