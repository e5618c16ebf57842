// Long chains in rows: a left-to-right layout that the canvas cannot show at a readable zoom is cut
// between its columns (ELK's layers) into rows read left to right, top to bottom, as many as let
// Fit View show the whole graph largest. Cut into rows, each connected part of the graph starts a
// row, and a block shares a row only when it fits there whole, so block frames never overlap.
import type { Position } from './documentEdits.ts';

export interface LaidOutBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The connected part of the graph the layer belongs to (0 when not told): each part starts a row. */
  readonly part?: number;
  /** The layer's block ('' or absent: none): a block's layers start a row of their own. */
  readonly band?: string;
}

/** The vertical gap between two rows, room for the wire that runs back to the next row's start. */
export const ROW_GAP = 50;

interface Column {
  readonly left: number;
  readonly right: number;
  readonly part: number;
  /** The blocks of the column's layers. */
  readonly bands: ReadonlySet<string>;
  readonly boxes: LaidOutBox[];
}

/**
 * Boxes sharing a left edge (a layer of the layered layout) form one column, left to right; by
 * parts, each part's columns after the one before's.
 */
function columnsOf(boxes: readonly LaidOutBox[], byParts: boolean): Column[] {
  const byLeft = new Map<string, LaidOutBox[]>();
  for (const box of boxes) {
    const key = `${byParts ? (box.part ?? 0) : 0}:${box.x}`;
    byLeft.set(key, [...(byLeft.get(key) ?? []), box]);
  }
  return [...byLeft.values()]
    .map((members) => ({
      left: members[0].x,
      right: Math.max(...members.map((box) => box.x + box.width)),
      part: byParts ? (members[0].part ?? 0) : 0,
      bands: new Set(members.map((box) => box.band ?? '').filter((band) => band !== '')),
      boxes: members,
    }))
    .sort((a, b) => a.part - b.part || a.left - b.left);
}

/** What the blocks need of the rows: where each block's last column ends, and the blocks begun in rows above. */
interface BandRows {
  readonly right: ReadonlyMap<string, number>;
  readonly begun: Set<string>;
}

function bandsOf(row: readonly Column[]): Set<string> {
  return new Set(row.flatMap((member) => [...member.bands]));
}

/**
 * True when `column` begins a new row after `row`: the row would be too wide, or (`bands` given)
 * the column is of another part, or it begins a block while the row ends a block begun above, or
 * it begins a block that does not fit whole in the row. A block's frame then never takes in
 * another block's layers.
 */
function startsRow(row: readonly Column[], column: Column, maxWidth: number, bands: BandRows | null): boolean {
  if (row.length === 0) return false;
  if (column.right - row[0].left > maxWidth) return true;
  if (bands === null) return false;
  if (column.part !== row[0].part) return true;
  const rowBands = bandsOf(row);
  const entering = [...column.bands].filter((band) => !rowBands.has(band));
  if (entering.length === 0) return false;
  if ([...rowBands].some((band) => bands.begun.has(band))) return true;
  return entering.some((band) => (bands.right.get(band) ?? column.right) - row[0].left > maxWidth);
}

/** Columns grouped greedily into rows no wider than `maxWidth` (a row holds at least one column). */
function rowsOf(columns: readonly Column[], maxWidth: number, byBands: boolean): Column[][] {
  const right = new Map<string, number>();
  for (const column of columns) for (const band of column.bands) right.set(band, Math.max(right.get(band) ?? column.right, column.right));
  const bands = byBands ? { right, begun: new Set<string>() } : null;
  const rows: Column[][] = [];
  let row: Column[] = [];
  for (const column of columns) {
    if (startsRow(row, column, maxWidth, bands)) {
      for (const band of bandsOf(row)) bands?.begun.add(band);
      rows.push(row);
      row = [];
    }
    row.push(column);
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/**
 * Positions for `boxes` (a left-to-right layout): unchanged when they fit in `maxWidth`, else cut
 * into rows of whole columns, each row starting at the left edge and placed below the one before.
 * `byBands`: each part of the graph starts a row, and so does a block that would not fit whole
 * beside what the row holds, or that follows a block begun in a row above.
 */
export function wrapIntoRows(boxes: readonly LaidOutBox[], maxWidth: number, byBands = false): Map<string, Position> {
  const positions = new Map<string, Position>();
  const rows = rowsOf(columnsOf(boxes, byBands), maxWidth, byBands);
  let top = 0;
  for (const row of rows) {
    const members = row.flatMap((column) => column.boxes);
    const rowTop = Math.min(...members.map((box) => box.y));
    const rowBottom = Math.max(...members.map((box) => box.y + box.height));
    const left = row[0].left;
    for (const box of members) positions.set(box.id, { x: box.x - left, y: box.y - rowTop + top });
    top += rowBottom - rowTop + ROW_GAP;
  }
  return positions;
}

export interface Room {
  /** The canvas's size in px. */
  readonly width: number;
  readonly height: number;
  /** The zoom below which layer text is unreadable. */
  readonly readableZoom: number;
  /** Fit View's margins in px, left and right together (x) and top and bottom together (y). */
  readonly margins: { readonly x: number; readonly y: number };
}

function extent(positions: ReadonlyMap<string, Position>, boxes: readonly LaidOutBox[]): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (const box of boxes) {
    const at = positions.get(box.id) ?? box;
    width = Math.max(width, at.x + box.width);
    height = Math.max(height, at.y + box.height);
  }
  return { width, height };
}

/** The zoom at which Fit View shows `size` whole in `room` (inside its margins, or edge to edge). */
function fitZoom(size: { width: number; height: number }, room: Room, margins = room.margins): number {
  return Math.min((room.width - margins.x) / size.width, (room.height - margins.y) / size.height);
}

/**
 * The layout as `room` reads it best: the single row when it fits at a readable zoom; else the
 * fewest rows (parts and blocks cut as wrapIntoRows does) that Fit View shows at a readable zoom, cut as
 * evenly as that many rows allow; else, when no cut is readable, the one shown largest.
 */
export function rowsForRoom(boxes: readonly LaidOutBox[], room: Room): Map<string, Position> {
  const single = wrapIntoRows(boxes, Number.POSITIVE_INFINITY);
  // A single row that fits at the readable zoom, if only without Fit View's margins, stays one row.
  if (boxes.length === 0 || fitZoom(extent(single, boxes), room, { x: 0, y: 0 }) >= room.readableZoom) return single;
  const left = Math.min(...boxes.map((box) => box.x));
  const widths = [Number.POSITIVE_INFINITY, ...columnsOf(boxes, false).map((column) => column.right - left).sort((a, b) => b - a)];
  let largest = { positions: single, zoom: fitZoom(extent(single, boxes), room) };
  let readable: { positions: Map<string, Position>; rows: number } | null = null;
  for (const width of widths) {
    const rows = rowsOf(columnsOf(boxes, true), width, true).length;
    const positions = wrapIntoRows(boxes, width, true);
    const zoom = fitZoom(extent(positions, boxes), room);
    if (readable !== null) {
      // Narrower cuts into as many rows even out their lengths; one more row is not needed.
      if (rows !== readable.rows || zoom < room.readableZoom) break;
      readable = { positions, rows };
    } else if (zoom >= room.readableZoom) readable = { positions, rows };
    else if (zoom > largest.zoom * 1.01) largest = { positions, zoom };
  }
  return readable?.positions ?? largest.positions;
}
