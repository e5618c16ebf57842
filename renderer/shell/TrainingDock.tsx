// The training dock under the canvas: the live dashboard for the graph on screen. The engine starts
// the first time the dock opens and lives as long as the window (GraphRunsStore); each graph gets
// its own dashboard (keyed by its identity), so nothing of another graph's run shows here.
import { useLayoutEffect, useState } from 'react';
import { Dashboard, type GraphRunsStore } from '../dashboard/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';
import './trainingDock.css';

export function TrainingDock({ store, runs }: { readonly store: EditorStore; readonly runs: GraphRunsStore }) {
  const { document, analysis, file, generation, selectedNodeId } = useEditorState(store);
  const [open, setOpen] = useState(true);
  const graph = runs.identities.identityOf(document, file?.name ?? null, generation);
  useLayoutEffect(() => runs.show(graph), [runs, graph]);
  useLayoutEffect(() => {
    if (open) runs.connect();
  }, [runs, open]);
  return (
    <section className={`training-dock ${open ? 'open' : 'closed'}`} aria-label="Training">
      <button type="button" className="dock-toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? 'Hide the training dashboard' : 'Show the training dashboard'}>
        {open ? '▾' : '▸'} Training
      </button>
      {open && (
        <div className="dock-body">
          <Dashboard key={graph} runs={runs} graph={graph} document={document} parameterCount={analysis.totalParameters} selectedNodeId={selectedNodeId} onSelectNode={(id) => store.select(id)} />
        </div>
      )}
    </section>
  );
}
