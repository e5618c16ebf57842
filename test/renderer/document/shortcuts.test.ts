import { describe, expect, it } from 'vitest';
import { canvasCommand } from '../../../renderer/editor/canvasShortcuts.ts';
import { formatKeys, historyCommand, isMacPlatform, isShortcutSheetKey, keyNames, shortcutCommand, shortcutKeys, shortcutSheet } from '../../../renderer/document/shortcuts.ts';
import { SHORTCUTS } from '../../../renderer/platform/shortcutTable.ts';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('shortcuts', () => {
  it('maps Ctrl+N, O, S and Shift+S (Cmd on macOS)', () => {
    expect(shortcutCommand(press('n', { ctrlKey: true }), false)).toBe('new');
    expect(shortcutCommand(press('o', { ctrlKey: true }), false)).toBe('open');
    expect(shortcutCommand(press('s', { ctrlKey: true }), false)).toBe('save');
    expect(shortcutCommand(press('S', { ctrlKey: true, shiftKey: true }), false)).toBe('saveAs');
    expect(shortcutCommand(press('s', { metaKey: true }), true)).toBe('save');
  });

  it('ignores other keys and modifiers', () => {
    expect(shortcutCommand(press('s'), false)).toBeNull();
    expect(shortcutCommand(press('s', { metaKey: true }), false)).toBeNull();
    expect(shortcutCommand(press('s', { ctrlKey: true, altKey: true }), false)).toBeNull();
    expect(shortcutCommand(press('x', { ctrlKey: true }), false)).toBeNull();
    expect(isMacPlatform('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toBe(true);
    expect(isMacPlatform('Mozilla/5.0 (X11; Linux x86_64)')).toBe(false);
  });
});

describe('history shortcuts', () => {
  it('maps Ctrl+Z to undo, Ctrl+Shift+Z and Ctrl+Y to redo (Cmd on macOS)', () => {
    expect(historyCommand(press('z', { ctrlKey: true }), false)).toBe('undo');
    expect(historyCommand(press('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(historyCommand(press('y', { ctrlKey: true }), false)).toBe('redo');
    expect(historyCommand(press('z', { metaKey: true }), true)).toBe('undo');
    expect(historyCommand(press('z', { metaKey: true, shiftKey: true }), true)).toBe('redo');
    expect(historyCommand(press('z', { ctrlKey: true }), true)).toBeNull();
    expect(historyCommand(press('z'), false)).toBeNull();
    expect(historyCommand(press('z', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });
});

describe('canvas shortcuts', () => {
  it('maps Shift+L to layout and Ctrl+C, V, D to copy, paste, duplicate (Cmd on macOS)', () => {
    expect(canvasCommand(press('L', { shiftKey: true }), false)).toBe('layout');
    expect(canvasCommand(press('l'), false)).toBeNull();
    expect(canvasCommand(press('c', { ctrlKey: true }), false)).toBe('copy');
    expect(canvasCommand(press('v', { ctrlKey: true }), false)).toBe('paste');
    expect(canvasCommand(press('d', { ctrlKey: true }), false)).toBe('duplicate');
    expect(canvasCommand(press('d', { metaKey: true }), true)).toBe('duplicate');
    expect(canvasCommand(press('g', { ctrlKey: true }), false)).toBe('group');
    expect(canvasCommand(press('G', { ctrlKey: true, shiftKey: true }), false)).toBe('ungroup');
    expect(canvasCommand(press('g', { metaKey: true }), true)).toBe('group');
    expect(canvasCommand(press('g'), false)).toBeNull();
    expect(canvasCommand(press('c', { ctrlKey: true }), true)).toBeNull();
    expect(canvasCommand(press('c', { ctrlKey: true, shiftKey: true }), false)).toBeNull();
    expect(canvasCommand(press('x', { ctrlKey: true }), false)).toBe('cut');
    expect(canvasCommand(press('V', { ctrlKey: true, shiftKey: true }), false)).toBe('pasteWithoutEdges');
    expect(canvasCommand(press('v', { metaKey: true, shiftKey: true }), true)).toBe('pasteWithoutEdges');
    expect(canvasCommand(press('x', { ctrlKey: true, altKey: true }), false)).toBeNull();
  });
});

describe('the shortcut table', () => {
  it('reads Ctrl+A, Escape and the arrows (Shift for five steps), not while Ctrl or Alt is held', () => {
    expect(canvasCommand(press('a', { ctrlKey: true }), false)).toBe('selectAll');
    expect(canvasCommand(press('a', { metaKey: true }), true)).toBe('selectAll');
    expect(canvasCommand(press('a', { ctrlKey: true }), true)).toBeNull();
    expect(canvasCommand(press('a'), false)).toBeNull();
    expect(canvasCommand(press('Escape'), false)).toBe('deselect');
    expect(canvasCommand(press('ArrowUp'), false)).toBe('nudge');
    expect(canvasCommand(press('ArrowLeft', { shiftKey: true }), false)).toBe('nudgeFar');
    expect(canvasCommand(press('ArrowLeft', { ctrlKey: true }), false)).toBeNull();
    expect(canvasCommand(press('ArrowLeft', { altKey: true }), false)).toBeNull();
  });

  it('opens the sheet on ? (typed with Shift) and F1, not on Shift+/ or Ctrl+F1', () => {
    expect(isShortcutSheetKey(press('?', { shiftKey: true }), false)).toBe(true);
    expect(isShortcutSheetKey(press('F1'), true)).toBe(true);
    expect(isShortcutSheetKey(press('/', { shiftKey: true }), false)).toBe(false);
    expect(isShortcutSheetKey(press('F1', { ctrlKey: true }), false)).toBe(false);
  });

  it('writes keys as each system does', () => {
    expect(formatKeys('CmdOrCtrl+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(formatKeys('CmdOrCtrl+Shift+S', true)).toBe('⌘⇧S');
    expect(formatKeys('Shift+Up', false)).toBe('Shift+↑');
    expect(shortcutKeys('redo', false)).toBe('Ctrl+Shift+Z or Ctrl+Y');
    expect(shortcutKeys('redo', true)).toBe('⌘⇧Z');
    expect(keyNames('delete')).toEqual(['Delete', 'Backspace']);
  });

  it('lists every shortcut of the table on the sheet, once, under its section', () => {
    const sheet = shortcutSheet(false);
    expect(sheet.map((section) => section.section)).toEqual(['File', 'Edit', 'Canvas', 'Help']);
    const ids = sheet.flatMap((section) => section.rows.map((row) => row.id));
    expect(ids).toEqual(SHORTCUTS.map((entry) => entry.id));
    expect(sheet[0].rows[3]).toEqual({ id: 'saveAs', label: 'Save As…', keys: ['Ctrl+Shift+S'] });
  });

  it('gives no two shortcuts the same keys', () => {
    const seen = new Set<string>();
    for (const entry of SHORTCUTS)
      for (const binding of entry.bindings) {
        expect(seen.has(binding.keys), binding.keys).toBe(false);
        seen.add(binding.keys);
      }
  });
});
