import { describe, expect, it } from 'vitest';
import { isMacPlatform, shortcutCommand } from '../../renderer/shell/shortcuts.ts';

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
