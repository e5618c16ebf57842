// Graph files for the renderer: dialogs to pick them, reads and atomic writes. The renderer names
// a path only to save again where the user already chose; main writes nowhere else.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { MAX_DOCUMENT_CHARS, type FileInfo, type OpenedFile, type SaveFileAsRequest, type SaveFileRequest } from '../contract/index.ts';
import { analyzeGraphText } from '../../engine/graph/index.ts';
import { writeFileAtomically } from './atomicWrite.ts';
import type { RecentFiles } from './recentFiles.ts';

/** The dialogs, so the service runs without Electron in tests. Each returns null when cancelled. */
export interface FileDialogs {
  chooseFileToOpen(): Promise<string | null>;
  chooseFileToSave(defaultPath: string): Promise<string | null>;
  /** Whether to replace an existing file the save dialog did not ask about. */
  confirmReplace(path: string): Promise<boolean>;
}

/**
 * Where Save As writes for the path the dialog returned: a name without an extension gets .json.
 * The dialog asked about replacing only the path it returned, so when the extension is added
 * (`asked` false) and a file of that name exists, the user must be asked again.
 */
export function saveAsTarget(chosen: string): { readonly path: string; readonly asked: boolean } {
  if (extname(chosen) !== '') return { path: chosen, asked: true };
  return { path: `${chosen}.json`, asked: false };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw cause;
  }
}

export interface FileService {
  open(): Promise<OpenedFile | null>;
  save(request: SaveFileRequest): Promise<FileInfo>;
  saveAs(request: SaveFileAsRequest): Promise<FileInfo | null>;
  /** Reopens a path on the recent list; null (and off the list) when it is gone. */
  openRecent(path: string): Promise<OpenedFile | null>;
  /** Whether the user chose this path in a dialog (or reopened it) this session. */
  isGranted(path: string): boolean;
  /** Grants a path again: the file last session's autosave belonged to (main only stored granted ones). */
  regrant(path: string): void;
}

function describe(path: string): FileInfo {
  return { path, name: basename(path) };
}

async function readGraphFile(path: string): Promise<string> {
  const size = (await stat(path)).size;
  if (size > MAX_DOCUMENT_CHARS) throw new Error(`${basename(path)} is ${Math.round(size / 1048576)} MiB; a graph file may be at most 64 MiB.`);
  return readFile(path, 'utf8');
}

/** The path Save As writes to, after the dialog and, where .json was added onto an existing file, the question; null when cancelled. */
async function chooseSaveAsPath(dialogs: FileDialogs, defaultPath: string): Promise<string | null> {
  const chosen = await dialogs.chooseFileToSave(defaultPath);
  if (chosen === null) return null;
  const { path, asked } = saveAsTarget(chosen);
  if (!asked && (await exists(path)) && !(await dialogs.confirmReplace(path))) return null;
  return path;
}

/** Whether the renderer will open `text`: a file that fails to open stays off the recent list. */
function opensAsGraph(text: string): boolean {
  return analyzeGraphText(text).document !== null;
}

const NO_RECENT: RecentFiles = { list: async () => [], add: async () => undefined, remove: async () => undefined, has: async () => false };

/** `documentsFolder` is where Save As starts; every file opened or saved goes on `recent`. */
export function createFileService(dialogs: FileDialogs, documentsFolder: string, recent: RecentFiles = NO_RECENT): FileService {
  const granted = new Set<string>();
  let lastFolder = documentsFolder;
  /** Lets the renderer save to `path`; it goes on the recent list only when `text` is a graph that opens. */
  async function grant(path: string, text?: string): Promise<FileInfo> {
    const absolute = resolve(path);
    granted.add(absolute);
    lastFolder = dirname(absolute);
    if (text === undefined || opensAsGraph(text)) await recent.add(absolute);
    return describe(absolute);
  }
  return {
    async open() {
      const path = await dialogs.chooseFileToOpen();
      if (path === null) return null;
      const text = await readGraphFile(path);
      return { ...(await grant(path, text)), text };
    },
    async openRecent(path) {
      const absolute = resolve(path);
      if (!(await recent.has(absolute))) throw new Error(`${basename(absolute)} is not on the recent files list. Use Open.`);
      let text: string;
      try {
        text = await readGraphFile(absolute);
      } catch (cause) {
        if ((cause as NodeJS.ErrnoException).code !== 'ENOENT') throw cause;
        await recent.remove(absolute);
        return null;
      }
      return { ...(await grant(absolute, text)), text };
    },
    async save(request) {
      const absolute = resolve(request.path);
      if (!granted.has(absolute)) throw new Error(`Netloom may only save to a file chosen in its Open or Save dialog, not ${basename(absolute)}. Use Save As.`);
      await writeFileAtomically(absolute, request.text);
      await recent.add(absolute);
      return describe(absolute);
    },
    isGranted: (path) => granted.has(resolve(path)),
    regrant(path) {
      granted.add(resolve(path));
    },
    async saveAs(request) {
      const path = await chooseSaveAsPath(dialogs, join(lastFolder, request.suggestedName));
      if (path === null) return null;
      await writeFileAtomically(path, request.text);
      return await grant(path);
    },
  };
}
