// Runs `netloom` commands in-process and captures what they print.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../engine/cli/main.ts';
import type { Output } from '../../../engine/cli/output.ts';

export const root = join(import.meta.dirname, '../../..');
export const folder = mkdtempSync(join(tmpdir(), 'netloom-cli-'));

export async function netloom(...argv: string[]) {
  const lines = { out: [] as string[], error: [] as string[] };
  const output: Output = { out: (text) => lines.out.push(text), error: (text) => lines.error.push(text), write: (text) => lines.error.push(text) };
  const code = await main(argv, output);
  return { code, ...lines };
}

export function writeJson(name: string, value: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

export function jsonLines(lines: readonly string[]): { type: string; losses?: Record<string, number>; [key: string]: unknown }[] {
  return lines.map((line) => JSON.parse(line) as { type: string });
}

export function stepLosses(lines: readonly string[], name = 'loss'): number[] {
  return jsonLines(lines).filter((line) => line.type === 'step').map((line) => (line.losses as Record<string, number>)[name]);
}
