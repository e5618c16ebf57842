import { describe, expect, it } from 'vitest';
import { splitBar } from '../../../renderer/shell/topBarOverflow.ts';

const items = [
  { id: 'a', width: 50 },
  { id: 'b', width: 60 },
  { id: 'c', width: 70 },
];

describe('splitBar', () => {
  it('keeps every item when they fit with their gaps (50 + 60 + 70 + 2 × 4 = 188 px)', () => {
    expect(splitBar(items, 188, 4, 36, [])).toEqual({ shown: ['a', 'b', 'c'], overflow: [] });
  });

  it('keeps the ⋯ button and the items most needed that fit beside it, in display order', () => {
    // 36 + 4 + 70 (c) = 110; + 4 + 50 (a) = 164 > 150: only c stays.
    expect(splitBar(items, 150, 4, 36, ['c', 'a'])).toEqual({ shown: ['c'], overflow: ['a', 'b'] });
    // 36 + 4 + 70 + 4 + 50 = 164 ≤ 170: c and a stay, shown in display order.
    expect(splitBar(items, 170, 4, 36, ['c', 'a'])).toEqual({ shown: ['a', 'c'], overflow: ['b'] });
  });

  it('puts items the priority does not name last', () => {
    expect(splitBar(items, 100, 4, 36, ['b'])).toEqual({ shown: ['b'], overflow: ['a', 'c'] });
  });
});
