// The browser's recent files: a browser cannot reopen a file by name, so each entry keeps the name
// and the document text as last opened or saved, in the platform's key-value store (IndexedDB).
import type { KeyValueStore } from './indexedDbStore.ts';
import type { RecentFile } from './platform.ts';

export const RECENT_KEY = 'recent';
export const MAX_RECENT_DOCUMENTS = 8;

export interface RecentDocument {
  readonly name: string;
  readonly text: string;
  /** When it was last opened or saved (ms since the epoch). */
  readonly usedAt: number;
}

function isRecentDocument(value: unknown): value is RecentDocument {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.name === 'string' && entry.name !== '' && typeof entry.text === 'string' && typeof entry.usedAt === 'number';
}

/** The stored list; anything unreadable counts as empty. */
export function parseRecentDocuments(text: string | null): RecentDocument[] {
  if (text === null) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isRecentDocument).slice(0, MAX_RECENT_DOCUMENTS) : [];
  } catch {
    return [];
  }
}

/** The list after using a file: it first (one entry per name), at most MAX_RECENT_DOCUMENTS. */
export function pushRecentDocument(list: readonly RecentDocument[], entry: RecentDocument): RecentDocument[] {
  return [entry, ...list.filter((other) => other.name !== entry.name)].slice(0, MAX_RECENT_DOCUMENTS);
}

export interface RecentDocuments {
  list(): Promise<RecentFile[]>;
  add(name: string, text: string): Promise<void>;
  read(key: string): Promise<RecentDocument | null>;
}

/** Keys are the file names: a browser knows no paths. */
export function createRecentDocuments(store: KeyValueStore, now: () => number = Date.now): RecentDocuments {
  const load = async () => parseRecentDocuments(await store.get(RECENT_KEY));
  return {
    async list() {
      return (await load()).map((entry) => ({ name: entry.name, key: entry.name, detail: 'Kept in this browser' }));
    },
    async add(name, text) {
      await store.set(RECENT_KEY, JSON.stringify(pushRecentDocument(await load(), { name, text, usedAt: now() })));
    },
    async read(key) {
      return (await load()).find((entry) => entry.name === key) ?? null;
    },
  };
}
