// The JSON Schema of the graph document, generated from the zod schema and the layer catalog,
// for editors (Monaco completion and checking). A committed copy is kept up to date by a test.
import { z } from 'zod';
import { GRAPH_VERSION, GraphDocumentSchema } from './document.ts';
import type { LayerSpec, ParamSpec } from './layerSpec.ts';
import { layerCatalog } from './layers/index.ts';

type JsonSchema = Record<string, unknown>;

export function graphJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(GraphDocumentSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  const properties = schema.properties as Record<string, JsonSchema>;
  const nodeItems = (properties.nodes as JsonSchema).items as JsonSchema;
  const nodeProperties = nodeItems.properties as Record<string, JsonSchema>;
  nodeProperties.type = { type: 'string', enum: [...layerCatalog.keys()], description: 'The layer type, from the catalog.' };
  nodeItems.allOf = [...layerCatalog.values()].map(layerCondition);
  return {
    $id: `https://netloom.dev/schema/graph-v${GRAPH_VERSION}.json`,
    title: `Netloom graph document, version ${GRAPH_VERSION}`,
    ...schema,
  };
}

function layerCondition(spec: LayerSpec): JsonSchema {
  const params: Record<string, JsonSchema> = {};
  for (const [name, param] of Object.entries(spec.params)) params[name] = paramSchema(param);
  return {
    if: { properties: { type: { const: spec.type } }, required: ['type'] },
    then: { properties: { params: { type: 'object', description: spec.summary, properties: params, additionalProperties: false } } },
  };
}

function paramSchema(param: ParamSpec): JsonSchema {
  const base = { description: param.doc, default: param.default };
  switch (param.kind) {
    case 'int':
      return { ...base, type: 'integer', minimum: param.min, maximum: param.max };
    case 'float':
      return { ...base, type: 'number', minimum: param.min, maximum: param.max };
    case 'bool':
      return { ...base, type: 'boolean' };
    case 'enum':
      return { ...base, type: 'string', enum: [...param.options] };
    case 'intList':
      return { ...base, type: 'array', items: { type: 'integer', minimum: param.min, maximum: param.max }, minItems: param.minLength, maxItems: param.maxLength };
  }
}
