// The preload script (sandboxed): exposes `window.netloom`, one function per channel. Every
// argument is checked before it leaves the page and every answer before it reaches it, and
// only plain copies cross the bridge.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  CHANNELS,
  isAutosaveRequest,
  isFileInfo,
  isFileInfoList,
  isMenuCommand,
  isOpenedFile,
  isOpenRecentRequest,
  isOptionalAutosave,
  isSaveFileAsRequest,
  isSaveFileRequest,
  type FileInfo,
  type MenuCommand,
  type NetloomApi,
} from '../contract/index.ts';

async function invoke<T>(channel: string, payload: unknown, check: (value: unknown) => value is T): Promise<T> {
  const answer: unknown = await ipcRenderer.invoke(channel, payload);
  if (!check(answer)) throw new Error(`Netloom's main process sent an unexpected answer on ${channel}.`);
  return answer;
}

function reject(what: string): Promise<never> {
  return Promise.reject(new TypeError(`netloom.${what} was called with an invalid argument.`));
}

const copyFile = (file: FileInfo): FileInfo => ({ path: file.path, name: file.name });
const isFileOrNull = (value: unknown): value is FileInfo | null => value === null || isFileInfo(value);
const isOpenedOrNull = (value: unknown) => value === null || isOpenedFile(value);
const isNothing = (value: unknown): value is undefined => value === undefined || value === null;

const api: NetloomApi = {
  version: 1,
  async openFile() {
    const file = await invoke(CHANNELS.openFile, null, isOpenedOrNull);
    return file === null ? null : { path: file.path, name: file.name, text: file.text };
  },
  async saveFile(request) {
    if (!isSaveFileRequest(request)) return reject('saveFile');
    return copyFile(await invoke(CHANNELS.saveFile, { path: request.path, text: request.text }, isFileInfo));
  },
  async saveFileAs(request) {
    if (!isSaveFileAsRequest(request)) return reject('saveFileAs');
    const file = await invoke(CHANNELS.saveFileAs, { suggestedName: request.suggestedName, text: request.text }, isFileOrNull);
    return file === null ? null : copyFile(file);
  },
  async getAutosave() {
    const slot = await invoke(CHANNELS.getAutosave, null, isOptionalAutosave);
    return slot === null ? null : { text: slot.text, file: slot.file === null ? null : copyFile(slot.file), saved: slot.saved };
  },
  async setAutosave(request) {
    if (!isAutosaveRequest(request)) return reject('setAutosave');
    await invoke(CHANNELS.setAutosave, { text: request.text, file: request.file === null ? null : copyFile(request.file), saved: request.saved }, isNothing);
  },
  async listRecent() {
    const files = await invoke(CHANNELS.listRecent, null, isFileInfoList);
    return files.map(copyFile);
  },
  async openRecent(request) {
    if (!isOpenRecentRequest(request)) return reject('openRecent');
    const file = await invoke(CHANNELS.openRecent, { path: request.path }, isOpenedOrNull);
    return file === null ? null : { path: file.path, name: file.name, text: file.text };
  },
  onMenuCommand(listener) {
    if (typeof listener !== 'function') throw new TypeError('netloom.onMenuCommand needs a function.');
    const handler = (_event: IpcRendererEvent, command: unknown) => {
      if (isMenuCommand(command)) listener(command satisfies MenuCommand);
    };
    ipcRenderer.on(CHANNELS.menuCommand, handler);
    return () => {
      ipcRenderer.removeListener(CHANNELS.menuCommand, handler);
    };
  },
};

contextBridge.exposeInMainWorld('netloom', api);
