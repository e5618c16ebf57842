// Files a user picks or drops, as the worker takes them: each File with its path within what was
// given (a folder picker's webkitRelativePath, a dropped folder's entries). Nothing is read here:
// a File is a handle, read later in the engine worker.
import type { FileToAdd } from '../../engine/protocol/index.ts';

export function filesFromList(list: Iterable<File>): FileToAdd[] {
  return [...list].map((file) => ({ path: file.webkitRelativePath === '' ? file.name : file.webkitRelativePath, blob: file }));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function folderEntries(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until an empty one.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, prefix: string, found: FileToAdd[]): Promise<void> {
  const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  if (entry.isFile) found.push({ path, blob: await entryFile(entry as FileSystemFileEntry) });
  else if (entry.isDirectory) for (const child of await folderEntries(entry as FileSystemDirectoryEntry)) await walk(child, path, found);
}

/** The files dropped, folders walked into; a plain file list where the browser gives no entries. */
export async function filesFromDrop(transfer: DataTransfer): Promise<FileToAdd[]> {
  const entries = [...transfer.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((entry) => entry === null)) return filesFromList(transfer.files);
  const found: FileToAdd[] = [];
  for (const entry of entries) if (entry !== null) await walk(entry, '', found);
  return found;
}

export function hasFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && [...transfer.types].includes('Files');
}
