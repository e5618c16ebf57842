// The top bar: the document's name and file, the file commands, the examples and the view switch.
import type { FileCommands } from './fileCommands.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { exampleNames } from '../document/examples.ts';
import { HistoryButtons } from './HistoryButtons.tsx';
import { useEditorState } from '../document/useEditorState.ts';

interface TopBarProps {
  readonly store: EditorStore;
  readonly commands: FileCommands;
  readonly shortcutPrefix: string;
  readonly onRestore: (() => void) | null;
  /** Shows the start page. */
  readonly onHome: () => void;
}

export function TopBar({ store, commands, shortcutPrefix, onRestore, onHome }: TopBarProps) {
  const state = useEditorState(store);
  const name = state.document.metadata.name;
  return (
    <header className="top-bar">
      <div className="brand" aria-label="Netloom">
        <span className="brand-mark" aria-hidden />
        Netloom
      </div>
      <div className="document-title">
        <span className="document-name" data-testid="document-name">
          {name}
        </span>
        {state.file !== null && <span className="document-file">{state.file.name}</span>}
        {state.dirty && <span className="document-dirty" title="Unsaved changes" aria-label="Unsaved changes" data-testid="unsaved-mark" />}
      </div>
      <nav className="menu" aria-label="File">
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
        <HistoryButtons store={store} shortcutPrefix={shortcutPrefix} />
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
        {onRestore !== null && (
          <button type="button" className="accent" onClick={onRestore} title="Open the graph autosaved in your last session">
            Restore autosave
          </button>
        )}
      </nav>
      <div className="view-switch" role="tablist" aria-label="View">
        <button type="button" role="tab" aria-selected={state.view === 'canvas'} onClick={() => store.setView('canvas')}>
          Graph
        </button>
        <button type="button" role="tab" aria-selected={state.view === 'json'} onClick={() => store.setView('json')} data-testid="json-toggle">
          JSON
        </button>
      </div>
    </header>
  );
}
