// The autosave slot: the document's text in one file in the user-data folder, and beside it which
// file that text belongs to and whether it was saved there. The state file records the length and
// SHA-256 of the text it describes; on a mismatch (a crash between the two writes) the text is
// kept and the binding dropped. Writes go through one queue where the newest request wins.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFileInfo, type AutosaveRequest, type FileInfo } from '../contract/index.ts';
import { removeFileDurably, writeFileAtomically } from './atomicWrite.ts';
import { createLatestWinsQueue } from './latestWins.ts';

export const AUTOSAVE_TEXT_FILE = 'autosave.netloom.json';
export const AUTOSAVE_STATE_FILE = 'autosave.state.json';

export interface AutosaveFile {
  read(): Promise<AutosaveRequest | null>;
  /** Resolves once this slot, or a newer one written after it, is on disk. */
  write(slot: AutosaveRequest): Promise<void>;
}

/** The file operations, so tests can slow them down or make them fail. */
export interface AutosaveStorage {
  writeFile(path: string, text: string): Promise<void>;
  removeFile(path: string): Promise<void>;
}

const DURABLE_STORAGE: AutosaveStorage = { writeFile: writeFileAtomically, removeFile: removeFileDurably };

interface TextDigest {
  readonly textBytes: number;
  readonly textSha256: string;
}

export function textDigest(text: string): TextDigest {
  const bytes = Buffer.from(text, 'utf8');
  return { textBytes: bytes.length, textSha256: createHash('sha256').update(bytes).digest('hex') };
}

export function stateFileText(slot: AutosaveRequest): string {
  return `${JSON.stringify({ file: slot.file, saved: slot.saved, ...textDigest(slot.text) })}\n`;
}

type Binding = Pick<AutosaveRequest, 'file' | 'saved'>;
const UNBOUND: Binding = { file: null, saved: false };

function parseJson(text: string): { file?: unknown; saved?: unknown; textBytes?: unknown; textSha256?: unknown } | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

/**
 * The binding the state file gives `text`. A missing or damaged state file, or one written for
 * another text, binds it to no file, unsaved. A state file without a digest was written before the
 * digest was recorded; it is read as it was then.
 */
export function bindingFor(stateText: string | null, text: string): Binding {
  const value = stateText === null ? null : parseJson(stateText);
  if (value === null) return UNBOUND;
  if (value.textSha256 !== undefined || value.textBytes !== undefined) {
    const digest = textDigest(text);
    if (value.textBytes !== digest.textBytes || value.textSha256 !== digest.textSha256) return UNBOUND;
  }
  const file: FileInfo | null = isFileInfo(value.file) ? { path: value.file.path, name: value.file.name } : null;
  return { file, saved: file !== null && value.saved === true };
}

async function readIfThere(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw cause;
  }
}

/** The text first, then its state: a crash between them leaves a state whose digest does not match. */
function slotWriter(path: string, statePath: string, storage: AutosaveStorage): (slot: AutosaveRequest) => Promise<void> {
  let stateChecked = false;
  return async (slot) => {
    if (!stateChecked) {
      // A state file without a digest cannot be checked against the text: remove it before the text changes.
      const state = await readIfThere(statePath);
      if (state !== null && parseJson(state)?.textSha256 === undefined) await storage.removeFile(statePath);
      stateChecked = true;
    }
    await storage.writeFile(path, slot.text);
    if (slot.file === null && !slot.saved) await storage.removeFile(statePath);
    else await storage.writeFile(statePath, stateFileText(slot));
  };
}

export function createAutosaveFile(userDataFolder: string, storage: AutosaveStorage = DURABLE_STORAGE): AutosaveFile {
  const path = join(userDataFolder, AUTOSAVE_TEXT_FILE);
  const statePath = join(userDataFolder, AUTOSAVE_STATE_FILE);
  const queue = createLatestWinsQueue(slotWriter(path, statePath, storage));
  return {
    async read() {
      await queue.idle();
      const text = await readIfThere(path);
      return text === null ? null : { text, ...bindingFor(await readIfThere(statePath), text) };
    },
    write: (slot) => queue.submit(slot),
  };
}
