// The app's side effects: autosave, native menu commands, shortcuts, the window title, unsaved-work guard.
import { useEffect } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { historyCommand, isMacPlatform, isTextTarget, shortcutCommand } from '../document/shortcuts.ts';
import type { Platform } from '../platform/platform.ts';
import { startAutosave } from './autosave.ts';
import type { FileCommands } from './fileCommands.ts';
import { requestLearnPanel } from '../document/learnPanelRequest.ts';

type Cleanup = () => void;

function listen<K extends keyof WindowEventMap>(type: K, listener: (event: WindowEventMap[K]) => void): Cleanup {
  window.addEventListener(type, listener);
  return () => window.removeEventListener(type, listener);
}

function runMenuCommands(platform: Platform, commands: FileCommands): Cleanup {
  return platform.onMenuCommand((command) => {
    // Edit > Undo while typing in a field undoes the typing, as in any app.
    if ((command === 'undo' || command === 'redo') && isTextTarget(window.document.activeElement)) {
      window.document.execCommand(command);
      return;
    }
    if (command === 'learn') {
      requestLearnPanel();
      return;
    }
    void commands.run(command);
  });
}

/**
 * In the browser, runs `act` for each key press `read` names a command for. Electron's menu
 * accelerators already send these commands (and handling undo here too would undo twice).
 */
function browserKeys<T>(platform: Platform, read: (event: KeyboardEvent, isMac: boolean) => T | null, act: (command: T) => void): Cleanup | undefined {
  if (platform.kind === 'electron') return undefined;
  const isMac = isMacPlatform(navigator.userAgent);
  return listen('keydown', (event) => {
    const command = read(event, isMac);
    if (command === null) return;
    event.preventDefault();
    act(command);
  });
}

function runFileShortcuts(platform: Platform, commands: FileCommands): Cleanup | undefined {
  return browserKeys(platform, shortcutCommand, (command) => void commands.run(command));
}

/** Undo and redo keys; text fields keep their own undo. */
function runHistoryShortcuts(store: EditorStore, platform: Platform): Cleanup | undefined {
  const read = (event: KeyboardEvent, isMac: boolean) => (isTextTarget(event.target) ? null : historyCommand(event, isMac));
  return browserKeys(platform, read, (command) => (command === 'undo' ? store.undo() : store.redo()));
}

/** The browser asks before leaving; Electron's main process asks on 'will-prevent-unload'. */
function guardUnsavedWork(store: EditorStore): Cleanup {
  return listen('beforeunload', (event) => {
    if (store.getState().dirty) event.preventDefault();
  });
}

function keepWindowTitle(store: EditorStore): Cleanup {
  function updateTitle() {
    const { document, dirty } = store.getState();
    window.document.title = `${dirty ? '• ' : ''}${document.metadata.name} — Netloom`;
  }
  updateTitle();
  return store.subscribe(updateTitle);
}

export function useAppEffects(store: EditorStore, platform: Platform, commands: FileCommands): void {
  useEffect(() => startAutosave(store, platform), [store, platform]);
  useEffect(() => runMenuCommands(platform, commands), [platform, commands]);
  useEffect(() => runFileShortcuts(platform, commands), [platform, commands]);
  useEffect(() => runHistoryShortcuts(store, platform), [store, platform]);
  useEffect(() => guardUnsavedWork(store), [store]);
  useEffect(() => keepWindowTitle(store), [store]);
}
