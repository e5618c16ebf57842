import { describe, expect, it } from 'vitest';
import { blockCatalog, layerCatalog } from '../../../engine/graph/index.ts';
import { CATEGORY_ORDER, decodePaletteEntry, encodePaletteEntry, paletteSections } from '../../../renderer/editor/paletteModel.ts';

describe('palette', () => {
  it('lists every catalog layer and block once, under its category, in order', () => {
    const sections = paletteSections();
    expect(sections.map((section) => section.category)).toEqual(CATEGORY_ORDER);
    const names = sections.flatMap((section) => section.entries.map((entry) => entry.name));
    expect(names.sort()).toEqual([...layerCatalog.keys(), ...blockCatalog.keys()].sort());
    const convolution = sections.find((section) => section.category === 'Convolution');
    expect(convolution?.entries.map((entry) => entry.name).slice(0, 2)).toEqual(['Conv2D', 'MaxPool2D']);
    expect(sections.find((section) => section.category === 'GAN blocks')?.entries.every((entry) => entry.kind === 'block')).toBe(true);
  });

  it('filters by name or summary, dropping empty sections', () => {
    const pooling = paletteSections('pool');
    expect(pooling.map((section) => section.category)).toEqual(['Convolution']);
    expect(pooling[0].entries.map((entry) => entry.name)).toEqual(['MaxPool2D', 'AvgPool2D', 'GlobalAvgPool']);
    expect(paletteSections('no such layer')).toEqual([]);
  });

  it('round-trips drag payloads and rejects anything else', () => {
    expect(decodePaletteEntry(encodePaletteEntry({ name: 'Dense', kind: 'layer' }))).toEqual({ name: 'Dense', kind: 'layer' });
    expect(decodePaletteEntry('{"name":"Dense","kind":"other"}')).toBeNull();
    expect(decodePaletteEntry('not json')).toBeNull();
    expect(decodePaletteEntry('null')).toBeNull();
  });
});
