// Writes the document to the platform's autosave slot shortly after each edit.
import type { Platform } from '../platform/platform.ts';
import { writeDocumentText } from './documentText.ts';
import type { EditorStore } from './editorStore.ts';

export const AUTOSAVE_DELAY_MS = 1500;

/** Starts autosaving edits (not loads); returns a function that stops it. */
export function startAutosave(store: EditorStore, platform: Platform, delay = AUTOSAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saved = store.getState().document;
  const unsubscribe = store.subscribe(() => {
    const { document, dirty } = store.getState();
    if (document === saved || !dirty) {
      saved = document;
      return;
    }
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const current = store.getState().document;
      saved = current;
      platform.setAutosave(writeDocumentText(current)).catch((cause: unknown) => {
        store.notify({ kind: 'error', text: `Autosave failed: ${cause instanceof Error ? cause.message : String(cause)}` });
      });
    }, delay);
  });
  return () => {
    if (timer !== null) clearTimeout(timer);
    unsubscribe();
  };
}
