// The browser's autosave slot: the document's text and, beside it, the file it belongs to and
// whether it was saved there, both in IndexedDB.
import type { KeyValueStore } from './indexedDbStore.ts';
import type { Autosave, Platform } from './platform.ts';

const AUTOSAVE_KEY = 'autosave';
/** Beside the text: the file's name, whether it was saved, and the text's length (a state left from another text is ignored). */
const AUTOSAVE_STATE_KEY = 'autosave-state';
/** A restored file's key: no handle survives a reload, so Save asks where, offering the name. */
const RESTORED_FILE_KEY = 'autosave';

function readAutosaveState(text: string, state: string | null): Pick<Autosave, 'file' | 'saved'> {
  try {
    const value = JSON.parse(state ?? 'null') as { name?: unknown; saved?: unknown; length?: unknown } | null;
    if (value === null || value.length !== text.length) return { file: null, saved: false };
    return { file: typeof value.name === 'string' && value.name !== '' ? { name: value.name, key: RESTORED_FILE_KEY } : null, saved: value.saved === true };
  } catch {
    return { file: null, saved: false };
  }
}

export function browserAutosave(store: KeyValueStore): Pick<Platform, 'getAutosave' | 'setAutosave'> {
  return {
    async getAutosave(): Promise<Autosave | null> {
      const text = await store.get(AUTOSAVE_KEY);
      return text === null ? null : { text, ...readAutosaveState(text, await store.get(AUTOSAVE_STATE_KEY)) };
    },
    async setAutosave({ text, file, saved }: Autosave): Promise<void> {
      await store.set(AUTOSAVE_KEY, text);
      await store.set(AUTOSAVE_STATE_KEY, JSON.stringify({ name: file?.name ?? null, saved, length: text.length }));
    },
  };
}
