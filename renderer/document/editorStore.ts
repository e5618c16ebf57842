// The editor's state: the document (the one source of truth), its analysis, the file it came
// from, the selection and the view. A tiny external store: React reads it with useEditorState.
// Every edit is recorded as a command in the undo history.
import { analyzeGraph, type GraphAnalysis, type GraphDocument } from '../../engine/graph/index.ts';
import { createCommandHistory, recordCommand } from './commandHistory.ts';
import type { FileReference } from '../platform/platform.ts';

export type CenterView = 'canvas' | 'json';

export interface Notice {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

export interface EditorState {
  readonly document: GraphDocument;
  readonly analysis: GraphAnalysis;
  readonly file: FileReference | null;
  /** True when the document changed since it was opened or saved. */
  readonly dirty: boolean;
  readonly selectedNodeId: string | null;
  /** Counts requests to bring the selected layer into view (one added from the palette, maybe off screen). */
  readonly revealSerial: number;
  readonly view: CenterView;
  readonly notice: Notice | null;
  /** Counts loads: a new document gets a fresh canvas, fitted to view. */
  readonly generation: number;
  /** What Undo and Redo would do, null when there is nothing to undo or redo. */
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
}

export interface EditOptions {
  /** Moves keep the analysis, which ignores positions. */
  readonly layoutOnly?: boolean;
  /** The command's name in the history ("Move layers", "Set units"). */
  readonly label?: string;
  /** Consecutive edits with the same key undo as one. */
  readonly mergeKey?: string;
}

export interface EditorStore {
  getState(): EditorState;
  subscribe(listener: () => void): () => void;
  /** Replaces the document (open, new, example); clears selection, history and the dirty mark. */
  load(document: GraphDocument, file: FileReference | null, analysis?: GraphAnalysis): void;
  /** Loads an autosaved document, bound to its file; marked unsaved unless `saved` says the file has it. */
  restore(document: GraphDocument, file: FileReference | null, saved: boolean): void;
  /** Applies an edit as one undoable command. */
  edit(change: (document: GraphDocument) => GraphDocument, options?: EditOptions): void;
  undo(): void;
  redo(): void;
  /** Selects a layer; `reveal` asks the canvas to bring it into view if it is off screen. */
  select(nodeId: string | null, options?: { readonly reveal?: boolean }): void;
  setView(view: CenterView): void;
  markSaved(file: FileReference): void;
  notify(notice: Notice | null): void;
}

export function createEditorStore(document: GraphDocument): EditorStore {
  const history = createCommandHistory();
  let state: EditorState = { document, analysis: analyzeGraph(document), file: null, dirty: false, selectedNodeId: null, revealSerial: 0, view: 'canvas', notice: null, generation: 0, undoLabel: null, redoLabel: null };
  const listeners = new Set<() => void>();
  function update(next: EditorState): void {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  }
  function show(next: GraphDocument, analysis: GraphAnalysis): void {
    const selectedNodeId = next.nodes.some((node) => node.id === state.selectedNodeId) ? state.selectedNodeId : null;
    update({ ...state, document: next, analysis, dirty: true, selectedNodeId, undoLabel: history.undoLabel, redoLabel: history.redoLabel });
  }
  function load(next: GraphDocument, file: FileReference | null, analysis: GraphAnalysis, dirty: boolean): void {
    history.clear();
    update({ ...state, document: next, analysis, file, dirty, selectedNodeId: null, generation: state.generation + 1, undoLabel: null, redoLabel: null });
  }
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load(next, file, analysis = analyzeGraph(next)) {
      load(next, file, analysis, false);
    },
    restore(next, file, saved) {
      load(next, file, analyzeGraph(next), !saved);
    },
    edit(change, options = {}) {
      const before = state.document;
      const next = change(before);
      if (next === before) return;
      const command = recordCommand(options.label ?? 'Edit', before, next, options.mergeKey);
      if (command !== null) history.push(command, before, next);
      show(next, options.layoutOnly === true ? state.analysis : analyzeGraph(next));
    },
    undo() {
      const previous = history.undo(state.document);
      if (previous !== null) show(previous, analyzeGraph(previous));
    },
    redo() {
      const next = history.redo(state.document);
      if (next !== null) show(next, analyzeGraph(next));
    },
    select(nodeId, options) {
      const reveal = options?.reveal === true && nodeId !== null;
      if (nodeId !== state.selectedNodeId || reveal) update({ ...state, selectedNodeId: nodeId, revealSerial: state.revealSerial + (reveal ? 1 : 0) });
    },
    setView(view) {
      // A fresh canvas mounted with a node already selected loops in React Flow (update depth
      // exceeded), so switching views clears the selection.
      if (view !== state.view) update({ ...state, view, selectedNodeId: null });
    },
    markSaved(file) {
      update({ ...state, file, dirty: false });
    },
    notify(notice) {
      update({ ...state, notice });
    },
  };
}
