import { join } from 'node:path';

export const schemaPath = join(import.meta.dirname, '../assets/schema/graph-v1.schema.json');

export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
