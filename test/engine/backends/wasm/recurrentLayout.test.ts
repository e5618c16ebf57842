// The recurrent kernels' parameter block: the host (kernels/recurrentPhases.ts) writes the fields
// at the positions the kernels (assembly/recurrent.ts) read, and sizes tiles and panels alike.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHUNK, PANEL, RECURRENT_FIELDS, ROWS, TILE_FLOATS } from '../../../../engine/backends/wasm/kernels/recurrentPhases.ts';

const KERNEL_SOURCE = new URL('../../../../engine/backends/wasm/assembly/recurrent.ts', import.meta.url);

describe('wasm recurrent parameter block', () => {
  it('has the field numbers and tile sizes the kernels read', () => {
    const source = readFileSync(KERNEL_SOURCE, 'utf8');
    const constants = new Map([...source.matchAll(/export const (\w+) = ([\w *]+);/g)].map(([, name, value]) => [name, value]));
    const host: Record<string, number> = { ...RECURRENT_FIELDS, PANEL, ROWS };
    expect(Object.keys(RECURRENT_FIELDS)).toHaveLength(15);
    for (const [name, value] of Object.entries(host)) expect(Number(constants.get(name)), name).toBe(value);
    expect(constants.get('TILE_FLOATS')).toBe('ROWS * PANEL');
    expect(TILE_FLOATS).toBe(ROWS * PANEL);
    expect(constants.get('CHUNK')).toBe('2 * ROWS');
    expect(CHUNK).toBe(2 * ROWS);
  });
});
