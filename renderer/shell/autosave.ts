// Writes the document to the platform's autosave slot shortly after each edit, with the file it
// belongs to; a save marks the slot saved at once, so a restart knows nothing there is unsaved.
import type { Autosave, Platform } from '../platform/platform.ts';
import { writeDocumentText } from '../document/documentText.ts';
import type { EditorStore } from '../document/editorStore.ts';

export const AUTOSAVE_DELAY_MS = 1500;

/** Starts autosaving edits and saves (not loads); returns a function that stops it. */
export function startAutosave(store: EditorStore, platform: Platform, delay = AUTOSAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = store.getState();
  let written = last.document;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const write = (autosave: Autosave) =>
    platform.setAutosave(autosave).catch((cause: unknown) => {
      store.notify({ kind: 'error', text: `Autosave failed: ${cause instanceof Error ? cause.message : String(cause)}` });
    });
  const unsubscribe = store.subscribe(() => {
    const previous = last;
    const { document, dirty, file, generation } = (last = store.getState());
    // Saved (the same document, now clean, in a file): said at once, replacing any pending write.
    if (previous.dirty && !dirty && file !== null && generation === previous.generation) {
      cancel();
      written = document;
      void write({ text: writeDocumentText(document), file, saved: true });
      return;
    }
    if (document === written || !dirty) {
      written = document;
      return;
    }
    cancel();
    timer = setTimeout(() => {
      timer = null;
      const current = store.getState();
      written = current.document;
      void write({ text: writeDocumentText(current.document), file: current.file, saved: false });
    }, delay);
  });
  return () => {
    cancel();
    unsubscribe();
  };
}
