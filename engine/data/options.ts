// Reader and generator options come from the graph document as a free record; each reader
// checks its own with a zod schema, and a bad option is a DataError naming the field.
import type { z } from 'zod';
import { DataError } from './dataError.ts';

export function parseOptions<Schema extends z.ZodType>(schema: Schema, options: unknown, file: string): z.output<Schema> {
  const result = schema.safeParse(options ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
  throw new DataError({ file, field: `options${path}` }, issue.message);
}
