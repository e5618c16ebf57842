import { join } from 'node:path';
import { GRAPH_VERSION } from '../engine/graph/index.ts';

export const schemaPath = join(import.meta.dirname, `../assets/schema/graph-v${GRAPH_VERSION}.schema.json`);

export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
