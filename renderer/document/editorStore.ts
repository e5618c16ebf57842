// The editor's state: the document (the one source of truth), its analysis, the file it came
// from, the selection and the view. A tiny external store: React reads it with useEditorState.
// Every edit is recorded as a command in the undo history.
import { analyzeGraph, type GraphAnalysis, type GraphDocument } from '../../engine/graph/index.ts';
import { createCommandHistory, recordCommand, type CommandHistory } from './commandHistory.ts';
import type { FileReference } from '../platform/platform.ts';

export type CenterView = 'canvas' | 'json' | 'pytorch';

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
  /** The layers chosen together (a paste selects everything pasted); the first is `selectedNodeId`. */
  readonly selectedNodeIds: readonly string[];
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
  /** Selects several layers at once; the first goes to the inspector. */
  selectNodes(nodeIds: readonly string[]): void;
  /** Switches the center view, unless the current view's guard says to stay (the JSON view with text that is not a graph). */
  setView(view: CenterView): void;
  /** The check a view switch must pass; null removes it. */
  guardView(guard: (() => boolean) | null): void;
  markSaved(file: FileReference): void;
  notify(notice: Notice | null): void;
}

/** The current state and its listeners; `update` tells them when the state changes. */
interface StateCell {
  get(): EditorState;
  update(next: EditorState): void;
  subscribe(listener: () => void): () => void;
}

function createStateCell(initial: EditorState): StateCell {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(next) {
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type DocumentMethods = Pick<EditorStore, 'load' | 'restore' | 'edit' | 'undo' | 'redo'>;

/** Loading, editing, undo and redo: the document and its history. */
function documentMethods(cell: StateCell, history: CommandHistory, saved: SavedRevision): DocumentMethods {
  function show(next: GraphDocument, analysis: GraphAnalysis): void {
    const state = cell.get();
    const ids = new Set(next.nodes.map((node) => node.id));
    const selectedNodeId = state.selectedNodeId !== null && ids.has(state.selectedNodeId) ? state.selectedNodeId : null;
    const selectedNodeIds = state.selectedNodeIds.every((id) => ids.has(id)) ? state.selectedNodeIds : state.selectedNodeIds.filter((id) => ids.has(id));
    const dirty = history.revision !== saved.revision;
    cell.update({ ...state, document: next, analysis, dirty, selectedNodeId, selectedNodeIds, undoLabel: history.undoLabel, redoLabel: history.redoLabel });
  }
  function load(next: GraphDocument, file: FileReference | null, analysis: GraphAnalysis, dirty: boolean): void {
    history.clear();
    // A restored document the file does not have stays unsaved until saved, whatever is undone.
    saved.revision = dirty ? NEVER_SAVED : history.revision;
    const state = cell.get();
    cell.update({ ...state, document: next, analysis, file, dirty, selectedNodeId: null, selectedNodeIds: [], generation: state.generation + 1, undoLabel: null, redoLabel: null });
  }
  return {
    load(next, file, analysis = analyzeGraph(next)) {
      load(next, file, analysis, false);
    },
    restore(next, file, saved) {
      load(next, file, analyzeGraph(next), !saved);
    },
    edit(change, options = {}) {
      const before = cell.get().document;
      const next = change(before);
      if (next === before) return;
      const command = recordCommand(options.label ?? 'Edit', before, next, options.mergeKey);
      if (command !== null) history.push(command, before, next);
      show(next, options.layoutOnly === true ? cell.get().analysis : analyzeGraph(next));
    },
    undo() {
      const previous = history.undo(cell.get().document);
      if (previous !== null) show(previous, analyzeGraph(previous));
    },
    redo() {
      const next = history.redo(cell.get().document);
      if (next !== null) show(next, analyzeGraph(next));
    },
  };
}

/** The history revision the file has; the document is unsaved whenever the history stands elsewhere. */
interface SavedRevision {
  revision: number;
}

const NEVER_SAVED = -1;

/** Selection, view, the saved mark and the notice. */
function viewMethods(cell: StateCell, history: CommandHistory, saved: SavedRevision): Pick<EditorStore, 'select' | 'selectNodes' | 'setView' | 'guardView' | 'markSaved' | 'notify'> {
  let viewGuard: (() => boolean) | null = null;
  return {
    select(nodeId, options) {
      const state = cell.get();
      const reveal = options?.reveal === true && nodeId !== null;
      const selectedNodeIds = nodeId === null ? [] : [nodeId];
      if (nodeId !== state.selectedNodeId || reveal) cell.update({ ...state, selectedNodeId: nodeId, selectedNodeIds, revealSerial: state.revealSerial + (reveal ? 1 : 0) });
    },
    selectNodes(nodeIds) {
      cell.update({ ...cell.get(), selectedNodeId: nodeIds[0] ?? null, selectedNodeIds: [...nodeIds] });
    },
    guardView(guard) {
      viewGuard = guard;
    },
    setView(view) {
      if (view === cell.get().view || (viewGuard !== null && !viewGuard())) return;
      // A fresh canvas mounted with a node already selected loops in React Flow (update depth
      // exceeded), so switching views clears the selection.
      cell.update({ ...cell.get(), view, selectedNodeId: null, selectedNodeIds: [] });
    },
    markSaved(file) {
      saved.revision = history.revision;
      cell.update({ ...cell.get(), file, dirty: false });
    },
    notify(notice) {
      cell.update({ ...cell.get(), notice });
    },
  };
}

export function createEditorStore(document: GraphDocument): EditorStore {
  const cell = createStateCell({ document, analysis: analyzeGraph(document), file: null, dirty: false, selectedNodeId: null, selectedNodeIds: [], revealSerial: 0, view: 'canvas', notice: null, generation: 0, undoLabel: null, redoLabel: null });
  const history = createCommandHistory();
  const saved: SavedRevision = { revision: history.revision };
  return { getState: cell.get, subscribe: cell.subscribe, ...documentMethods(cell, history, saved), ...viewMethods(cell, history, saved) };
}
