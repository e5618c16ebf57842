// The Platform over Electron's preload API: native dialogs, files on disk, autosave in userData.
import type { NetloomBridge } from './netloomBridge.ts';
import { firstLaunchFlag } from './firstLaunch.ts';
import type { FileReference, MenuCommand, OpenedFile, Platform } from './platform.ts';

export function createElectronPlatform(bridge: NetloomBridge, storage: Storage | null = globalThis.localStorage ?? null): Platform {
  return {
    kind: 'electron',
    async openFile(): Promise<OpenedFile | null> {
      const file = await bridge.openFile();
      return file === null ? null : { reference: { name: file.name, key: file.path }, text: file.text };
    },
    async saveFile(reference: FileReference, text: string): Promise<FileReference | null> {
      const file = await bridge.saveFile({ path: reference.key, text });
      return { name: file.name, key: file.path };
    },
    async saveFileAs(suggestedName: string, text: string): Promise<FileReference | null> {
      const file = await bridge.saveFileAs({ suggestedName, text });
      return file === null ? null : { name: file.name, key: file.path };
    },
    getAutosave: () => bridge.getAutosave(),
    setAutosave: (text: string) => bridge.setAutosave({ text }),
    async listRecent() {
      const files = await bridge.listRecent();
      return files.map((file) => ({ name: file.name, key: file.path, detail: file.path }));
    },
    async openRecent(key: string): Promise<OpenedFile | null> {
      const file = await bridge.openRecent({ path: key });
      return file === null ? null : { reference: { name: file.name, key: file.path }, text: file.text };
    },
    isFirstLaunch: () => Promise.resolve(firstLaunchFlag(storage)),
    onMenuCommand: (listener: (command: MenuCommand) => void) => bridge.onMenuCommand(listener),
  };
}
