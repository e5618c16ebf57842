import { describe, expect, it } from 'vitest';
import { rowsForRoom, wrapIntoRows, type LaidOutBox } from '../../../renderer/editor/layoutRows.ts';

/** A chain of `count` boxes 200 × 60, one per column, 220 px apart (ELK's left-to-right layout). */
function chain(count: number): LaidOutBox[] {
  return Array.from({ length: count }, (_, index) => ({ id: `n${index}`, x: index * 220, y: 0, width: 200, height: 60 }));
}

describe('wrapIntoRows', () => {
  it('cuts between columns and stacks the rows 50 px apart, each starting at the left', () => {
    const boxes = [0, 100, 200, 300].map((x, index) => ({ id: `n${index}`, x, y: 0, width: 80, height: 40 }));
    expect(Object.fromEntries(wrapIntoRows(boxes, 180))).toEqual({ n0: { x: 0, y: 0 }, n1: { x: 100, y: 0 }, n2: { x: 0, y: 90 }, n3: { x: 100, y: 90 } });
  });

  it('leaves a layout that fits as it is', () => {
    expect(Object.fromEntries(wrapIntoRows(chain(3), Number.POSITIVE_INFINITY))).toEqual({ n0: { x: 0, y: 0 }, n1: { x: 220, y: 0 }, n2: { x: 440, y: 0 } });
  });
});

describe('rowsForRoom', () => {
  const room = { width: 400, height: 400, readableZoom: 0.8, margins: { x: 76, y: 76 } };

  it('keeps one row when it fits at the readable zoom', () => {
    // 2180 × 60 in 2400 px: zoom 1.1 without margins.
    const positions = rowsForRoom(chain(10), { ...room, width: 2400 });
    expect(positions.get('n9')).toEqual({ x: 1980, y: 0 });
  });

  it('picks the rows Fit View shows largest: 10 layers in a 400 × 400 canvas go two to a row', () => {
    // 324 × 324 px inside the margins. Two per row: 420 × 500 → zoom 324 / 500 = 0.65; one per row
    // (200 × 1050) 0.31, three (640 × 390) 324 / 640 = 0.51, four (860 × 280) 0.38.
    const positions = rowsForRoom(chain(10), room);
    for (let index = 0; index < 10; index += 1) expect(positions.get(`n${index}`)).toEqual({ x: (index % 2) * 220, y: Math.floor(index / 2) * 110 });
  });

  it('takes the fewest rows that read, cut as evenly as that many rows allow', () => {
    // 1024 × 524 px inside the margins. One row (1520 wide) 0.67 and six columns (1300) 0.79 do not
    // read; five columns make two rows (0.95), and so do four (4 + 3: 1024 / 860 = 1.19), three make three.
    const positions = rowsForRoom(chain(7), { ...room, width: 1100, height: 600 });
    expect(positions.get('n3')).toEqual({ x: 660, y: 0 });
    expect(positions.get('n4')).toEqual({ x: 0, y: 110 });
    expect(positions.get('n6')).toEqual({ x: 440, y: 110 });
  });

  it('cut into rows, starts a row at each part, and at a block that would not fit whole beside the row', () => {
    // Two parts side by side in ELK's layout (as the DCGAN's generator and discriminator):
    // part 0 is a block of three, part 1 a layer outside blocks then a block of two.
    const boxes: LaidOutBox[] = [
      ...chain(3).map((box) => ({ ...box, part: 0, band: 'generator' })),
      { id: 'd0', x: 0, y: 100, width: 200, height: 60, part: 1, band: '' },
      { id: 'd1', x: 220, y: 100, width: 200, height: 60, part: 1, band: 'discriminator' },
      { id: 'd2', x: 440, y: 100, width: 200, height: 60, part: 1, band: 'discriminator' },
    ];
    // 640 × 160 in one piece: zoom (400 − 76) / 640 = 0.51 < 0.8, so it is cut; by blocks the rows
    // are 640 wide and 60 + 50 + 60 = 170 high (zoom 0.51 again), narrower cuts are taller but
    // read larger: two columns a row, 420 × (4 × 60 + 3 × 50) = 390 → 0.77, where the
    // discriminator (440 wide) does not fit beside d0 and starts the fourth row.
    const positions = Object.fromEntries(rowsForRoom(boxes, room));
    expect(positions).toEqual({
      n0: { x: 0, y: 0 },
      n1: { x: 220, y: 0 },
      n2: { x: 0, y: 110 },
      d0: { x: 0, y: 220 },
      d1: { x: 0, y: 330 },
      d2: { x: 220, y: 330 },
    });
  });

  it('lets a block share a row only when it fits there whole, and never after a block begun above', () => {
    const fitting: LaidOutBox[] = chain(4).map((box, index) => ({ ...box, band: index < 2 ? 'encoder' : 'decoder' }));
    expect(Object.fromEntries(wrapIntoRows(fitting, Number.POSITIVE_INFINITY, true))).toEqual({ n0: { x: 0, y: 0 }, n1: { x: 220, y: 0 }, n2: { x: 440, y: 0 }, n3: { x: 660, y: 0 } });
    // Rows 420 wide: block a (three layers) wraps; block b would fit beside a's last layer, but a's
    // frame would then take it in, so b starts the third row, with the layer outside blocks after it.
    const bands = ['a', 'a', 'a', 'b', ''];
    const wrapping: LaidOutBox[] = chain(5).map((box, index) => ({ ...box, band: bands[index] }));
    expect(Object.fromEntries(wrapIntoRows(wrapping, 420, true))).toEqual({ n0: { x: 0, y: 0 }, n1: { x: 220, y: 0 }, n2: { x: 0, y: 110 }, n3: { x: 0, y: 220 }, n4: { x: 220, y: 220 } });
  });
});
