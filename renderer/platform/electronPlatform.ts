// The Platform over Electron's preload API: native dialogs, files on disk, autosave in userData.
import type { NetloomBridge } from './netloomBridge.ts';
import { firstLaunchFlag } from './firstLaunch.ts';
import type { Autosave, FileReference, MenuCommand, OpenedFile, Platform } from './platform.ts';

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
    async getAutosave() {
      const slot = await bridge.getAutosave();
      return slot === null ? null : { text: slot.text, file: slot.file === null ? null : { name: slot.file.name, key: slot.file.path }, saved: slot.saved };
    },
    setAutosave: ({ text, file, saved }: Autosave) => bridge.setAutosave({ text, file: file === null ? null : { name: file.name, path: file.key }, saved }),
    // Main's file service lists every file opened through its dialog (app/main/fileService.ts).
    addRecent: () => Promise.resolve(),
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
