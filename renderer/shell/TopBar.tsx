// The top bar: the document's name and file, the file commands, the examples and the view switch.
// It never wraps: what does not fit goes to the overflow menu (⋯), least needed first (BAR_PRIORITY).
import type { ReactNode } from 'react';
import { datasetName } from '../datasets/index.ts';
import type { EditorState, EditorStore } from '../document/editorStore.ts';
import { exampleNames } from '../document/examples.ts';
import { useEditorState } from '../document/useEditorState.ts';
import type { FileCommands } from './fileCommands.ts';
import { HistoryButtons } from './HistoryButtons.tsx';
import { OverflowMenu } from './OverflowMenu.tsx';
import { useBarSplit } from './useBarSplit.ts';
import { requestLearnPanel } from '../document/learnPanelRequest.ts';

interface TopBarProps {
  readonly store: EditorStore;
  readonly commands: FileCommands;
  readonly shortcutPrefix: string;
  readonly onRestore: (() => void) | null;
  /** Shows the start page. */
  readonly onHome: () => void;
  /** Opens the dataset panel. */
  readonly onDataset: () => void;
  /** The model menu (export, weights), after the file commands. */
  readonly modelMenu?: ReactNode;
}

function DocumentTitle({ state }: { state: EditorState }) {
  return (
    <div className="document-title">
      <span className="document-name" data-testid="document-name">
        {state.document.metadata.name}
      </span>
      {state.file !== null && <span className="document-file">{state.file.name}</span>}
      {state.dirty && <span className="document-dirty" title="Unsaved changes" aria-label="Unsaved changes" data-testid="unsaved-mark" />}
    </div>
  );
}

function ExampleSelect({ commands }: { commands: FileCommands }) {
  return (
    <select
      className="example-select"
      aria-label="Open an example"
      value=""
      onChange={(event) => {
        if (event.target.value !== '') void commands.openExample(event.target.value);
      }}
    >
      <option value="">Examples…</option>
      {exampleNames().map((example) => (
        <option key={example} value={example}>
          {example}
        </option>
      ))}
    </select>
  );
}

function ViewSwitch({ store, view }: { store: EditorStore; view: EditorState['view'] }) {
  return (
    <div className="view-switch" role="tablist" aria-label="View">
      <button type="button" role="tab" aria-selected={view === 'canvas'} onClick={() => store.setView('canvas')}>
        Graph
      </button>
      <button type="button" role="tab" aria-selected={view === 'json'} onClick={() => store.setView('json')} data-testid="json-toggle">
        JSON
      </button>
      <button type="button" role="tab" aria-selected={view === 'pytorch'} onClick={() => store.setView('pytorch')} title="The graph beside its generated PyTorch model.py" data-testid="pytorch-toggle">
        PyTorch
      </button>
    </div>
  );
}

function DatasetButton({ state, onDataset }: { state: EditorState; onDataset: () => void }) {
  const dataset = state.document.dataset;
  return (
    <button type="button" className={`dataset-button${dataset === undefined ? ' missing' : ''}`} onClick={onDataset} title="Choose the data this graph trains on, or add your own" data-testid="dataset-button">
      {dataset === undefined ? 'Choose a dataset…' : `Data: ${datasetName(dataset)}`}
    </button>
  );
}

/** The bar's items in display order; the overflow menu shows the ones that do not fit in this order too. */
function barItems({ store, commands, shortcutPrefix, onRestore, onHome, onDataset, modelMenu }: TopBarProps, state: EditorState): ReadonlyMap<string, ReactNode> {
  const items = new Map<string, ReactNode>([
    ['home', <button type="button" onClick={onHome} title="The start page: new graph, recent files, examples" data-testid="home">Home</button>],
    ['new', <button type="button" onClick={() => commands.newDocument()} title={`New graph (${shortcutPrefix}N)`}>New</button>],
    ['open', <button type="button" onClick={() => void commands.open()} title={`Open a graph file (${shortcutPrefix}O)`}>Open…</button>],
    ['save', <button type="button" onClick={() => void commands.save()} title={`Save (${shortcutPrefix}S)`}>Save</button>],
    ['saveAs', <button type="button" onClick={() => void commands.saveAs()} title={`Save as (${shortcutPrefix}Shift+S)`}>Save As…</button>],
    ['import', <button type="button" onClick={() => void commands.importJson()} title="Import a graph's JSON as a new, unsaved graph" data-testid="import-json">Import…</button>],
    ['export', <button type="button" onClick={() => void commands.exportJson()} title="Export a copy of the graph as JSON; the graph stays bound to its file" data-testid="export-json">Export…</button>],
    ...(modelMenu === undefined ? [] : [['model', modelMenu] as const]),
    ['history', <HistoryButtons store={store} shortcutPrefix={shortcutPrefix} />],
    ['examples', <ExampleSelect commands={commands} />],
    ['learn', <button type="button" onClick={() => requestLearnPanel()} title="Labs: convolution, pooling, activations, the X versus O tour, vanishing gradients, the LSTM cell, latent spaces and GAN dynamics" data-testid="learn-button">Learn</button>],
    ['dataset', <DatasetButton state={state} onDataset={onDataset} />],
  ]);
  if (onRestore !== null) {
    items.set('restore', <button type="button" className="accent" onClick={onRestore} title="Open the graph autosaved in your last session">Restore autosave</button>);
  }
  items.set('view', <ViewSwitch store={store} view={state.view} />);
  return items;
}

/** The commands kept on a narrow bar longest, first to last; the others go to the ⋯ menu first. */
const BAR_PRIORITY = ['save', 'open', 'new', 'history', 'view', 'dataset', 'examples', 'model', 'restore', 'home', 'learn', 'saveAs', 'import', 'export'];

export function TopBar(props: TopBarProps) {
  const state = useEditorState(props.store);
  const items = barItems(props, state);
  const { split, barRef, measure } = useBarSplit([...items.keys()], BAR_PRIORITY);
  return (
    <header className="top-bar">
      <div className="brand" aria-label="Netloom">
        <span className="brand-mark" aria-hidden />
        Netloom
      </div>
      <DocumentTitle state={state} />
      <nav className="menu" aria-label="File" ref={barRef}>
        {split.shown.map((id) => (
          <div key={id} className="bar-item" ref={measure(id)} data-bar-item={id}>
            {items.get(id)}
          </div>
        ))}
        {split.overflow.length > 0 && <OverflowMenu items={split.overflow.map((id) => [id, items.get(id)] as const)} />}
      </nav>
    </header>
  );
}
