// The generative labs' plain logic on hand-made numbers: the GAN lab's warnings (a discriminator
// that wins, a generator that fools it, collapse, modes missed), its history rows, the heat map's
// colours and the warped grid's lines; the latent plane's pixel mapping, nearest example, picks
// and image sheets.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import { appendRow, ganWarnings, lossAt, type GanRow } from '../../../renderer/learn/ganDynamics.ts';
import { gridLines, heatColour, heatImage } from '../../../renderer/learn/ganPlane.ts';
import { imageSheet } from '../../../renderer/learn/labImages.ts';
import { classCounts, nearestPoint, planeDescription, toPixel, toPlane } from '../../../renderer/learn/latentPlane.ts';
import { nextPicks } from '../../../renderer/learn/useInterpolation.ts';

function row(step: number, values: Partial<GanRow> = {}): GanRow {
  return { step, realScore: 0.5, fakeScore: 0.5, generatorLoss: 0.7, discriminatorLoss: 1.38, spreadRatio: 1, modes: null, ...values };
}

const kinds = (rows: readonly GanRow[]) => ganWarnings(rows).map((warning) => warning.kind);

describe('GAN warnings', () => {
  it('stays quiet at the balance: D scores both sides 0.5', () => {
    expect(kinds([row(1), row(2), row(3)])).toEqual([]);
    expect(kinds([])).toEqual([]);
  });

  it('warns that the discriminator wins when it is sure of both sides and the generator\'s loss rose by a fifth', () => {
    // G's loss 1.0 four snapshots back, 1.3 now (> 1.2 × 1.0); D(real) 0.95, D(fake) 0.05.
    const rows = [row(1, { generatorLoss: 1.0 }), row(2), row(3), row(4), row(5, { realScore: 0.95, fakeScore: 0.05, generatorLoss: 1.3 })];
    const [warning] = ganWarnings(rows);
    expect(warning.kind).toBe('discriminatorWins');
    expect(warning.explanation).toContain('D scores real examples 0.95 and generated ones 0.05');
    expect(warning.explanation).toContain('its loss is 1.30, up from 1.00');
    // The same verdicts with G's loss falling (1.0 to 0.9, below −ln 0.1 = 2.30): G still learns.
    expect(kinds([row(1, { generatorLoss: 1.0 }), row(5, { realScore: 0.95, fakeScore: 0.05, generatorLoss: 0.9 })])).toEqual([]);
    // D(fake) 0.15 is not sure enough (above 0.1), whatever the loss.
    expect(kinds([row(1, { generatorLoss: 1.0 }), row(5, { realScore: 0.95, fakeScore: 0.15, generatorLoss: 3 })])).toEqual([]);
  });

  it('warns that the generator wins when D scores fakes above real ones by 0.1 three snapshots running', () => {
    const fooled = { realScore: 0.4, fakeScore: 0.55 };
    expect(kinds([row(1, fooled), row(2, fooled), row(3, fooled)])).toEqual(['generatorWins']);
    expect(kinds([row(1), row(2, fooled), row(3, fooled)])).toEqual([]);
    expect(kinds([row(1, fooled), row(2, fooled), row(3, { realScore: 0.45, fakeScore: 0.55 })])).toEqual([]);
  });

  it('warns of collapse when the samples spread under a quarter as far as the data', () => {
    const [warning] = ganWarnings([row(1, { spreadRatio: 0.2 })]);
    expect(warning.kind).toBe('collapse');
    expect(warning.explanation).toContain('spread 0.20× as far as the real ones');
    expect(kinds([row(1, { spreadRatio: 0.3 })])).toEqual([]);
  });

  it('warns of missed modes when most points sit on modes but on half of them or fewer', () => {
    const [warning] = ganWarnings([row(1, { modes: { covered: 2, total: 8, onModes: 0.9 } })]);
    expect(warning.title).toBe('The samples cover 2 of 8 modes');
    expect(warning.explanation).toContain('90% of the generated points');
    // Spread out, off the modes: still learning, not collapsed.
    expect(kinds([row(1, { modes: { covered: 0, total: 8, onModes: 0.1 } })])).toEqual([]);
    expect(kinds([row(1, { modes: { covered: 5, total: 8, onModes: 0.9 } })])).toEqual([]);
  });
});

