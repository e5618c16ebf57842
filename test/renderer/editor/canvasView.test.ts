import { describe, expect, it } from 'vitest';
import { boundsOf, clearOfNodes, graphOutOfView, minimapBox, minimapFits } from '../../../renderer/editor/canvasView.ts';

function placed(x: number, y: number, width?: number, height?: number) {
  return { internals: { positionAbsolute: { x, y } }, measured: { width, height } };
}

describe('canvasView', () => {
  it('draws the minimap only on a canvas of at least 640 × 360 px', () => {
    expect(minimapFits(640, 360)).toBe(true);
    expect(minimapFits(639, 360)).toBe(false);
    expect(minimapFits(640, 359)).toBe(false);
  });

  it('tells whether the graph reaches past the canvas at the current pan and zoom', () => {
    const bounds = { x: 0, y: 0, width: 100, height: 50 };
    expect(graphOutOfView(bounds, [10, 10, 1], 200, 100)).toBe(false);
    // Zoom 2: the right edge lands at 10 + 200 = 210 > 200.
    expect(graphOutOfView(bounds, [10, 10, 2], 200, 100)).toBe(true);
    expect(graphOutOfView(bounds, [-1, 10, 1], 200, 100)).toBe(true);
    expect(graphOutOfView({ x: 0, y: 0, width: 0, height: 0 }, [0, 0, 1], 200, 100)).toBe(false);
  });

  it('places the minimap 15 px in from the bottom right corner and tells whether a layer is drawn under it', () => {
    const box = minimapBox(1000, 500);
    expect(box).toEqual({ x: 835, y: 393, width: 150, height: 92 });
    // A 200 × 60 layer at (600, 300), zoom 1, no pan: right edge 800 < 835, clear.
    expect(clearOfNodes(box, [placed(600, 300, 200, 60)], [0, 0, 1])).toBe(true);
    // Panned 40 px right: its right edge reaches 840 and its bottom 360 < 393: still clear (above the map).
    expect(clearOfNodes(box, [placed(600, 300, 200, 60)], [40, 0, 1])).toBe(true);
    // Panned 40 px right and 40 px down: 840 > 835 and 400 > 393, under the map.
    expect(clearOfNodes(box, [placed(600, 300, 200, 60)], [40, 40, 1])).toBe(false);
    // At zoom 1.5 the layer spans 900 × 450 to 1200 × 540.
    expect(clearOfNodes(box, [placed(600, 300, 200, 60)], [0, 0, 1.5])).toBe(false);
    expect(clearOfNodes(box, [placed(900, 450)], [0, 0, 1])).toBe(true);
  });

  it('bounds the measured nodes only', () => {
    expect(boundsOf([placed(10, 20, 100, 40), placed(-30, 50, 20, 30), placed(500, 500)])).toEqual({ x: -30, y: 20, width: 140, height: 60 });
    expect(boundsOf([placed(1, 1)])).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});
