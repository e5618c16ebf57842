// The editor's state: the document (the one source of truth), its analysis, the file it came
// from, the selection and the view. A tiny external store: React reads it with useEditorState.
import { analyzeGraph, type GraphAnalysis, type GraphDocument } from '../../engine/graph/index.ts';
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
  readonly view: CenterView;
  readonly notice: Notice | null;
  /** Counts loads: a new document gets a fresh canvas, fitted to view. */
  readonly generation: number;
}

export interface EditorStore {
  getState(): EditorState;
  subscribe(listener: () => void): () => void;
  /** Replaces the document (open, new, example); clears selection and the dirty mark. */
  load(document: GraphDocument, file: FileReference | null, analysis?: GraphAnalysis): void;
  /** Applies an edit; `layoutOnly` edits (moves) keep the analysis, which ignores positions. */
  edit(change: (document: GraphDocument) => GraphDocument, options?: { layoutOnly?: boolean }): void;
  select(nodeId: string | null): void;
  setView(view: CenterView): void;
  markSaved(file: FileReference): void;
  notify(notice: Notice | null): void;
}

export function createEditorStore(document: GraphDocument): EditorStore {
  let state: EditorState = { document, analysis: analyzeGraph(document), file: null, dirty: false, selectedNodeId: null, view: 'canvas', notice: null, generation: 0 };
  const listeners = new Set<() => void>();
  function update(next: EditorState): void {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  }
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load(next, file, analysis = analyzeGraph(next)) {
      update({ ...state, document: next, analysis, file, dirty: false, selectedNodeId: null, generation: state.generation + 1 });
    },
    edit(change, options = {}) {
      const next = change(state.document);
      if (next === state.document) return;
      const analysis = options.layoutOnly === true ? state.analysis : analyzeGraph(next);
      const selectedNodeId = next.nodes.some((node) => node.id === state.selectedNodeId) ? state.selectedNodeId : null;
      update({ ...state, document: next, analysis, dirty: true, selectedNodeId });
    },
    select(nodeId) {
      if (nodeId !== state.selectedNodeId) update({ ...state, selectedNodeId: nodeId });
    },
    setView(view) {
      if (view !== state.view) update({ ...state, view });
    },
    markSaved(file) {
      update({ ...state, file, dirty: false });
    },
    notify(notice) {
      update({ ...state, notice });
    },
  };
}
