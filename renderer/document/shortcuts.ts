// Keyboard shortcuts for the file commands (the browser; Electron's menu has accelerators).
import type { MenuCommand } from '../platform/platform.ts';

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

/** Ctrl (Cmd on macOS) + N, O, S, Shift+S. */
export function shortcutCommand(press: KeyPress, isMac: boolean): MenuCommand | null {
  const primary = isMac ? press.metaKey : press.ctrlKey;
  if (!primary || press.altKey) return null;
  switch (press.key.toLowerCase()) {
    case 'n':
      return press.shiftKey ? null : 'new';
    case 'o':
      return press.shiftKey ? null : 'open';
    case 's':
      return press.shiftKey ? 'saveAs' : 'save';
    default:
      return null;
  }
}

export function isMacPlatform(userAgent: string): boolean {
  return /Mac|iPhone|iPad/.test(userAgent);
}

export type HistoryCommand = 'undo' | 'redo';

/** Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo (Cmd+Z, Cmd+Shift+Z on macOS). */
export function historyCommand(press: KeyPress, isMac: boolean): HistoryCommand | null {
  const primary = isMac ? press.metaKey : press.ctrlKey;
  if (!primary || press.altKey) return null;
  const key = press.key.toLowerCase();
  if (key === 'z') return press.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !isMac && !press.shiftKey) return 'redo';
  return null;
}

/** Text fields and Monaco keep their own undo. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor') !== null;
}
