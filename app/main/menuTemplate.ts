// The native menu: File (New, Open, Save, Save As, Quit) and Edit (Undo, Redo: the graph's history)
// with accelerators, each sending its command to the renderer, then the standard menus.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract/index.ts';

export function menuTemplate(send: (command: MenuCommand) => void, options: { isMac: boolean; isDevelopment: boolean }): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New', accelerator: 'CmdOrCtrl+N', click: () => send('new') },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => send('open') },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => send('save') },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => send('saveAs') },
      ...(options.isMac ? [] : [{ type: 'separator' } as const, { label: 'Quit', accelerator: 'CmdOrCtrl+Q', role: 'quit' } as const]),
    ],
  };
  // Undo and Redo go to the renderer, which undoes a graph edit or, in a text field, the typing.
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('redo') },
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
  return [...app, file, edit, view, { role: 'windowMenu' }];
}