describe('GAN history', () => {
  const snapshot = (step: number, generatedSpread = 1): Extract<EngineEvent, { type: 'ganState' }> => ({ type: 'ganState', requestId: 1, step, epoch: 0, realScore: 0.6, fakeScore: 0.3, realSpread: 2, generatedSpread, modes: null, plane: null });

  it('adds a row per step, replaces a repeated step, and starts again when the steps go back (a new run)', () => {
    let rows = appendRow([], snapshot(3), { generator: 0.9, discriminator: 1.1 });
    expect(rows).toEqual([{ step: 3, realScore: 0.6, fakeScore: 0.3, generatorLoss: 0.9, discriminatorLoss: 1.1, spreadRatio: 0.5, modes: null }]);
    rows = appendRow(rows, snapshot(4), { generator: 1, discriminator: 1 });
    rows = appendRow(rows, snapshot(4, 2), { generator: 1, discriminator: 1 });
    expect(rows.map((entry) => [entry.step, entry.spreadRatio])).toEqual([
      [3, 0.5],
      [4, 1],
    ]);
    expect(appendRow(rows, snapshot(1), { generator: 1, discriminator: 1 }).map((entry) => entry.step)).toEqual([1]);
  });

  it('reads the loss at a step from the curves: the last value at or before it', () => {
    const series = { steps: [1, 2, 5], values: [0.9, 0.8, 0.4] };
    expect([lossAt(series, 4), lossAt(series, 5), lossAt(series, 9)]).toEqual([0.8, 0.4, 0.4]);
    expect(lossAt(series, 0)).toBeNaN();
    expect(lossAt(undefined, 3)).toBeNaN();
  });
});

describe('the GAN plane', () => {
  it('colours D\'s probability purple at 0, near white at 0.5, green at 1', () => {
    expect(heatColour(0)).toEqual([150, 82, 190]);
    expect(heatColour(0.5)).toEqual([238, 238, 238]);
    expect(heatColour(1)).toEqual([46, 160, 92]);
    // Halfway from white to green: (238 + 46) / 2 = 142, (238 + 160) / 2 = 199, (238 + 92) / 2 = 165.
    expect(heatColour(0.75)).toEqual([142, 199, 165]);
    expect(heatColour(Number.NaN)).toEqual([238, 238, 238]);
    const image = heatImage(Float32Array.of(0, 1, 0.5, 0.5), 2);
    expect([...image.pixels.slice(0, 8)]).toEqual([150, 82, 190, 255, 46, 160, 92, 255]);
  });

  it('draws the warped grid as its rows and its columns', () => {
    // A 2 × 2 grid: points a(0,0) b(1,0) / c(0,1) d(1,2).
    const lines = gridLines(Float32Array.of(0, 0, 1, 0, 0, 1, 1, 2), 2);
    expect(lines).toEqual([
      [0, 0, 1, 0],
      [0, 1, 1, 2],
      [0, 0, 0, 1],
      [1, 0, 1, 2],
    ]);
  });
});

describe('the latent plane', () => {
  const bounds = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };

  it('maps plane points to pixels with y up, and back', () => {
    expect(toPixel(bounds, 400, 0, 1)).toEqual([200, 200]);
    expect(toPixel(bounds, 400, -2, 3)).toEqual([0, 0]);
    expect(toPlane(bounds, 400, 100, 300)).toEqual([-1, 0]);
  });

  it('finds the example drawn nearest a press, within 8 pixels', () => {
    // (0, 1) is at pixel (200, 200), (1, 1) at (300, 200).
    const points = Float32Array.of(0, 1, 1, 1);
    expect(nearestPoint(points, bounds, 400, 296, 203)).toBe(1);
    expect(nearestPoint(points, bounds, 400, 250, 200)).toBe(-1);
  });

  it('picks a first example, a second, then starts again', () => {
    expect(nextPicks([], 4)).toEqual([4]);
    expect(nextPicks([4], 7)).toEqual([4, 7]);
    expect(nextPicks([4], 4)).toEqual([4]);
    expect(nextPicks([4, 7], 2)).toEqual([2]);
  });

  it('says what the plane is: the code itself, or its principal components with their shares', () => {
    expect(planeDescription(2, null)).toContain('drawn at its code');
    expect(planeDescription(16, { mean: [], first: [], second: [], explained: [0.614, 0.2] })).toContain('first two principal components (61% and 20% of the codes\' variance)');
    expect(classCounts([0, 2, 2, -1, 1], 3)).toEqual([1, 1, 2]);
  });

  it('lays decoded images side by side with a 1-pixel gap, grey for one channel', () => {
    // Two 1 × 2 images: [0, 1] and [0.5, 2 (clamped to 1)].
    const sheet = imageSheet({ count: 2, height: 1, width: 2, channels: 1, data: Float32Array.of(0, 1, 0.5, 2).buffer });
    expect([sheet.width, sheet.height]).toEqual([5, 1]);
    expect([...sheet.pixels].filter((_, index) => index % 4 === 0)).toEqual([0, 255, 0, 128, 255]);
    expect(sheet.pixels[2 * 4 + 3]).toBe(0);
  });
});
