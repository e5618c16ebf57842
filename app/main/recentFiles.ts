// The recent-files list: the last graph files opened or saved, newest first, kept in one JSON file
// in the user-data folder. Only paths on this list may be reopened without a dialog.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { FileInfo } from '../contract/index.ts';
import { writeFileAtomically } from './atomicWrite.ts';

export const MAX_RECENT_FILES = 10;

export interface RecentFiles {
  list(): Promise<FileInfo[]>;
  /** Moves (or adds) a path to the top of the list. */
  add(path: string): Promise<void>;
  remove(path: string): Promise<void>;
  has(path: string): Promise<boolean>;
}

/** The list after using `path`: it first, no duplicates, at most MAX_RECENT_FILES. */
export function pushRecent(paths: readonly string[], path: string): string[] {
  return [path, ...paths.filter((other) => other !== path)].slice(0, MAX_RECENT_FILES);
}

function parsePaths(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string' && entry !== '').slice(0, MAX_RECENT_FILES) : [];
  } catch {
    return [];
  }
}

export function createRecentFiles(userDataFolder: string): RecentFiles {
  const file = join(userDataFolder, 'recent-files.json');
  let cache: string[] | null = null;
  async function read(): Promise<string[]> {
    if (cache !== null) return cache;
    try {
      cache = parsePaths(await readFile(file, 'utf8'));
    } catch {
      cache = [];
    }
    return cache;
  }
  async function write(paths: string[]): Promise<void> {
    cache = paths;
    await writeFileAtomically(file, `${JSON.stringify(paths, null, 2)}\n`);
  }
  return {
    list: async () => (await read()).map((path) => ({ path, name: basename(path) })),
    add: async (path) => write(pushRecent(await read(), path)),
    remove: async (path) => write((await read()).filter((other) => other !== path)),
    has: async (path) => (await read()).includes(path),
  };
}
