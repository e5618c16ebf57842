// The top bar's model menu: Export… (ONNX, PyTorch, JSON), Load weights… and Save weights….
import { useEffect, useMemo, useState } from 'react';
import type { GraphRunsStore } from '../dashboard/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import type { Platform } from '../platform/platform.ts';
import { ExportDialog } from './ExportDialog.tsx';
import type { FileCommands } from './fileCommands.ts';
import type { WeightsAvailable } from './exportChoices.ts';
import { createWeightsCommands } from './weightsCommands.ts';
import './exportDialog.css';

interface ModelMenuProps {
  readonly store: EditorStore;
  readonly runs: GraphRunsStore;
  readonly commands: FileCommands;
  /** Its native menu (Electron's File menu) sends Export…, Load weights… and Save weights… here. */
  readonly platform: Platform;
}

/** What the export can offer: the graph's run in this session, a checkpoint loaded for it. */
function weightsAvailable(runs: GraphRunsStore): WeightsAvailable {
  return { runStep: runs.hasRunOnScreen() ? runs.getView().model.lastStep : null, loaded: runs.pendingWeights() };
}

export function ModelMenu({ store, runs, commands, platform }: ModelMenuProps) {
  const [open, setOpen] = useState(false);
  const [exporting, setExporting] = useState<WeightsAvailable | null>(null);
  const weights = useMemo(() => createWeightsCommands(store, runs), [store, runs]);
  useEffect(
    () =>
      platform.onMenuCommand((command) => {
        if (command === 'export') setExporting(weightsAvailable(runs));
        if (command === 'loadWeights') void weights.loadWeights();
        if (command === 'saveWeights') void weights.saveWeights();
      }),
    [platform, weights, runs],
  );
  const choose = (action: () => void) => () => {
    setOpen(false);
    action();
  };
  return (
    <div className="model-menu" onBlur={(event) => !event.currentTarget.contains(event.relatedTarget) && setOpen(false)}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} title="Export the model (ONNX, PyTorch, JSON), load or save its weights" data-testid="model-menu">
        Model ▾
      </button>
      {open && (
        <div className="model-menu-list" role="menu">
          <button type="button" role="menuitem" onClick={choose(() => setExporting(weightsAvailable(runs)))} data-testid="export-model">
            Export…
          </button>
          <button type="button" role="menuitem" onClick={choose(() => void weights.loadWeights())} data-testid="load-weights">
            Load weights…
          </button>
          <button type="button" role="menuitem" onClick={choose(() => void weights.saveWeights())} data-testid="save-weights">
            Save weights…
          </button>
        </div>
      )}
      {exporting !== null && <ExportDialog document={store.getState().document} runs={runs} info={exporting} onExportJson={() => void commands.exportJson()} onClose={() => setExporting(null)} />}
    </div>
  );
}
