// A Platform in memory, recording what the shell asks of it.
import type { FileReference, MenuCommand, OpenedFile, Platform, RecentFile } from '../../renderer/platform/platform.ts';

export interface FakePlatform extends Platform {
  readonly files: Map<string, string>;
  nextOpen: OpenedFile | null;
  nextSaveAs: FileReference | null;
  autosaved: string | null;
  recent: RecentFile[];
  firstLaunch: boolean;
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
    recent: [],
    firstLaunch: false,
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
    async listRecent() {
      return platform.recent;
    },
    async openRecent(key) {
      platform.calls.push(`openRecent ${key}`);
      const text = platform.files.get(key);
      return text === undefined ? null : { reference: { name: key, key }, text };
    },
    async isFirstLaunch() {
      return platform.firstLaunch;
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
