// The Platform in a plain browser: the File System Access API where present (Chromium), else an
// <input type=file> to open and a download to save. Autosave and the recent files (names and
// documents) live in IndexedDB.
import { firstLaunchFlag } from './firstLaunch.ts';
import { createIndexedDbStore, type KeyValueStore } from './indexedDbStore.ts';
import { GRAPH_FILE_EXTENSION, type Autosave, type FileReference, type OpenedFile, type Platform } from './platform.ts';
import { createRecentDocuments } from './recentDocuments.ts';

const AUTOSAVE_KEY = 'autosave';
/** Beside the text: the file's name, whether it was saved, and the text's length (a state left from another text is ignored). */
const AUTOSAVE_STATE_KEY = 'autosave-state';
/** A restored file's key: no handle survives a reload, so Save asks where, offering the name. */
const RESTORED_FILE_KEY = 'autosave';

function readAutosaveState(text: string, state: string | null): Pick<Autosave, 'file' | 'saved'> {
  try {
    const value = JSON.parse(state ?? 'null') as { name?: unknown; saved?: unknown; length?: unknown } | null;
    if (value === null || value.length !== text.length) return { file: null, saved: false };
    return { file: typeof value.name === 'string' && value.name !== '' ? { name: value.name, key: RESTORED_FILE_KEY } : null, saved: value.saved === true };
  } catch {
    return { file: null, saved: false };
  }
}
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

function localStorageOf(scope: Window): Storage | null {
  try {
    return scope.localStorage ?? null;
  } catch {
    return null;
  }
}

export function createBrowserPlatform(scope: Window = window, store: KeyValueStore = createIndexedDbStore(scope.indexedDB)): Platform {
  const pickers = filePickers(scope);
  const recent = createRecentDocuments(store);
  /** Puts a file on the recent list; a failure there never fails the open or save. */
  async function used<T extends FileReference | null>(reference: T, text: string): Promise<T> {
    if (reference !== null) await recent.add(reference.name, text).catch(() => undefined);
    return reference;
  }
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
      return used({ name: suggestedName, key: 'download' }, text);
    }
    try {
      const handle = await pickers.showSaveFilePicker({ types: PICKER_TYPES, suggestedName });
      await writeHandle(handle, text);
      return await used(remember(handle), text);
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
        if (file === null) return null;
        const text = await file.text();
        return { reference: await used({ name: file.name, key: 'upload' }, text), text };
      }
      try {
        const [handle] = await pickers.showOpenFilePicker({ types: PICKER_TYPES, multiple: false });
        const text = await (await handle.getFile()).text();
        return { reference: await used(remember(handle), text), text };
      } catch (cause) {
        if (isAbort(cause)) return null;
        throw cause;
      }
    },
    async saveFile(reference: FileReference, text: string): Promise<FileReference | null> {
      const handle = handles.get(reference.key);
      if (handle === undefined) return saveFileAs(reference.name, text);
      await writeHandle(handle, text);
      return used(reference, text);
    },
    saveFileAs,
    async getAutosave(): Promise<Autosave | null> {
      const text = await store.get(AUTOSAVE_KEY);
      return text === null ? null : { text, ...readAutosaveState(text, await store.get(AUTOSAVE_STATE_KEY)) };
    },
    async setAutosave({ text, file, saved }: Autosave): Promise<void> {
      await store.set(AUTOSAVE_KEY, text);
      await store.set(AUTOSAVE_STATE_KEY, JSON.stringify({ name: file?.name ?? null, saved, length: text.length }));
    },
    listRecent: () => recent.list(),
    async openRecent(key: string): Promise<OpenedFile | null> {
      const entry = await recent.read(key);
      if (entry === null) return null;
      // A handle from this session saves in place; otherwise Save asks (or downloads) again.
      const handleKey = [...handles.entries()].reverse().find(([, handle]) => handle.name === entry.name)?.[0];
      const reference = { name: entry.name, key: handleKey ?? 'recent' };
      return { reference: await used(reference, entry.text), text: entry.text };
    },
    isFirstLaunch: () => Promise.resolve(firstLaunchFlag(localStorageOf(scope))),
    onMenuCommand: () => () => undefined,
  };
}
