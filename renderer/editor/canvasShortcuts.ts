// Keys the canvas answers, read from the app's shortcut table (document/shortcuts.ts): layout,
// the clipboard, duplicate, group and ungroup, select all, clear the selection, and the arrow keys
// that move the selection.
import { shortcutFor, type KeyPress } from '../document/shortcuts.ts';

export const CANVAS_COMMANDS = ['layout', 'copy', 'cut', 'paste', 'pasteWithoutEdges', 'duplicate', 'group', 'ungroup', 'selectAll', 'deselect', 'nudge', 'nudgeFar'] as const;

export type CanvasCommand = (typeof CANVAS_COMMANDS)[number];

export function canvasCommand(press: KeyPress, isMac: boolean): CanvasCommand | null {
  return shortcutFor(press, isMac, CANVAS_COMMANDS);
}
