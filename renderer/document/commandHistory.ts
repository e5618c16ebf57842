// Undo and redo as a history of commands. A command is one user gesture (a drag, a param edit, a
// fix) recorded as a document patch: apply runs it forwards, invert backwards.
import type { GraphDocument } from '../../engine/graph/index.ts';
import { applyPatch, diffDocuments, invertPatch, isEmptyPatch, type DocumentPatch } from './documentPatch.ts';

export interface Command {
  /** What the gesture did, for the Undo/Redo buttons: "Move 2 layers", "Set kernelSize". */
  readonly label: string;
  readonly patch: DocumentPatch;
  /** Consecutive commands with the same key merge into one (typing digits into one field). */
  readonly mergeKey?: string;
}

export function applyCommand(document: GraphDocument, command: Command): GraphDocument {
  return applyPatch(document, command.patch);
}

export function invertCommand(document: GraphDocument, command: Command): GraphDocument {
  return applyPatch(document, invertPatch(command.patch));
}

/** The command that turns `before` into `after`; null when nothing changed. */
export function recordCommand(label: string, before: GraphDocument, after: GraphDocument, mergeKey?: string): Command | null {
  const patch = diffDocuments(before, after);
  return isEmptyPatch(patch) ? null : { label, patch, mergeKey };
}

export interface CommandHistory {
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  /**
   * Names the document the history stands at: 0 before any command, else the last done command's
   * revision. Undoing back to a saved revision gives the saved number again (the unsaved mark uses it).
   */
  readonly revision: number;
  /** Records a command already applied; clears the redo stack. */
  push(command: Command, before: GraphDocument, after: GraphDocument): void;
  /** The document with the last command inverted, or null when there is nothing to undo. */
  undo(document: GraphDocument): GraphDocument | null;
  redo(document: GraphDocument): GraphDocument | null;
  clear(): void;
}

interface Entry {
  readonly command: Command;
  /** The document before the command, to merge a following command into this one. */
  readonly before: GraphDocument;
  readonly after: GraphDocument;
  /** Unique per recorded (or merged) command; kept through undo and redo. */
  readonly revision: number;
}

export const HISTORY_LIMIT = 500;

export function createCommandHistory(limit = HISTORY_LIMIT): CommandHistory {
  let done: Entry[] = [];
  let undone: Entry[] = [];
  let lastRevision = 0;
  const nextRevision = () => ++lastRevision;
  return {
    get undoLabel() {
      return done.at(-1)?.command.label ?? null;
    },
    get redoLabel() {
      return undone.at(-1)?.command.label ?? null;
    },
    get revision() {
      return done.at(-1)?.revision ?? 0;
    },
    push(command, before, after) {
      const last = done.at(-1);
      undone = [];
      if (last !== undefined && command.mergeKey !== undefined && last.command.mergeKey === command.mergeKey && last.after === before) {
        const merged = recordCommand(command.label, last.before, after, command.mergeKey);
        done = done.slice(0, -1);
        if (merged !== null) done.push({ command: merged, before: last.before, after, revision: nextRevision() });
        return;
      }
      done = [...done, { command, before, after, revision: nextRevision() }].slice(-limit);
    },
    undo(document) {
      const entry = done.at(-1);
      if (entry === undefined) return null;
      done = done.slice(0, -1);
      const previous = invertCommand(document, entry.command);
      undone.push({ ...entry, before: previous, after: document });
      return previous;
    },
    redo(document) {
      const entry = undone.at(-1);
      if (entry === undefined) return null;
      undone = undone.slice(0, -1);
      const next = applyCommand(document, entry.command);
      done.push({ ...entry, before: document, after: next });
      return next;
    },
    clear() {
      done = [];
      undone = [];
    },
  };
}
