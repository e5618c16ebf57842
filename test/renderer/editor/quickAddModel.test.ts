import { describe, expect, it } from 'vitest';
import { moveHighlight, quickAddEntries } from '../../../renderer/editor/quickAddModel.ts';

describe('quick add', () => {
  it('puts name prefixes first, then name matches, then summary matches', () => {
    const names = quickAddEntries('conv', 50).map((entry) => entry.name);
    expect(names.slice(0, 2)).toEqual(['Conv2D', 'ConvTranspose2D']);
    expect(quickAddEntries('dense').map((entry) => entry.name)[0]).toBe('Dense');
    expect(quickAddEntries('pool').map((entry) => entry.name)).toEqual(expect.arrayContaining(['MaxPool2D', 'AvgPool2D']));
  });

  it('lists layers and blocks, case-insensitively, up to a limit', () => {
    expect(quickAddEntries('GENERATOR', 50).some((entry) => entry.kind === 'block' && entry.name === 'Generator')).toBe(true);
    expect(quickAddEntries('', 5)).toHaveLength(5);
    expect(quickAddEntries('no such layer')).toEqual([]);
  });

  it('wraps the highlight around the list', () => {
    expect(moveHighlight(0, -1, 3)).toBe(2);
    expect(moveHighlight(2, 1, 3)).toBe(0);
    expect(moveHighlight(0, 1, 0)).toBe(0);
  });
});
