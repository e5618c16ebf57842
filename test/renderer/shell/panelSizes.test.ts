import { describe, expect, it } from 'vitest';
import { DEFAULT_PANELS, drawnSizes, loadPanels, savePanels, type PanelStates } from '../../../renderer/shell/panelSizes.ts';

function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> {
  const items = new Map(Object.entries(initial));
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('drawnSizes', () => {
  it('draws the defaults at 1440×900 (824 px between the bars): palette 220, inspector 300, dock 40% = 330', () => {
    expect(drawnSizes(DEFAULT_PANELS, 1440, 824)).toEqual({ palette: 220, inspector: 300, dock: 330, squeezed: [] });
  });

  it('at 800×600 shrinks both side panels to their minimums, then folds the inspector so the canvas keeps 60%', () => {
    // Room for panels: 320 px. 220 + 300 → inspector 240, palette 150: still 70 px over, so the inspector folds.
    expect(drawnSizes(DEFAULT_PANELS, 800, 524)).toEqual({ palette: 150, inspector: 0, dock: 210, squeezed: ['inspector'] });
  });

  it('keeps a remembered dock height within 140 px and the height that leaves the canvas 200 px', () => {
    const tall: PanelStates = { ...DEFAULT_PANELS, dock: { open: true, size: 1000 } };
    expect(drawnSizes(tall, 1440, 824).dock).toBe(624);
    const short: PanelStates = { ...DEFAULT_PANELS, dock: { open: true, size: 20 } };
    expect(drawnSizes(short, 1440, 824).dock).toBe(140);
  });

  it('draws a closed dock as its 30 px header and a closed palette as 0 (its rail), leaving the inspector its width', () => {
    const closed: PanelStates = { palette: { open: false, size: 300 }, inspector: { open: true, size: 400 }, dock: { open: false, size: 300 } };
    // Room: 0.4 × 1000 − 28 (the palette's rail) = 372: the inspector shrinks from 400 to 372.
    expect(drawnSizes(closed, 1000, 700)).toEqual({ palette: 0, inspector: 372, dock: 30, squeezed: [] });
  });
});

describe('loadPanels and savePanels', () => {
  it('reads back what was saved, sizes rounded', () => {
    const storage = memoryStorage();
    savePanels(storage, { ...DEFAULT_PANELS, dock: { open: false, size: 300.4 } });
    expect(loadPanels(storage)).toEqual({ ...DEFAULT_PANELS, dock: { open: false, size: 300 } });
  });

  it('falls back to the defaults for malformed or missing entries', () => {
    expect(loadPanels(memoryStorage({ 'netloom.layout.panels': '{' }))).toEqual(DEFAULT_PANELS);
    const partial = memoryStorage({ 'netloom.layout.panels': JSON.stringify({ palette: { open: 'yes' }, inspector: { open: false, size: -5 } }) });
    expect(loadPanels(partial)).toEqual({ ...DEFAULT_PANELS, inspector: { open: false, size: null } });
  });
});
