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
