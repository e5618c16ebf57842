// The app's shortcut table, shared with the native menu (app/contract/shortcuts.ts): the renderer
// reaches app/contract only through platform/.
export { SHORTCUTS, shortcut, type KeyBinding, type Shortcut, type ShortcutId, type ShortcutSection } from '../../app/contract/shortcuts.ts';
