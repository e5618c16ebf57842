// The committed JSON Schema matches the zod schema and catalog, and it accepts the examples.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { graphJsonSchema, layerCatalog } from '../../../engine/graph/index.ts';
import { schemaPath, schemaText } from '../../../scripts/schemaFile.ts';

describe('JSON Schema', () => {
  it('the committed copy is up to date (run `npm run schema` after changing the document or catalog)', () => {
    expect(readFileSync(schemaPath, 'utf8')).toBe(schemaText(graphJsonSchema()));
  });

  it('describes every layer type and its params', () => {
    const schema = graphJsonSchema() as { properties: { nodes: { items: { allOf: { if: { properties: { type: { const: string } } }; then: { properties: { params: { properties: Record<string, { type: string }> } } } }[] } } } };
    const conditions = schema.properties.nodes.items.allOf;
    expect(conditions.map((condition) => condition.if.properties.type.const).sort()).toEqual([...layerCatalog.keys()].sort());
    const conv = conditions.find((condition) => condition.if.properties.type.const === 'Conv2D');
    expect(conv?.then.properties.params.properties.filters).toMatchObject({ type: 'integer', minimum: 1, maximum: 4096 });
    expect(conv?.then.properties.params.properties.padding).toMatchObject({ enum: ['valid', 'same', 'explicit'] });
  });
});
