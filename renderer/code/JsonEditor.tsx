// The document as editable JSON in Monaco, checked against the graph JSON Schema as you type.
// Text that reads as a graph updates the canvas (debounced); anything else shows its error with
// line and column and leaves the document alone. Loaded lazily, so Monaco is not on first paint.
import { Editor, type OnMount } from '@monaco-editor/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { jsonEditorOptions as options } from './editorOptions.ts';
import { describeJsonError } from './jsonEditing.ts';
import { leaveJson } from './jsonLeave.ts';
import { createJsonSync, JSON_EDIT_DELAY_MS, type JsonSync } from './jsonSync.ts';
import { GRAPH_MODEL_URI } from './monacoSetup.ts';

type CodeEditor = Parameters<OnMount>[0];

/** Typed text goes to the store after a pause (JSON_EDIT_DELAY_MS); leaving the view applies what was typed last. */
function useDelayedSubmit(sync: JsonSync, setError: (error: string | null) => void) {
  const timer = useRef<number | undefined>(undefined);
  const pending = useRef<string | null>(null);
  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
      if (pending.current !== null) sync.submit(pending.current);
    },
    [sync],
  );
  return useMemo(() => ({
    onChange(text: string | undefined) {
      window.clearTimeout(timer.current);
      pending.current = text ?? '';
      timer.current = window.setTimeout(() => {
        const edit = sync.submit(pending.current ?? '');
        pending.current = null;
        setError(edit.ok ? null : describeJsonError(edit));
      }, JSON_EDIT_DELAY_MS);
    },
    /** Drops what was typed and not yet submitted (the document changed under it). */
    cancel() {
      window.clearTimeout(timer.current);
      pending.current = null;
    },
  }), [sync, setError]);
}

export function JsonEditor({ store }: { store: EditorStore }) {
  const { document } = useEditorState(store);
  const sync = useMemo(() => createJsonSync(store), [store]);
  const initialText = useMemo(() => sync.textFor(store.getState().document) ?? '', [sync, store]);
  const editor = useRef<CodeEditor | null>(null);
  const [error, setError] = useState<string | null>(null);
  const typing = useDelayedSubmit(sync, setError);

  // Leaving the view with text that is not a graph asks first (discard it, or keep editing).
  useEffect(() => {
    store.guardView(() => {
      const current = editor.current;
      if (current === null) return true;
      typing.cancel();
      const result = leaveJson(sync, current.getValue(), (question) => window.confirm(question));
      setError(result.error);
      return result.leave;
    });
    return () => store.guardView(null);
  }, [store, sync, typing.cancel]);

  useEffect(() => {
    const text = sync.textFor(document);
    const current = editor.current;
    if (text === null || current === null || current.getValue() === text) return;
    typing.cancel();
    const model = current.getModel();
    if (model !== null) current.executeEdits('netloom', [{ range: model.getFullModelRange(), text }]);
    setError(null);
  }, [document, sync]);

  return (
    <div className="json-view json-editor" data-testid="json-view">
      <div className="json-editor-code">
        <Editor language="json" path={GRAPH_MODEL_URI} defaultValue={initialText} theme="netloom-dark" options={options} onMount={(mounted) => (editor.current = mounted)} onChange={typing.onChange} loading={<div className="json-loading">Loading editor…</div>} />
      </div>
      {error !== null && (
        <div className="json-error" role="alert" data-testid="json-error">
          {error} The canvas keeps the last valid graph.
        </div>
      )}
    </div>
  );
}
