// The dataset panel for the open graph: the built-in sets that fit its task, "Add your own", and
// the preview of the chosen data with its settings. Choosing writes the graph's `dataset` as one
// undoable edit; reading and previewing happen in the engine worker.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DatasetReference, GraphDocument } from '../../engine/graph/document.ts';
import type { FileToAdd } from '../../engine/protocol/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { AddOwnFiles, type AddOwnHandle } from './AddOwnFiles.tsx';
import { builtinChoices, builtinName, datasetName, formatShape, needsFilesAgain, sameReference, withDataset } from './datasetChoices.ts';
import { DatasetPreview } from './DatasetPreview.tsx';
import { DatasetSettings } from './DatasetSettings.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { useAddFiles, useDatasetPreview, type PreviewState } from './useDatasetWork.ts';
import './datasets.css';

interface DatasetPanelProps {
  readonly store: EditorStore;
  readonly getClient: () => EngineClient;
  readonly onClose: () => void;
  /** Files dropped onto the app, added as the panel opens. */
  readonly dropped: readonly FileToAdd[] | null;
}

function BuiltinList({ document, choose }: { document: GraphDocument; choose: (dataset: DatasetReference) => void }) {
  return (
    <ul className="dataset-builtins" aria-label="Built-in datasets">
      {builtinChoices(document.training.task).map((dataset) => {
        const reference: DatasetReference = { source: 'builtin', name: dataset.name };
        const chosen = document.dataset?.source === 'builtin' && document.dataset.name === dataset.name;
        return (
          <li key={dataset.name}>
            <button type="button" aria-pressed={chosen} onClick={() => choose(reference)} data-testid={`dataset-builtin-${dataset.name}`}>
              <strong>{builtinName(dataset.name)}</strong>
              <span>{dataset.title}</span>
              <span className="dataset-shape">
                {formatShape(dataset.inputDims)}
                {dataset.classes === undefined ? '' : ` · ${dataset.classes} ${dataset.tasks.includes('sequence') ? 'symbols' : 'classes'}`}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function addAgainLabel(dataset: DatasetReference | undefined): string {
  if (dataset?.source === 'builtin') return `Add ${builtinName(dataset.name)}'s files…`;
  return dataset?.format === 'imageFolder' ? 'Add the folder again…' : dataset?.labelPath === undefined ? 'Add the file again…' : 'Add the files again…';
}

function PreviewArea({ state, document, onAddAgain, onRetry }: { state: PreviewState; document: GraphDocument; onAddAgain: () => void; onRetry: () => void }) {
  if (state.status === 'none') return <p className="dataset-empty">The graph names no dataset yet: choose a built-in set or add your own.</p>;
  if (state.status === 'loading') return <ProgressBar progress={state.progress} label="Loading" />;
  if (state.status === 'failed') {
    const again = state.error !== null && needsFilesAgain(state.error);
    return (
      <div className="dataset-failed" role="alert" data-testid="dataset-preview-error">
        <p>{state.error}</p>
        {again ? (
          <button type="button" className="primary" onClick={onAddAgain} data-testid="dataset-add-again">
            {addAgainLabel(document.dataset)}
          </button>
        ) : (
          <button type="button" onClick={onRetry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  return state.preview === null ? null : <DatasetPreview preview={state.preview} />;
}

export function DatasetPanel({ store, getClient, onClose, dropped }: DatasetPanelProps) {
  const { document } = useEditorState(store);
  const [retry, setRetry] = useState(0);
  const picker = useRef<AddOwnHandle>(null);
  const choose = useCallback(
    (dataset: DatasetReference) => {
      if (sameReference(store.getState().document.dataset, dataset)) return setRetry((count) => count + 1);
      store.edit((current) => withDataset(current, dataset), { label: `Use dataset ${datasetName(dataset)}` });
    },
    [store],
  );
  const adding = useAddFiles(getClient, choose);
  const { add } = adding;
  useEffect(() => {
    if (dropped !== null) void add(dropped);
  }, [dropped, add]);
  const preview = useDatasetPreview(getClient, document.dataset, retry);
  const addAgain = () => (document.dataset?.source === 'file' && document.dataset.format === 'imageFolder' ? picker.current?.pickFolder() : picker.current?.pickFiles());
  return (
    <div className="modal-backdrop dataset-backdrop" onKeyDown={(event) => event.key === 'Escape' && onClose()} onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div className="dataset-panel" role="dialog" aria-modal="true" aria-labelledby="dataset-panel-title" data-testid="dataset-panel">
        <header className="dataset-header">
          <h2 id="dataset-panel-title">Dataset</h2>
          <span className="dataset-task">for this {document.training.task} graph</span>
          <button type="button" className="dataset-close" onClick={onClose} aria-label="Close the dataset panel" data-testid="dataset-close">
            Done
          </button>
        </header>
        <div className="dataset-columns">
          <aside className="dataset-choices">
            <h3>Built in</h3>
            <BuiltinList document={document} choose={choose} />
            <h3>Add your own</h3>
            <AddOwnFiles ref={picker} state={adding} onFiles={(files) => void add(files)} />
          </aside>
          <section className="dataset-current" aria-label="Preview">
            <h3 data-testid="dataset-current-name">{datasetName(document.dataset)}</h3>
            {document.dataset !== undefined && <DatasetSettings store={store} document={document} preview={preview.preview} />}
            <PreviewArea state={preview} document={document} onAddAgain={addAgain} onRetry={() => setRetry((count) => count + 1)} />
          </section>
        </div>
      </div>
    </div>
  );
}
