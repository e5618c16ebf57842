// Keeps the JSON view and the document in step: typed text that reads as a graph becomes an
// undoable edit; a document changed elsewhere (canvas, undo) replaces the text, but a document
// the text itself produced leaves the text as typed.
import type { GraphDocument } from '../../engine/graph/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { writeDocumentText } from '../document/documentText.ts';
import { readJsonEdit, type JsonEdit } from './jsonEditing.ts';

export interface JsonSync {
  /** The text to show for a document; null when the editor's own text already says it. */
  textFor(document: GraphDocument): string | null;
  /** Reads typed text; applies it to the store when it is a graph that differs from the document. */
  submit(text: string): JsonEdit;
}

export const JSON_EDIT_DELAY_MS = 400;

export function createJsonSync(store: EditorStore): JsonSync {
  let fromText: GraphDocument | null = null;
  return {
    textFor(document) {
      return document === fromText ? null : writeDocumentText(document);
    },
    submit(text) {
      const edit = readJsonEdit(text);
      if (!edit.ok) return edit;
      const current = store.getState().document;
      if (writeDocumentText(edit.document) !== writeDocumentText(current)) store.edit(() => edit.document, { label: 'Edit JSON', mergeKey: 'json' });
      fromText = store.getState().document;
      return edit;
    },
  };
}
