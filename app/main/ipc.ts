// The IPC handlers: each checks who is asking (a page of ours) and what it sends, then does the work.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, isAutosaveRequest, isOpenRecentRequest, isSaveFileAsRequest, isSaveFileRequest } from '../contract/index.ts';
import type { AutosaveFile } from './autosaveFile.ts';
import type { FileService } from './fileService.ts';
import type { RecentFiles } from './recentFiles.ts';
import { isTrustedUrl } from './startUrl.ts';

export interface IpcServices {
  readonly files: FileService;
  readonly autosave: AutosaveFile;
  readonly recent: RecentFiles;
  readonly trustedOrigins: readonly string[];
}

type Handler = (payload: unknown) => Promise<unknown>;

function handle(channel: string, trustedOrigins: readonly string[], handler: Handler): void {
  ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(url, trustedOrigins)) throw new Error(`Refused ${channel} from an untrusted page.`);
    return handler(payload);
  });
}

function invalid(channel: string): never {
  throw new TypeError(`Invalid payload on ${channel}.`);
}

export function registerIpc(services: IpcServices): void {
  const { files, autosave, recent, trustedOrigins } = services;
  handle(CHANNELS.openFile, trustedOrigins, () => files.open());
  handle(CHANNELS.saveFile, trustedOrigins, (payload) => (isSaveFileRequest(payload) ? files.save(payload) : invalid(CHANNELS.saveFile)));
  handle(CHANNELS.saveFileAs, trustedOrigins, (payload) => (isSaveFileAsRequest(payload) ? files.saveAs(payload) : invalid(CHANNELS.saveFileAs)));
  handle(CHANNELS.listRecent, trustedOrigins, () => recent.list());
  handle(CHANNELS.openRecent, trustedOrigins, (payload) => (isOpenRecentRequest(payload) ? files.openRecent(payload.path) : invalid(CHANNELS.openRecent)));
  handle(CHANNELS.getAutosave, trustedOrigins, async () => {
    const slot = await autosave.read();
    // Only granted files were stored, so Save can write there again after a restart.
    if (slot?.file) files.regrant(slot.file.path);
    return slot;
  });
  handle(CHANNELS.setAutosave, trustedOrigins, async (payload) => {
    if (!isAutosaveRequest(payload)) invalid(CHANNELS.setAutosave);
    // A file the user never chose is not remembered: main writes only where they chose.
    const file = payload.file !== null && files.isGranted(payload.file.path) ? payload.file : null;
    await autosave.write({ text: payload.text, file, saved: file !== null && payload.saved });
    return null;
  });
}
