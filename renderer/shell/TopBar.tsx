// The top bar: the document's name and file, the file commands, the examples and the view switch.
import type { ReactNode } from 'react';
import type { EditorState, EditorStore } from '../document/editorStore.ts';
import { exampleNames } from '../document/examples.ts';
import { useEditorState } from '../document/useEditorState.ts';
import type { FileCommands } from './fileCommands.ts';
import { HistoryButtons } from './HistoryButtons.tsx';

interface TopBarProps {
  readonly store: EditorStore;
  readonly commands: FileCommands;
  readonly shortcutPrefix: string;
  readonly onRestore: (() => void) | null;
  /** Shows the start page. */
  readonly onHome: () => void;
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

function FileButtons({ commands, shortcutPrefix, onHome }: Pick<TopBarProps, 'commands' | 'shortcutPrefix' | 'onHome'>) {
  return (
    <>
      <button type="button" onClick={onHome} title="The start page: new graph, recent files, examples" data-testid="home">
        Home
      </button>
      <button type="button" onClick={() => commands.newDocument()} title={`New graph (${shortcutPrefix}N)`}>
        New
      </button>
      <button type="button" onClick={() => void commands.open()} title={`Open a graph file (${shortcutPrefix}O)`}>
        Open…
      </button>
      <button type="button" onClick={() => void commands.save()} title={`Save (${shortcutPrefix}S)`}>
        Save
      </button>
      <button type="button" onClick={() => void commands.saveAs()} title={`Save as (${shortcutPrefix}Shift+S)`}>
        Save As…
      </button>
      <button type="button" onClick={() => void commands.importJson()} title="Import a graph's JSON as a new, unsaved graph" data-testid="import-json">
        Import…
      </button>
      <button type="button" onClick={() => void commands.exportJson()} title="Export a copy of the graph as JSON; the graph stays bound to its file" data-testid="export-json">
        Export…
      </button>
    </>
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

export function TopBar({ store, commands, shortcutPrefix, onRestore, onHome, modelMenu }: TopBarProps) {
  const state = useEditorState(store);
  return (
    <header className="top-bar">
      <div className="brand" aria-label="Netloom">
        <span className="brand-mark" aria-hidden />
        Netloom
      </div>
      <DocumentTitle state={state} />
      <nav className="menu" aria-label="File">
        <FileButtons commands={commands} shortcutPrefix={shortcutPrefix} onHome={onHome} />
        {modelMenu}
        <HistoryButtons store={store} shortcutPrefix={shortcutPrefix} />
        <ExampleSelect commands={commands} />
        {onRestore !== null && (
          <button type="button" className="accent" onClick={onRestore} title="Open the graph autosaved in your last session">
            Restore autosave
          </button>
        )}
      </nav>
      <ViewSwitch store={store} view={state.view} />
    </header>
  );
}
