import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { isMenuCommand, type MenuCommand } from '../../app/contract/index.ts';
import { menuTemplate } from '../../app/main/menuTemplate.ts';
import { SHORTCUTS } from '../../app/contract/shortcuts.ts';

function fileItems(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const file = template.find((menu) => menu.label === 'File');
  return Array.isArray(file?.submenu) ? file.submenu : [];
}

describe('native menu', () => {
  it('has New, Open, Save, Save As, the model\'s Export and weights, and Quit, each sending its command', () => {
    const sent: MenuCommand[] = [];
    const items = fileItems(menuTemplate((command) => sent.push(command), { isMac: false, isDevelopment: false }));
    const labelled = items.filter((item) => item.label !== undefined).map((item) => [item.label, item.accelerator]);
    expect(labelled).toEqual([
      ['New', 'CmdOrCtrl+N'],
      ['Open…', 'CmdOrCtrl+O'],
      ['Save', 'CmdOrCtrl+S'],
      ['Save As…', 'CmdOrCtrl+Shift+S'],
      ['Export…', undefined],
      ['Load weights…', undefined],
      ['Save weights…', undefined],
      ['Quit', 'CmdOrCtrl+Q'],
    ]);
    // The File items' handlers ignore their arguments.
    for (const item of items) (item.click as (() => void) | undefined)?.();
    expect(sent).toEqual(['new', 'open', 'save', 'saveAs', 'export', 'loadWeights', 'saveWeights']);
    expect(sent.every((command) => isMenuCommand(command))).toBe(true);
    expect(items.find((item) => item.label === 'Quit')?.role).toBe('quit');
  });

  it('has Edit with Undo and Redo sending their commands, and the clipboard roles', () => {
    const sent: MenuCommand[] = [];
    const template = menuTemplate((command) => sent.push(command), { isMac: false, isDevelopment: false });
    expect(template.map((menu) => menu.label ?? menu.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'Help']);
    const help = template.find((menu) => menu.label === 'Help');
    const helpItems = Array.isArray(help?.submenu) ? help.submenu : [];
    (helpItems[0]?.click as (() => void) | undefined)?.();
    expect(sent.splice(0)).toEqual(['learn']);
    const edit = template.find((menu) => menu.label === 'Edit');
    const items = Array.isArray(edit?.submenu) ? edit.submenu : [];
    expect(items.filter((item) => item.label !== undefined).map((item) => [item.label, item.accelerator])).toEqual([
      ['Undo', 'CmdOrCtrl+Z'],
      ['Redo', 'CmdOrCtrl+Shift+Z'],
    ]);
    for (const item of items) (item.click as (() => void) | undefined)?.();
    expect(sent).toEqual(['undo', 'redo']);
    expect(items.map((item) => item.role).filter((role) => role !== undefined)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    // Every command the menu sends is one the contract lets through to the renderer.
    expect(sent.every((command) => isMenuCommand(command))).toBe(true);
  });

  it('leaves Quit to the app menu on macOS and dev tools to development', () => {
    const mac = menuTemplate(() => undefined, { isMac: true, isDevelopment: false });
    expect(mac[0].role).toBe('appMenu');
    expect(fileItems(mac).some((item) => item.label === 'Quit')).toBe(false);
    const view = (development: boolean) => menuTemplate(() => undefined, { isMac: false, isDevelopment: development }).find((menu) => menu.label === 'View');
    const roles = (menu: MenuItemConstructorOptions | undefined) => (Array.isArray(menu?.submenu) ? menu.submenu.map((item) => item.role) : []);
    expect(roles(view(false))).not.toContain('toggleDevTools');
    expect(roles(view(true))).toContain('toggleDevTools');
  });
});

describe('native menu and the shortcut table', () => {
  it('shows the table’s label and first key for every command it sends that has a shortcut', () => {
    const template = menuTemplate(() => undefined, { isMac: false, isDevelopment: false });
    const items = template.flatMap((menu) => (Array.isArray(menu.submenu) ? menu.submenu : [])).filter((entry) => entry.click !== undefined);
    // The model's Export… and weights items and Help's Learn have no shortcut, so no accelerator either.
    const unbound = ['Export…', 'Load weights…', 'Save weights…', 'Learn: convolution, pooling, activations'];
    expect(items.filter((entry) => unbound.includes(entry.label ?? '')).map((entry) => entry.accelerator)).toEqual([undefined, undefined, undefined, undefined]);
    expect(items.length).toBe(6 + unbound.length);
    for (const entry of items.filter((candidate) => !unbound.includes(candidate.label ?? ''))) {
      const match = SHORTCUTS.find((candidate) => candidate.label === entry.label);
      expect(match?.bindings[0].keys).toBe(entry.accelerator);
    }
  });
});
