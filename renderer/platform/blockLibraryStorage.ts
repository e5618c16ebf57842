// Where the personal block library lives: the window's localStorage, in Electron and the browser
// alike (small, synchronous, per user profile). Falls back to memory where storage is refused.

export interface TextSlot {
  read(): string | null;
  write(text: string): void;
}

export const BLOCK_LIBRARY_KEY = 'netloom.blockLibrary';

export function createLocalTextSlot(key = BLOCK_LIBRARY_KEY, storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage): TextSlot {
  let memory: string | null = null;
  return {
    read() {
      try {
        return storage?.getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    write(text) {
      memory = text;
      try {
        storage?.setItem(key, text);
      } catch {
        // Private windows and full quotas refuse; the library lasts for this session.
      }
    },
  };
}
