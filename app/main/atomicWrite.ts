// Atomic, durable file writes for main: graph files, the autosave and the recent-files list.
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Errors of file systems and systems that cannot flush a folder; the rename is done all the same. */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EINVAL', 'ENOTSUP', 'EISDIR', 'EPERM', 'EBADF']);

/** Flushes a folder's entries (a rename in it) to disk. Windows cannot open a folder for this. */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch (cause) {
    if (!FOLDER_SYNC_UNSUPPORTED.has((cause as NodeJS.ErrnoException).code ?? '')) throw cause;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes a temporary file in the same folder, flushes it to disk, renames it over `path` and
 * flushes the folder: a crash or power cut leaves the old file or the new one, never half of one.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx', 0o644);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (cause) {
    await unlink(temporary).catch(() => undefined);
    throw cause;
  }
  await syncFolder(dirname(path));
}

/** Removes a file if it is there, durably. */
export async function removeFileDurably(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw cause;
  }
  await syncFolder(dirname(path));
}
