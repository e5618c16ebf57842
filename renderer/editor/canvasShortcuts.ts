// Keys the canvas answers: Shift+L lays out; Ctrl/Cmd+C, X, V, D copy, cut, paste and duplicate
// layers; Ctrl/Cmd+Shift+V pastes them without the edges among them; Ctrl/Cmd+G groups the
// selection into a block, Ctrl/Cmd+Shift+G ungroups it.
import type { KeyPress } from '../document/shortcuts.ts';

export type CanvasCommand = 'layout' | 'copy' | 'cut' | 'paste' | 'pasteWithoutEdges' | 'duplicate' | 'group' | 'ungroup';

export function canvasCommand(press: KeyPress, isMac: boolean): CanvasCommand | null {
  const primary = isMac ? press.metaKey : press.ctrlKey;
  const key = press.key.toLowerCase();
  if (press.altKey) return null;
  if (!primary && !press.ctrlKey && !press.metaKey && press.shiftKey && key === 'l') return 'layout';
  if (primary && press.shiftKey && key === 'v') return 'pasteWithoutEdges';
  if (primary && key === 'g') return press.shiftKey ? 'ungroup' : 'group';
  if (!primary || press.shiftKey) return null;
  if (key === 'c') return 'copy';
  if (key === 'x') return 'cut';
  if (key === 'v') return 'paste';
  if (key === 'd') return 'duplicate';
  return null;
}
