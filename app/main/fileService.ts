// Graph files for the renderer: dialogs to pick them, reads and atomic writes. The renderer names
// a path only to save again where the user already chose; main writes nowhere else.
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { MAX_DOCUMENT_CHARS, type FileInfo, type OpenedFile, type SaveFileAsRequest, type SaveFileRequest } from '../contract/index.ts';

/** The dialogs, so the service runs without Electron in tests. Each returns null when cancelled. */
export interface FileDialogs {
  chooseFileToOpen(): Promise<string | null>;
  chooseFileToSave(defaultPath: string): Promise<string | null>;
}

export interface FileService {
  open(): Promise<OpenedFile | null>;
  save(request: SaveFileRequest): Promise<FileInfo>;
  saveAs(request: SaveFileAsRequest): Promise<FileInfo | null>;
}

/** Writes through a temporary file in the same folder, then renames: a crash never leaves half a file. */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, { encoding: 'utf8', mode: 0o644 });
    await rename(temporary, path);
  } catch (cause) {
    await unlink(temporary).catch(() => undefined);
    throw cause;
  }
}

function describe(path: string): FileInfo {
  return { path, name: basename(path) };
}

/** `documentsFolder` is where Save As starts. */
export function createFileService(dialogs: FileDialogs, documentsFolder: string): FileService {
  const granted = new Set<string>();
  let lastFolder = documentsFolder;
  function grant(path: string): FileInfo {
    const absolute = resolve(path);
    granted.add(absolute);
    lastFolder = dirname(absolute);
    return describe(absolute);
  }
  return {
    async open() {
      const path = await dialogs.chooseFileToOpen();
      if (path === null) return null;
      const size = (await stat(path)).size;
      if (size > MAX_DOCUMENT_CHARS) throw new Error(`${basename(path)} is ${Math.round(size / 1048576)} MiB; a graph file may be at most 64 MiB.`);
      const text = await readFile(path, 'utf8');
      return { ...grant(path), text };
    },
    async save(request) {
      const absolute = resolve(request.path);
      if (!granted.has(absolute)) throw new Error(`Netloom may only save to a file chosen in its Open or Save dialog, not ${basename(absolute)}. Use Save As.`);
      await writeFileAtomically(absolute, request.text);
      return describe(absolute);
    },
    async saveAs(request) {
      const chosen = await dialogs.chooseFileToSave(join(lastFolder, request.suggestedName));
      if (chosen === null) return null;
      const path = extname(chosen) === '' ? `${chosen}.json` : chosen;
      await writeFileAtomically(path, request.text);
      return grant(path);
    },
  };
}
