// Writes the graph document's JSON Schema to assets/schema/ (`npm run schema`); a test fails when the copy is stale.
import { writeFileSync } from 'node:fs';
import { graphJsonSchema } from '../engine/graph/index.ts';
import { schemaPath, schemaText } from './schemaFile.ts';

writeFileSync(schemaPath, schemaText(graphJsonSchema()));
console.log(`wrote ${schemaPath}`);
