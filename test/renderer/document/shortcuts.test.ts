import { describe, expect, it } from 'vitest';
import { canvasCommand } from '../../../renderer/editor/canvasShortcuts.ts';
import { historyCommand, isMacPlatform, shortcutCommand } from '../../../renderer/document/shortcuts.ts';

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
