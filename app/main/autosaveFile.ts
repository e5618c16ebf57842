// The autosave slot: the document's text in one file in the user-data folder, and beside it which
// file that text belongs to and whether it was saved there.
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { isFileInfo, type AutosaveRequest, type FileInfo } from '../contract/index.ts';
import { writeFileAtomically } from './atomicWrite.ts';

export interface AutosaveFile {
  read(): Promise<AutosaveRequest | null>;
  write(slot: AutosaveRequest): Promise<void>;
}

async function readIfThere(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cause;
  }
}

/** The state file's content; a missing or damaged one binds to no file, unsaved. */
function parseState(text: string | null): { file: FileInfo | null; saved: boolean } {
  if (text === null) return { file: null, saved: false };
  try {
    const value = JSON.parse(text) as { file?: unknown; saved?: unknown };
    return { file: isFileInfo(value.file) ? { path: value.file.path, name: value.file.name } : null, saved: value.saved === true };
  } catch {
    return { file: null, saved: false };
  }
}

export function createAutosaveFile(userDataFolder: string): AutosaveFile {
  const path = join(userDataFolder, 'autosave.netloom.json');
  const statePath = join(userDataFolder, 'autosave.state.json');
  return {
    async read() {
      const text = await readIfThere(path);
      return text === null ? null : { text, ...parseState(await readIfThere(statePath)) };
    },
    async write(slot) {
      await writeFileAtomically(path, slot.text);
      if (slot.file === null && !slot.saved) await unlink(statePath).catch(() => undefined);
      else await writeFileAtomically(statePath, `${JSON.stringify({ file: slot.file, saved: slot.saved })}\n`);
    },
  };
}
