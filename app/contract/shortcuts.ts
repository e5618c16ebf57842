// Every keyboard shortcut of the app, in one table: the native menu's accelerators (app/main), the
// renderer's key handlers and its shortcut sheet all read it. Keys use Electron's accelerator
// syntax: `CmdOrCtrl` is Cmd on macOS and Ctrl elsewhere; `Ctrl` is the Control key itself.

export type ShortcutId =
  | 'new'
  | 'open'
  | 'save'
  | 'saveAs'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteWithoutEdges'
  | 'duplicate'
  | 'selectAll'
  | 'deselect'
  | 'delete'
  | 'nudge'
  | 'nudgeFar'
  | 'group'
  | 'ungroup'
  | 'layout'
  | 'shortcuts';

export type ShortcutSection = 'File' | 'Edit' | 'Canvas' | 'Help';

export interface KeyBinding {
  /** An accelerator: `CmdOrCtrl+Shift+S`, `Shift+L`, `Up`, `F1`, `?`. */
  readonly keys: string;
  /** Only on these systems; both when absent. */
  readonly only?: 'mac' | 'other';
}

export interface Shortcut {
  readonly id: ShortcutId;
  readonly section: ShortcutSection;
  /** As the menu and the sheet say it. */
  readonly label: string;
  /** The first binding is the one a menu shows. */
  readonly bindings: readonly KeyBinding[];
}

const ARROWS: readonly KeyBinding[] = [{ keys: 'Up' }, { keys: 'Down' }, { keys: 'Left' }, { keys: 'Right' }];

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'new', section: 'File', label: 'New', bindings: [{ keys: 'CmdOrCtrl+N' }] },
  { id: 'open', section: 'File', label: 'Open…', bindings: [{ keys: 'CmdOrCtrl+O' }] },
  { id: 'save', section: 'File', label: 'Save', bindings: [{ keys: 'CmdOrCtrl+S' }] },
  { id: 'saveAs', section: 'File', label: 'Save As…', bindings: [{ keys: 'CmdOrCtrl+Shift+S' }] },
  { id: 'undo', section: 'Edit', label: 'Undo', bindings: [{ keys: 'CmdOrCtrl+Z' }] },
  { id: 'redo', section: 'Edit', label: 'Redo', bindings: [{ keys: 'CmdOrCtrl+Shift+Z' }, { keys: 'Ctrl+Y', only: 'other' }] },
  { id: 'cut', section: 'Edit', label: 'Cut layers', bindings: [{ keys: 'CmdOrCtrl+X' }] },
  { id: 'copy', section: 'Edit', label: 'Copy layers', bindings: [{ keys: 'CmdOrCtrl+C' }] },
  { id: 'paste', section: 'Edit', label: 'Paste layers', bindings: [{ keys: 'CmdOrCtrl+V' }] },
  { id: 'pasteWithoutEdges', section: 'Edit', label: 'Paste layers without their edges', bindings: [{ keys: 'CmdOrCtrl+Shift+V' }] },
  { id: 'duplicate', section: 'Edit', label: 'Duplicate layers', bindings: [{ keys: 'CmdOrCtrl+D' }] },
  { id: 'selectAll', section: 'Edit', label: 'Select all layers', bindings: [{ keys: 'CmdOrCtrl+A' }] },
  { id: 'deselect', section: 'Edit', label: 'Clear the selection', bindings: [{ keys: 'Escape' }] },
  { id: 'delete', section: 'Edit', label: 'Delete the selection', bindings: [{ keys: 'Delete' }, { keys: 'Backspace' }] },
  { id: 'nudge', section: 'Canvas', label: 'Move the selection one grid step', bindings: ARROWS },
  { id: 'nudgeFar', section: 'Canvas', label: 'Move the selection five grid steps', bindings: ARROWS.map((arrow) => ({ keys: `Shift+${arrow.keys}` })) },
  { id: 'group', section: 'Canvas', label: 'Group the selection into a block', bindings: [{ keys: 'CmdOrCtrl+G' }] },
  { id: 'ungroup', section: 'Canvas', label: 'Ungroup the selection’s blocks', bindings: [{ keys: 'CmdOrCtrl+Shift+G' }] },
  { id: 'layout', section: 'Canvas', label: 'Lay the graph out', bindings: [{ keys: 'Shift+L' }] },
  { id: 'shortcuts', section: 'Help', label: 'Keyboard shortcuts', bindings: [{ keys: '?' }, { keys: 'F1' }] },
];

export function shortcut(id: ShortcutId): Shortcut {
  const found = SHORTCUTS.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`No shortcut "${id}" in app/contract/shortcuts.ts.`);
  return found;
}

/** The accelerator a menu item shows for a shortcut. */
export function menuAccelerator(id: ShortcutId): string {
  return shortcut(id).bindings[0].keys;
}
