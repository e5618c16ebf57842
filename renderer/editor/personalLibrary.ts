// The personal block library as a small external store over a text slot (localStorage by default):
// the palette lists it, the canvas saves into it and inserts from it.
import { createLocalTextSlot, type TextSlot } from '../platform/blockLibraryStorage.ts';
import { addToLibrary, parseLibrary, removeFromLibrary, serializeLibrary, type LibraryBlock } from './blockLibrary.ts';

export interface PersonalLibrary {
  list(): readonly LibraryBlock[];
  get(id: string): LibraryBlock | null;
  /** Saves a block (replacing one of the same name); returns the saved entry. */
  save(block: Omit<LibraryBlock, 'id'>): LibraryBlock;
  remove(id: string): void;
  subscribe(listener: () => void): () => void;
}

export function createPersonalLibrary(slot: TextSlot): PersonalLibrary {
  let blocks: readonly LibraryBlock[] = parseLibrary(slot.read());
  const listeners = new Set<() => void>();
  function store(next: readonly LibraryBlock[]): void {
    blocks = next;
    slot.write(serializeLibrary(next));
    for (const listener of listeners) listener();
  }
  return {
    list: () => blocks,
    get: (id) => blocks.find((block) => block.id === id) ?? null,
    save(block) {
      const next = addToLibrary(blocks, block);
      store(next);
      return next.find((item) => item.name === block.name) ?? next[next.length - 1];
    },
    remove(id) {
      store(removeFromLibrary(blocks, id));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let shared: PersonalLibrary | null = null;

/** The app's library, created on first use. */
export function personalLibrary(): PersonalLibrary {
  shared ??= createPersonalLibrary(createLocalTextSlot());
  return shared;
}
