// Undo and Redo in the top bar, naming what they would do and their shortcuts.
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';

export function HistoryButtons({ store, shortcutPrefix }: { store: EditorStore; shortcutPrefix: string }) {
  const { undoLabel, redoLabel } = useEditorState(store);
  const redoKeys = shortcutPrefix === '⌘' ? '⌘Shift+Z' : 'Ctrl+Shift+Z or Ctrl+Y';
  return (
    <span className="history-buttons" role="group" aria-label="History">
      <button type="button" onClick={() => store.undo()} disabled={undoLabel === null} title={`Undo${undoLabel === null ? '' : ` ${undoLabel}`} (${shortcutPrefix}Z)`} data-testid="undo">
        Undo
      </button>
      <button type="button" onClick={() => store.redo()} disabled={redoLabel === null} title={`Redo${redoLabel === null ? '' : ` ${redoLabel}`} (${redoKeys})`} data-testid="redo">
        Redo
      </button>
    </span>
  );
}
