// A Platform in memory, recording what the shell asks of it.
import type { Autosave, FileReference, MenuCommand, OpenedFile, Platform, RecentFile } from '../../renderer/platform/platform.ts';

export interface FakePlatform extends Platform {
  readonly files: Map<string, string>;
  nextOpen: OpenedFile | null;
  nextSaveAs: FileReference | null;
  /** The autosave's text; `autosaveState` holds its file and saved flag. */
  autosaved: string | null;
  autosaveState: Pick<Autosave, 'file' | 'saved'>;
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
    autosaveState: { file: null, saved: false },
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
      return platform.autosaved === null ? null : { text: platform.autosaved, ...platform.autosaveState };
    },
    async setAutosave({ text, file, saved }) {
      platform.calls.push(saved ? 'autosave saved' : 'autosave');
      platform.autosaved = text;
      platform.autosaveState = { file, saved };
    },
    async addRecent(reference) {
      platform.calls.push(`addRecent ${reference.name}`);
      platform.recent = [{ name: reference.name, key: reference.key, detail: '' }, ...platform.recent.filter((file) => file.key !== reference.key)];
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
