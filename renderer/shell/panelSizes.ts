// The sizes of the window's panels: the palette and the inspector (widths) and the training dock
// (height). Each can be collapsed and resized; what the user chose is remembered (localStorage),
// and the window's size bounds what is drawn so the canvas keeps at least 60% of the window's width.

export type PanelName = 'palette' | 'inspector' | 'dock';

export interface PanelState {
  readonly open: boolean;
  /** Width (palette, inspector) or height (dock) in px; null: the default for the window's size. */
  readonly size: number | null;
}

export type PanelStates = Readonly<Record<PanelName, PanelState>>;

export interface PanelBounds {
  readonly min: number;
  readonly max: number;
}

/** Sizes when open: the side panels' default widths, and their smallest usable ones. */
export const SIDE_PANELS = {
  palette: { default: 220, min: 150, max: 420 },
  inspector: { default: 300, min: 240, max: 560 },
} as const;

/** A collapsed side panel's rail, and a collapsed dock's header. */
export const RAIL_WIDTH = 28;
export const DOCK_HEADER_HEIGHT = 30;
/** The dock's smallest height, and the canvas height it always leaves above it. */
export const DOCK_MIN = 140;
export const CANVAS_MIN_HEIGHT = 200;
/** The share of the window's width the canvas always keeps: the side panels shrink and fold for it. */
export const CANVAS_MIN_SHARE = 0.6;

const STORAGE_KEY = 'netloom.layout.panels';

export const DEFAULT_PANELS: PanelStates = { palette: { open: true, size: null }, inspector: { open: true, size: null }, dock: { open: true, size: null } };

/** The dock's default height: 40% of the room between the bars (at 1440×900 the loss chart and the task's pictures in full), within its bounds. */
export function defaultDockHeight(centerHeight: number): number {
  return clamp(Math.round(centerHeight * 0.4), dockBounds(centerHeight).min, Math.min(460, dockBounds(centerHeight).max));
}

export function dockBounds(centerHeight: number): PanelBounds {
  return { min: DOCK_MIN, max: Math.max(DOCK_MIN, centerHeight - CANVAS_MIN_HEIGHT) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export interface DrawnSizes {
  /** 0 when collapsed to its rail. */
  readonly palette: number;
  readonly inspector: number;
  /** The dock's height when open; the header's when collapsed. */
  readonly dock: number;
  /** Open side panels the window had no room for: drawn as rails until the window is wider. */
  readonly squeezed: readonly ('palette' | 'inspector')[];
}

/**
 * What is drawn for a window of `width` × `centerHeight` (the room between the top and status bars):
 * the side panels shrink toward their minimums, then the inspector and then the palette fold to
 * rails, until the canvas has 60% of the window's width; the dock leaves the canvas 200 px.
 */
export function drawnSizes(states: PanelStates, width: number, centerHeight: number): DrawnSizes {
  const wanted = {
    palette: states.palette.open ? clamp(states.palette.size ?? SIDE_PANELS.palette.default, SIDE_PANELS.palette.min, SIDE_PANELS.palette.max) : 0,
    inspector: states.inspector.open ? clamp(states.inspector.size ?? SIDE_PANELS.inspector.default, SIDE_PANELS.inspector.min, SIDE_PANELS.inspector.max) : 0,
  };
  const rails = (wanted.palette === 0 ? RAIL_WIDTH : 0) + (wanted.inspector === 0 ? RAIL_WIDTH : 0);
  const room = Math.floor(width * (1 - CANVAS_MIN_SHARE)) - rails;
  const squeezed: ('palette' | 'inspector')[] = [];
  let { palette, inspector } = wanted;
  const excess = () => palette + inspector - room;
  // First shrink both toward their minimums, the wider one first.
  if (excess() > 0) inspector = Math.max(inspector === 0 ? 0 : SIDE_PANELS.inspector.min, inspector - excess());
  if (excess() > 0) palette = Math.max(palette === 0 ? 0 : SIDE_PANELS.palette.min, palette - excess());
  for (const name of ['inspector', 'palette'] as const) {
    const drawn = name === 'inspector' ? inspector : palette;
    if (excess() <= 0 || drawn === 0) continue;
    squeezed.push(name);
    if (name === 'inspector') inspector = 0;
    else palette = 0;
  }
  const bounds = dockBounds(centerHeight);
  const dock = states.dock.open ? clamp(states.dock.size ?? defaultDockHeight(centerHeight), bounds.min, bounds.max) : DOCK_HEADER_HEIGHT;
  return { palette, inspector, dock, squeezed };
}

function readState(value: unknown): PanelState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { open, size } = value as { open?: unknown; size?: unknown };
  if (typeof open !== 'boolean') return null;
  return { open, size: typeof size === 'number' && Number.isFinite(size) && size > 0 ? Math.round(size) : null };
}

/** The remembered states; anything missing or malformed is the default. */
export function loadPanels(storage: Pick<Storage, 'getItem'>): PanelStates {
  let saved: unknown = null;
  try {
    saved = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    saved = null;
  }
  const record = typeof saved === 'object' && saved !== null ? (saved as Record<string, unknown>) : {};
  return {
    palette: readState(record.palette) ?? DEFAULT_PANELS.palette,
    inspector: readState(record.inspector) ?? DEFAULT_PANELS.inspector,
    dock: readState(record.dock) ?? DEFAULT_PANELS.dock,
  };
}

export function savePanels(storage: Pick<Storage, 'setItem'>, states: PanelStates): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(states));
  } catch {
    // A full or disabled storage only loses the remembered sizes.
  }
}
