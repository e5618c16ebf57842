// The one-click fix of a diagnostic, applied as one undoable command. The canvas's nodes reach
// the store through FixContext, as React Flow renders them without props of ours.
import { createContext, useContext } from 'react';
import type { Fix } from '../../engine/graph/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { applyFix, fixLabel } from './fixes.ts';

export const FixContext = createContext<((fix: Fix) => void) | null>(null);

export function fixApplier(store: EditorStore): (fix: Fix) => void {
  return (fix) => store.edit((document) => applyFix(document, fix), { label: fixLabel(fix) });
}

export function FixButton({ fix, onApply }: { fix: Fix | undefined; onApply?: (fix: Fix) => void }) {
  const fromContext = useContext(FixContext);
  const apply = onApply ?? fromContext;
  if (fix === undefined || apply === null) return null;
  return (
    <button
      type="button"
      className="fix-button nodrag"
      data-testid="fix-button"
      onClick={(event) => {
        event.stopPropagation();
        apply(fix);
      }}
    >
      {fixLabel(fix)}
    </button>
  );
}
