// The arrow keys move the selection by a grid step (Shift: five), as one undoable edit per burst of
// presses: presses that follow each other within NUDGE_BURST_MS on the same layers undo together.
import type { GraphDocument } from '../../engine/graph/index.ts';
import { GRID } from './canvasEdits.ts';
import { selectedLayers } from './collapsedBlocks.ts';
import { moveNodes, type Position } from './documentEdits.ts';

export const FAR_NUDGE_STEPS = 5;
export const NUDGE_BURST_MS = 1000;

const DIRECTIONS: Readonly<Record<string, Position>> = {
  ArrowUp: { x: 0, y: -1 },
  ArrowDown: { x: 0, y: 1 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowRight: { x: 1, y: 0 },
};

/** How far an arrow key moves the selection; null for any other key. */
export function nudgeDelta(key: string, far: boolean): Position | null {
  const direction = DIRECTIONS[key];
  if (direction === undefined) return null;
  const step = GRID * (far ? FAR_NUDGE_STEPS : 1);
  return { x: direction.x * step, y: direction.y * step };
}

/** Moves the selected layers (and the members of selected collapsed blocks) by `delta`. */
export function nudgeLayers(document: GraphDocument, selectedIds: Iterable<string>, delta: Position): GraphDocument {
  const layers = selectedLayers(document, selectedIds);
  const positions = new Map<string, Position>();
  for (const node of document.nodes) if (layers.has(node.id)) positions.set(node.id, { x: node.position.x + delta.x, y: node.position.y + delta.y });
  return moveNodes(document, positions);
}

export interface NudgeBurst {
  /** The merge key for a press at `now` on these layers: the same as the last press's while the burst goes on. */
  keyFor(selectionKey: string, now: number): string;
}

export function createNudgeBurst(): NudgeBurst {
  let serial = 0;
  let last: { selection: string; at: number } | null = null;
  return {
    keyFor(selection, now) {
      if (last === null || last.selection !== selection || now - last.at > NUDGE_BURST_MS) serial++;
      last = { selection, at: now };
      return `nudge:${serial}`;
    },
  };
}
