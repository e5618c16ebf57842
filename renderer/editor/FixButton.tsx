// The one-click fix of a diagnostic. A document fix is one undoable command; the canvas's nodes
// reach the store through FixContext, as React Flow renders them without props of ours. "Choose a
// dataset" is no edit: it opens the dataset panel (requestDatasetPanel, which the panel mounted by
// the shell listens for); ChooseDatasetContext lets a test or another host give its own chooser.
import { createContext, useContext } from 'react';
import type { DocumentFix, Fix } from '../../engine/graph/index.ts';
import { requestDatasetPanel } from '../document/datasetPanelRequest.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { applyFix, fixLabel } from './fixes.ts';

export const FixContext = createContext<((fix: DocumentFix) => void) | null>(null);

/** Opens the dataset panel for the open graph. */
export type ChooseDataset = () => void;
export const ChooseDatasetContext = createContext<ChooseDataset | null>(requestDatasetPanel);

export function fixApplier(store: EditorStore): (fix: DocumentFix) => void {
  return (fix) => store.edit((document) => applyFix(document, fix), { label: fixLabel(fix) });
}

function useFixAction(fix: Fix | undefined, onApply: ((fix: DocumentFix) => void) | undefined): (() => void) | null {
  const fromContext = useContext(FixContext);
  const chooseDataset = useContext(ChooseDatasetContext);
  if (fix === undefined) return null;
  if (fix.kind === 'chooseDataset') return chooseDataset;
  const apply = onApply ?? fromContext;
  return apply === null ? null : () => apply(fix);
}

export function FixButton({ fix, onApply }: { fix: Fix | undefined; onApply?: (fix: DocumentFix) => void }) {
  const action = useFixAction(fix, onApply);
  if (fix === undefined || action === null) return null;
  return (
    <button
      type="button"
      className="fix-button nodrag"
      data-testid="fix-button"
      onClick={(event) => {
        event.stopPropagation();
        action();
      }}
    >
      {fixLabel(fix)}
    </button>
  );
}
