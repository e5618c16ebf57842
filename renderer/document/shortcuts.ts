// Key presses read against the app's one shortcut table (platform/shortcutTable.ts, shared with the
// native menu): which command a press asks for, and how a shortcut's keys are written on screen.
import type { MenuCommand } from '../platform/platform.ts';
import { SHORTCUTS, shortcut, type KeyBinding, type ShortcutId } from '../platform/shortcutTable.ts';

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

interface ParsedKeys {
  /** Cmd on macOS, Ctrl elsewhere. */
  readonly primary: boolean;
  readonly control: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
  /** As KeyboardEvent.key names it. */
  readonly key: string;
}

const KEY_NAMES: Readonly<Record<string, string>> = { Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft', Right: 'ArrowRight' };

function parseKeys(keys: string): ParsedKeys {
  const parts = keys.split('+');
  const key = parts[parts.length - 1];
  const modifiers = new Set(parts.slice(0, -1));
  return { primary: modifiers.has('CmdOrCtrl'), control: modifiers.has('Ctrl'), shift: modifiers.has('Shift'), alt: modifiers.has('Alt'), key: KEY_NAMES[key] ?? key };
}

/** Whether a key press is this binding. A symbol such as `?` matches whatever Shift it takes to type it. */
export function bindingMatches(binding: KeyBinding, press: KeyPress, isMac: boolean): boolean {
  if ((binding.only === 'mac' && !isMac) || (binding.only === 'other' && isMac)) return false;
  const wanted = parseKeys(binding.keys);
  const meta = wanted.primary && isMac;
  const control = wanted.control || (wanted.primary && !isMac);
  if (press.metaKey !== meta || press.ctrlKey !== control || press.altKey !== wanted.alt) return false;
  const single = wanted.key.length === 1;
  if (single && !/^[a-z0-9]$/i.test(wanted.key)) return press.key === wanted.key;
  if (press.shiftKey !== wanted.shift) return false;
  return single ? press.key.toLowerCase() === wanted.key.toLowerCase() : press.key === wanted.key;
}

/** The shortcut among `ids` that a key press asks for, or null. */
export function shortcutFor<T extends ShortcutId>(press: KeyPress, isMac: boolean, ids: readonly T[]): T | null {
  for (const id of ids) if (shortcut(id).bindings.some((binding) => bindingMatches(binding, press, isMac))) return id;
  return null;
}

const FILE_COMMANDS = ['new', 'open', 'save', 'saveAs'] as const satisfies readonly MenuCommand[];

/** Ctrl (Cmd on macOS) + N, O, S, Shift+S. */
export function shortcutCommand(press: KeyPress, isMac: boolean): MenuCommand | null {
  return shortcutFor(press, isMac, FILE_COMMANDS);
}

export function isMacPlatform(userAgent: string): boolean {
  return /Mac|iPhone|iPad/.test(userAgent);
}

export type HistoryCommand = 'undo' | 'redo';

/** Ctrl+Z undoes; Ctrl+Shift+Z and Ctrl+Y redo (Cmd+Z, Cmd+Shift+Z on macOS). */
export function historyCommand(press: KeyPress, isMac: boolean): HistoryCommand | null {
  return shortcutFor(press, isMac, ['undo', 'redo'] as const);
}

/** `?` and F1 open the shortcut sheet. */
export function isShortcutSheetKey(press: KeyPress, isMac: boolean): boolean {
  return shortcutFor(press, isMac, ['shortcuts'] as const) !== null;
}

/** KeyboardEvent.key names of a shortcut's plain keys (Delete, Backspace), for React Flow's key props. */
export function keyNames(id: ShortcutId): string[] {
  return shortcut(id).bindings.map((binding) => parseKeys(binding.keys).key);
}

const MAC_SYMBOLS: Readonly<Record<string, string>> = { CmdOrCtrl: '⌘', Ctrl: '⌃', Shift: '⇧', Alt: '⌥' };
const KEY_SYMBOLS: Readonly<Record<string, string>> = { Up: '↑', Down: '↓', Left: '←', Right: '→', Escape: 'Esc', Delete: 'Delete', Backspace: 'Backspace' };

/** A binding as the user's system writes it: `Ctrl+Shift+S`, `⇧⌘S`, `Shift+↑`. */
export function formatKeys(keys: string, isMac: boolean): string {
  const parts = keys.split('+').map((part, index, all) => (index === all.length - 1 ? (KEY_SYMBOLS[part] ?? part) : part));
  if (isMac) return parts.map((part) => MAC_SYMBOLS[part] ?? part).join('');
  return parts.map((part) => (part === 'CmdOrCtrl' ? 'Ctrl' : part)).join('+');
}

/** The keys of a shortcut for a tooltip: its bindings on this system, " or " between them. */
export function shortcutKeys(id: ShortcutId, isMac: boolean): string {
  return shortcut(id)
    .bindings.filter((binding) => !(binding.only === 'mac' && !isMac) && !(binding.only === 'other' && isMac))
    .map((binding) => formatKeys(binding.keys, isMac))
    .join(' or ');
}

export interface SheetRow {
  readonly id: ShortcutId;
  readonly label: string;
  readonly keys: readonly string[];
}

/** The shortcut sheet: every shortcut of the table by section, with its keys on this system. */
export function shortcutSheet(isMac: boolean): { section: string; rows: SheetRow[] }[] {
  const sections = new Map<string, SheetRow[]>();
  for (const entry of SHORTCUTS) {
    const keys = entry.bindings.filter((binding) => !(binding.only === 'mac' && !isMac) && !(binding.only === 'other' && isMac)).map((binding) => formatKeys(binding.keys, isMac));
    const rows = sections.get(entry.section) ?? [];
    rows.push({ id: entry.id, label: entry.label, keys });
    sections.set(entry.section, rows);
  }
  return [...sections].map(([section, rows]) => ({ section, rows }));
}

/** Text fields and Monaco keep their own undo. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor') !== null;
}
