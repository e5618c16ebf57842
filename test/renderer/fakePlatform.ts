// A Platform in memory, recording what the shell asks of it.
import type { FileReference, MenuCommand, OpenedFile, Platform } from '../../renderer/platform/platform.ts';

export interface FakePlatform extends Platform {
  readonly files: Map<string, string>;
  nextOpen: OpenedFile | null;
  nextSaveAs: FileReference | null;
  autosaved: string | null;
  readonly calls: string[];
  sendMenu(command: MenuCommand): void;
}

export function createFakePlatform(): FakePlatform {
  const listeners = new Set<(command: MenuCommand) => void>();
  const platform: FakePlatform = {
    kind: 'browser',
    files: new Map(),
    nextOpen: null,
    nextSaveAs: null,
    autosaved: null,
    calls: [],
    async openFile() {
      platform.calls.push('open');
      return platform.nextOpen;
    },
    async saveFile(reference, text) {
      platform.calls.push(`save ${reference.name}`);
      platform.files.set(reference.name, text);
      return reference;
    },
    async saveFileAs(suggestedName, text) {
      platform.calls.push(`saveAs ${suggestedName}`);
      const target = platform.nextSaveAs;
      if (target !== null) platform.files.set(target.name, text);
      return target;
    },
    async getAutosave() {
      return platform.autosaved;
    },
    async setAutosave(text) {
      platform.calls.push('autosave');
      platform.autosaved = text;
    },
    onMenuCommand(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sendMenu(command) {
      for (const listener of listeners) listener(command);
    },
  };
  return platform;
}
