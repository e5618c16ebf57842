// The app's side effects: autosave, native menu commands, shortcuts, the window title, unsaved-work guard.
import { useEffect } from 'react';
import type { Platform } from '../platform/platform.ts';
import { startAutosave } from './autosave.ts';
import type { EditorStore } from '../document/editorStore.ts';
import type { FileCommands } from './fileCommands.ts';
import { historyCommand, isMacPlatform, isTextTarget, shortcutCommand } from '../document/shortcuts.ts';

export function useAppEffects(store: EditorStore, platform: Platform, commands: FileCommands): void {
  useEffect(() => startAutosave(store, platform), [store, platform]);
  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        // Edit > Undo while typing in a field undoes the typing, as in any app.
        if ((command === 'undo' || command === 'redo') && isTextTarget(window.document.activeElement)) {
          window.document.execCommand(command);
          return;
        }
        void commands.run(command);
      }),
    [platform, commands],
  );
  useEffect(() => {
    // Electron's menu accelerators already send these commands.
    if (platform.kind === 'electron') return undefined;
    const isMac = isMacPlatform(navigator.userAgent);
    function onKeyDown(event: KeyboardEvent) {
      const command = shortcutCommand(event, isMac);
      if (command === null) return;
      event.preventDefault();
      void commands.run(command);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [platform, commands]);
  useEffect(() => {
    // Electron's Edit menu has Undo and Redo with accelerators: handling the keys here too would undo twice.
    if (platform.kind === 'electron') return undefined;
    const isMac = isMacPlatform(navigator.userAgent);
    function onKeyDown(event: KeyboardEvent) {
      const command = historyCommand(event, isMac);
      if (command === null || isTextTarget(event.target)) return;
      event.preventDefault();
      if (command === 'undo') store.undo();
      else store.redo();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, platform]);
  useEffect(() => {
    // The browser asks before leaving; Electron's main process asks on 'will-prevent-unload'.
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (store.getState().dirty) event.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [store]);
  useEffect(() => {
    function updateTitle() {
      const { document, dirty } = store.getState();
      window.document.title = `${dirty ? '• ' : ''}${document.metadata.name} — Netloom`;
    }
    updateTitle();
    return store.subscribe(updateTitle);
  }, [store]);
}
