// The Platform in a plain browser: the File System Access API where present (Chromium), else an
// <input type=file> to open and a download to save. Autosave lives in IndexedDB.
import { createIndexedDbStore, type KeyValueStore } from './indexedDbStore.ts';
import { GRAPH_FILE_EXTENSION, type FileReference, type OpenedFile, type Platform } from './platform.ts';

const AUTOSAVE_KEY = 'autosave';
const PICKER_TYPES = [{ description: 'Netloom graph', accept: { 'application/json': ['.json'] } }];

/** The File System Access API's pickers, which TypeScript's DOM library does not declare yet. */
interface FilePickers {
  showOpenFilePicker(options: { types: typeof PICKER_TYPES; multiple: false }): Promise<FileSystemFileHandle[]>;
  showSaveFilePicker(options: { types: typeof PICKER_TYPES; suggestedName: string }): Promise<FileSystemFileHandle>;
}

function filePickers(scope: object): FilePickers | null {
  return 'showOpenFilePicker' in scope && 'showSaveFilePicker' in scope ? (scope as FilePickers) : null;
}

function isAbort(cause: unknown): boolean {
  return cause instanceof DOMException && cause.name === 'AbortError';
}

async function writeHandle(handle: FileSystemFileHandle, text: string): Promise<void> {
  const stream = await handle.createWritable();
  await stream.write(text);
  await stream.close();
}

function pickWithInput(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = `${GRAPH_FILE_EXTENSION},.json,application/json`;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function createBrowserPlatform(scope: Window = window, store: KeyValueStore = createIndexedDbStore(scope.indexedDB)): Platform {
  const pickers = filePickers(scope);
  const handles = new Map<string, FileSystemFileHandle>();
  let nextKey = 1;
  function remember(handle: FileSystemFileHandle): FileReference {
    const key = `handle-${nextKey++}`;
    handles.set(key, handle);
    return { name: handle.name, key };
  }
  async function saveFileAs(suggestedName: string, text: string): Promise<FileReference | null> {
    if (pickers === null) {
      download(suggestedName, text);
      return { name: suggestedName, key: 'download' };
    }
    try {
      const handle = await pickers.showSaveFilePicker({ types: PICKER_TYPES, suggestedName });
      await writeHandle(handle, text);
      return remember(handle);
    } catch (cause) {
      if (isAbort(cause)) return null;
      throw cause;
    }
  }
  return {
    kind: 'browser',
    async openFile(): Promise<OpenedFile | null> {
      if (pickers === null) {
        const file = await pickWithInput();
        return file === null ? null : { reference: { name: file.name, key: 'upload' }, text: await file.text() };
      }
      try {
        const [handle] = await pickers.showOpenFilePicker({ types: PICKER_TYPES, multiple: false });
        const file = await handle.getFile();
        return { reference: remember(handle), text: await file.text() };
      } catch (cause) {
        if (isAbort(cause)) return null;
        throw cause;
      }
    },
    async saveFile(reference: FileReference, text: string): Promise<FileReference | null> {
      const handle = handles.get(reference.key);
      if (handle === undefined) return saveFileAs(reference.name, text);
      await writeHandle(handle, text);
      return reference;
    },
    saveFileAs,
    getAutosave: () => store.get(AUTOSAVE_KEY),
    setAutosave: (text: string) => store.set(AUTOSAVE_KEY, text),
    onMenuCommand: () => () => undefined,
  };
}
