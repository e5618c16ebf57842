// The Platform in a plain browser: the File System Access API where present (Chromium), else an
// <input type=file> to open and a download to save (Save As first asks for the download's name).
// Autosave and the recent files (names and documents) live in IndexedDB.
import { browserAutosave } from './browserAutosave.ts';
import { firstLaunchFlag } from './firstLaunch.ts';
import { createIndexedDbStore, type KeyValueStore } from './indexedDbStore.ts';
import { GRAPH_FILE_EXTENSION, type FileReference, type OpenedFile, type Platform } from './platform.ts';
import { createRecentDocuments, type RecentDocuments } from './recentDocuments.ts';

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

/** The files this session opened or saved (their handles, by key), and the recent list they go on. */
function createFileBook(recent: RecentDocuments) {
  const handles = new Map<string, FileSystemFileHandle>();
  let nextKey = 1;
  return {
    handles,
    /** Puts a file on the recent list; a failure there never fails the open or save. */
    async used<T extends FileReference | null>(reference: T, text: string): Promise<T> {
      if (reference !== null) await recent.add(reference.name, text).catch(() => undefined);
      return reference;
    },
    remember(handle: FileSystemFileHandle): FileReference {
      const key = `handle-${nextKey++}`;
      handles.set(key, handle);
      return { name: handle.name, key };
    },
  };
}

type FileBook = ReturnType<typeof createFileBook>;

async function openFile(pickers: FilePickers | null, book: FileBook): Promise<OpenedFile | null> {
  if (pickers === null) {
    const file = await pickWithInput();
    if (file === null) return null;
    return { reference: { name: file.name, key: 'upload' }, text: await file.text() };
  }
  try {
    const [handle] = await pickers.showOpenFilePicker({ types: PICKER_TYPES, multiple: false });
    const text = await (await handle.getFile()).text();
    return { reference: book.remember(handle), text };
  } catch (cause) {
    if (isAbort(cause)) return null;
    throw cause;
  }
}

/** The name a download goes under: what the user types (the graph extension added when missing); null when they cancel. */
export function downloadName(answer: string | null): string | null {
  const name = answer?.trim().replace(/[\\/:*?"<>|]+/g, '-') ?? '';
  if (name === '') return null;
  return /\.json$/i.test(name) ? name : `${name}${GRAPH_FILE_EXTENSION}`;
}

function saveByDownload(book: FileBook, name: string, text: string): Promise<FileReference> {
  download(name, text);
  return book.used({ name, key: 'download' }, text);
}

async function saveFileAs(scope: Window, pickers: FilePickers | null, book: FileBook, suggestedName: string, text: string, purpose: 'saveAs' | 'export'): Promise<FileReference | null> {
  if (pickers === null) {
    const name = purpose === 'export' ? suggestedName : downloadName(scope.prompt('Save the graph as (it downloads under this name):', suggestedName));
    return name === null ? null : saveByDownload(book, name, text);
  }
  try {
    const handle = await pickers.showSaveFilePicker({ types: PICKER_TYPES, suggestedName });
    await writeHandle(handle, text);
    return await book.used(book.remember(handle), text);
  } catch (cause) {
    if (isAbort(cause)) return null;
    throw cause;
  }
}

async function openRecent(book: FileBook, recent: RecentDocuments, key: string): Promise<OpenedFile | null> {
  const entry = await recent.read(key);
  if (entry === null) return null;
  // A handle from this session saves in place; otherwise Save asks (or downloads) again.
  const handleKey = [...book.handles.entries()].reverse().find(([, handle]) => handle.name === entry.name)?.[0];
  return { reference: { name: entry.name, key: handleKey ?? 'recent' }, text: entry.text };
}

export function createBrowserPlatform(scope: Window = window, store: KeyValueStore = createIndexedDbStore(scope.indexedDB)): Platform {
  const pickers = filePickers(scope);
  const recent = createRecentDocuments(store);
  const book = createFileBook(recent);
  const saveAs = (suggestedName: string, text: string, purpose: 'saveAs' | 'export' = 'saveAs') => saveFileAs(scope, pickers, book, suggestedName, text, purpose);
  return {
    kind: 'browser',
    openFile: () => openFile(pickers, book),
    async saveFile(reference: FileReference, text: string): Promise<FileReference | null> {
      const handle = book.handles.get(reference.key);
      // Save downloads again under the file's name without asking; Save As asks.
      if (handle === undefined) return pickers === null ? saveByDownload(book, reference.name, text) : saveAs(reference.name, text);
      await writeHandle(handle, text);
      return book.used(reference, text);
    },
    saveFileAs: saveAs,
    ...browserAutosave(store),
    addRecent: async (reference: FileReference, text: string) => void (await book.used(reference, text)),
    listRecent: () => recent.list(),
    openRecent: (key: string) => openRecent(book, recent, key),
    isFirstLaunch: () => Promise.resolve(firstLaunchFlag(localStorageOf(scope))),
    onMenuCommand: () => () => undefined,
  };
}
