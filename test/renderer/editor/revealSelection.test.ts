import { describe, expect, it } from 'vitest';
import { panIntoView } from '../../../renderer/editor/useRevealSelection.ts';

describe('panIntoView', () => {
  const box = { x: 100, y: 50, width: 150, height: 80 };

  it('pans just far enough to show the box with a margin, and not at all when it shows', () => {
    // Zoom 1: the box spans x 100..250. In a 200-wide pane its right edge must come to 160.
    expect(panIntoView(box, [0, 0, 1], 200, 600)).toBeNull();
    expect(panIntoView(box, [0, 0, 1], 400, 600)).toEqual({ x: 0, y: 0 });
    expect(panIntoView(box, [0, 0, 1], 280, 600)).toEqual({ x: -10, y: 0 });
    expect(panIntoView(box, [-300, 0, 1], 800, 600)).toEqual({ x: 240, y: 0 });
    // Zoom 2: y 100..260 on screen; a 250-high pane needs it up by 50.
    expect(panIntoView(box, [0, 0, 2], 800, 250)).toEqual({ x: 0, y: -50 });
    expect(panIntoView(box, [0, -200, 2], 800, 600)).toEqual({ x: 0, y: 140 });
  });

  it('gives up (null) when the box cannot fit at this zoom', () => {
    expect(panIntoView(box, [0, 0, 4], 600, 600)).toBeNull();
    expect(panIntoView(box, [0, 0, 1], 800, 150)).toBeNull();
  });
});
