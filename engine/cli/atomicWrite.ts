// Files the command line writes (checkpoints, predictions): checked to be writable before any
// work starts, then written through a temporary file in the same folder (unique name: process id
// and random bytes), flushed to disk, renamed over the target and the folder flushed. A save cut
// short at any point (killed, disk full, file-size limit) leaves the target as it was; two
// processes saving to one path never mix their bytes: the last rename wins whole.
import { randomBytes } from 'node:crypto';
import { lstat, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A file the command cannot write: a message of one line naming the path and what to do. */
export class OutputFileError extends Error {}

function temporaryName(target: string, suffix: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.${suffix}`);
}

function reason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the disk',
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large (a file-size limit)',
  };
  return code !== undefined && known[code] !== undefined ? `${code}: ${known[code]}` : (cause as Error).message.split('\n')[0];
}

/** Where a write to `path` lands: the file a symbolic link points to, so the link stays. */
async function destination(path: string): Promise<string> {
  const link = await lstat(path).catch(() => null);
  return link?.isSymbolicLink() === true ? realpath(path).catch(() => path) : path;
}

/**
 * Refuses, before any work, a path that cannot be written: a folder, a device or pipe, a missing
 * folder, or a folder this process cannot create files in (tried with an empty file, removed).
 */
export async function checkWritable(path: string, flag: string): Promise<void> {
  const target = await destination(path);
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory() === true) throw new OutputFileError(`${flag} ${path} is a folder: give a file path, such as ${join(path, 'run.ckpt')}.`);
  if (existing !== null && !existing.isFile()) throw new OutputFileError(`${flag} ${path} is not a regular file (a device, pipe or socket): give a file path.`);
  const folder = dirname(target);
  const folderStat = await stat(folder).catch(() => null);
  if (folderStat === null) throw new OutputFileError(`${flag} ${path}: the folder ${folder} does not exist; create it first (mkdir -p ${folder}) or choose another path.`);
  if (!folderStat.isDirectory()) throw new OutputFileError(`${flag} ${path}: ${folder} is not a folder; choose another path.`);
  const probe = temporaryName(target, 'probe');
  try {
    await (await open(probe, 'wx', 0o644)).close();
  } catch (cause) {
    throw new OutputFileError(`${flag} ${path}: cannot create files in ${folder} (${reason(cause)}); choose a folder you can write to.`);
  }
  await unlink(probe).catch(() => undefined);
}

async function flushFolder(folder: string): Promise<void> {
  // Makes the rename itself durable; some systems cannot open or flush a folder, and a rename is still atomic there.
  const handle = await open(folder, 'r').catch(() => null);
  await handle?.sync().catch(() => undefined);
  await handle?.close().catch(() => undefined);
}

/** Writes `bytes` to `path` atomically; on failure the target keeps its previous contents and the temporary file is removed. */
export async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const target = await destination(path);
  const temporary = temporaryName(target, 'tmp');
  const existed = (await stat(target).catch(() => null)) !== null;
  let handle: FileHandle | null = null;
  try {
    handle = await open(temporary, 'wx', 0o644);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(temporary, target);
  } catch (cause) {
    await handle?.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    throw new OutputFileError(`could not write ${path} (${reason(cause)}); ${existed ? 'it keeps its previous contents' : 'nothing was written'}.`);
  }
  await flushFolder(dirname(target));
}
