// The example graphs in assets/examples, read once for tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const examplesFolder = join(import.meta.dirname, '../../../assets/examples');

export function readExamples(): { name: string; document: Record<string, unknown> }[] {
  return readdirSync(examplesFolder)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ name: file, document: JSON.parse(readFileSync(join(examplesFolder, file), 'utf8')) as Record<string, unknown> }));
}
