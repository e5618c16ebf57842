// The native menu: File (New, Open, Save, Save As; Export…, Load weights…, Save weights…; Quit) and Edit (Undo, Redo: the graph's history)
// with accelerators, each sending its command to the renderer, then the standard menus. Labels and
// accelerators come from the app's one shortcut table (contract/shortcuts.ts), as the renderer's keys do.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract/index.ts';
import { menuAccelerator, shortcut, type ShortcutId } from '../contract/shortcuts.ts';

function item(command: Extract<MenuCommand, ShortcutId>, send: (command: MenuCommand) => void): MenuItemConstructorOptions {
  return { label: shortcut(command).label, accelerator: menuAccelerator(command), click: () => send(command) };
}

export function menuTemplate(send: (command: MenuCommand) => void, options: { isMac: boolean; isDevelopment: boolean }): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      item('new', send),
      item('open', send),
      { type: 'separator' },
      item('save', send),
      item('saveAs', send),
      { type: 'separator' },
      { label: 'Export…', click: () => send('export') },
      { label: 'Load weights…', click: () => send('loadWeights') },
      { label: 'Save weights…', click: () => send('saveWeights') },
      ...(options.isMac ? [] : [{ type: 'separator' } as const, { label: 'Quit', accelerator: 'CmdOrCtrl+Q', role: 'quit' } as const]),
    ],
  };
  // Undo and Redo go to the renderer, which undoes a graph edit or, in a text field, the typing.
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      item('undo', send),
      item('redo', send),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(options.isDevelopment ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const app: MenuItemConstructorOptions[] = options.isMac ? [{ role: 'appMenu' }] : [];
  // Help: the Learn panel's labs.
  const help: MenuItemConstructorOptions = { label: 'Help', submenu: [{ label: 'Learn: convolution, pooling, activations', click: () => send('learn') }] };
  return [...app, file, edit, view, { role: 'windowMenu' }, help];
}
