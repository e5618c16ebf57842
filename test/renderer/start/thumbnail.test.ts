import { describe, expect, it } from 'vitest';
import { NODE_SIZE, thumbnailOf } from '../../../renderer/start/thumbnail.ts';
import { example, exampleInOneRow } from '../documents.ts';

const box = { width: 280, height: 120, padding: 10 };

describe('template thumbnails', () => {
  it('fits a row of layers into the box, centred, keeping proportions', () => {
    const { document } = exampleInOneRow('xo-cnn');
    const thumbnail = thumbnailOf(document, box);
    expect(thumbnail.boxes).toHaveLength(7);
    // 7 layers 220 apart: 1320 + 150 wide, 100 high; the width limits the scale.
    const scale = (280 - 20) / (1320 + NODE_SIZE.width);
    const first = thumbnail.boxes[0];
    const last = thumbnail.boxes[6];
    expect(first?.x).toBeCloseTo(10, 0);
    expect((last?.x ?? 0) + (last?.width ?? 0)).toBeCloseTo(270, 0);
    expect(first?.width).toBeCloseTo(NODE_SIZE.width * scale, 0);
    expect(first?.height).toBeCloseTo(NODE_SIZE.height * scale, 0);
    // Centred vertically.
    expect((first?.y ?? 0) * 2 + (first?.height ?? 0)).toBeCloseTo(120, 0);
    for (const item of thumbnail.boxes) {
      expect(item.x).toBeGreaterThanOrEqual(box.padding - 0.1);
      expect(item.x + item.width).toBeLessThanOrEqual(box.width - box.padding + 0.1);
    }
    expect(thumbnail.boxes.map((item) => item.tone)).toEqual(['io', 'convolution', 'activation', 'convolution', 'core', 'core', 'io']);
  });

  it('draws each edge from the source right side to the target left side', () => {
    const { document } = example('xo-cnn');
    const thumbnail = thumbnailOf(document, box);
    expect(thumbnail.edges).toHaveLength(document.edges.length);
    const [source, target] = thumbnail.boxes;
    const path = thumbnail.edges[0]?.path ?? '';
    const numbers = path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    expect(path.startsWith('M')).toBe(true);
    expect(numbers[0]).toBeCloseTo((source?.x ?? 0) + (source?.width ?? 0), 0);
    expect(numbers[1]).toBeCloseTo((source?.y ?? 0) + (source?.height ?? 0) / 2, 0);
    expect(numbers[6]).toBeCloseTo(target?.x ?? 0, 0);
    expect(numbers[7]).toBeCloseTo((target?.y ?? 0) + (target?.height ?? 0) / 2, 0);
  });

  it('uses both rows of a two-row graph and never enlarges a small one', () => {
    const two = thumbnailOf(exampleInOneRow('dcgan-mnist').document, box);
    const rows = new Set(two.boxes.map((item) => item.y));
    expect(rows.size).toBe(2);
    const tiny = thumbnailOf({ nodes: [{ id: 'a', type: 'Input', params: {}, position: { x: 500, y: -40 } }], edges: [] }, box);
    expect(tiny.boxes[0]).toMatchObject({ x: 65, y: 10, width: 150, height: 100 });
    expect(thumbnailOf({ nodes: [], edges: [] }, box).boxes).toEqual([]);
  });

  it('skips edges whose ends are missing', () => {
    const { document } = example('mnist-mlp');
    const broken = { nodes: document.nodes, edges: [...document.edges, { id: 'ghost', source: 'nowhere', sourcePort: 'out', target: 'input1', targetPort: 'in' }] };
    expect(thumbnailOf(broken, box).edges.map((edge) => edge.id)).not.toContain('ghost');
  });
});
