// Zip archives a user gives (a folder of images zipped, or an .npz of arrays), opened with fflate
// into files in memory. The archive is read through the FileSource (streamed, with progress);
// its entries' declared sizes are checked against the limits before anything is inflated.
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { readFileChunks } from './byteStream.ts';
import { DataError } from './dataError.ts';
import { formatBytes, resolveLimits, type DataLimits } from './limits.ts';
import { normalizePath, type FileSource, type ProgressCallback } from './fileSource.ts';

/** Entries a zip tool adds that are not data: macOS resource forks and Finder files, folders. */
export function isJunkEntry(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(name) || /(^|\/)\._/.test(name);
}

function checkSizes(path: string, limits: DataLimits): (info: UnzipFileInfo) => boolean {
  let total = 0;
  let count = 0;
  return (info) => {
    if (isJunkEntry(info.name)) return false;
    if (info.originalSize > limits.maxFileBytes) throw new DataError({ file: path, field: info.name.length <= 200 ? info.name : undefined }, `an entry would inflate to ${formatBytes(info.originalSize)}, over the limit of ${formatBytes(limits.maxFileBytes)} per file`);
    total += info.originalSize;
    count++;
    if (total > limits.maxDatasetBytes) throw new DataError({ file: path }, `the archive would inflate to more than ${formatBytes(limits.maxDatasetBytes)} (maxDatasetBytes)`);
    if (count > limits.maxImages) throw new DataError({ file: path }, `the archive holds more than ${limits.maxImages} files (maxImages)`);
    return true;
  };
}

/** The files of a zip archive, by their paths inside it (`/` separators). */
export async function readZipArchive(files: FileSource, path: string, onProgress?: ProgressCallback, limits: DataLimits = resolveLimits()): Promise<Map<string, Uint8Array>> {
  const size = await files.size(path);
  if (size > limits.maxFileBytes) throw new DataError({ file: path }, `the archive is ${formatBytes(size)}, over the limit of ${formatBytes(limits.maxFileBytes)}`);
  const bytes = new Uint8Array(size);
  let offset = 0;
  for await (const chunk of readFileChunks(files, path, { onProgress, maxBytes: limits.maxFileBytes })) {
    if (offset + chunk.byteLength > size) throw new DataError({ file: path }, 'the archive grew while it was read; add it again');
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes.subarray(0, offset), { filter: checkSizes(path, limits) });
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError({ file: path }, 'not a readable zip archive (it is damaged, encrypted, or another kind of file)', { cause: error });
  }
  const unpacked = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) unpacked.set(normalizePath(name), data);
  if (unpacked.size === 0) throw new DataError({ file: path }, 'the archive holds no files');
  return unpacked;
}
