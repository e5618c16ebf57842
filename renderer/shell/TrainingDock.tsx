// The training dock under the canvas: the live dashboard for the graph on screen. The engine starts
// the first time the dock opens and lives as long as the window (GraphRunsStore); each graph gets
// its own dashboard (keyed by its identity), so nothing of another graph's run shows here. Its
// height is dragged on its top edge (or the arrow keys there), and it folds to its header.
import { useLayoutEffect } from 'react';
import { Dashboard, type GraphRunsStore } from '../dashboard/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { dockBounds } from './panelSizes.ts';
import { Splitter } from './Splitter.tsx';
import type { PanelSizes } from './usePanelSizes.ts';
import './trainingDock.css';

interface TrainingDockProps {
  readonly store: EditorStore;
  readonly runs: GraphRunsStore;
  readonly panels: PanelSizes;
}

/** The loss chart's plot height for a dock `height` px high: the room under the run controls, progress and the chart's header, 100 to 260 px. */
export function chartHeightFor(height: number): number {
  return Math.round(Math.min(260, Math.max(100, height - 250)));
}

export function TrainingDock({ store, runs, panels }: TrainingDockProps) {
  const { document, analysis, file, generation, selectedNodeId } = useEditorState(store);
  const open = panels.states.dock.open;
  const height = panels.drawn.dock;
  const bounds = dockBounds(panels.centerHeight);
  const graph = runs.identities.identityOf(document, file?.name ?? null, generation);
  useLayoutEffect(() => runs.show(graph), [runs, graph]);
  useLayoutEffect(() => {
    if (open) runs.connect();
  }, [runs, open]);
  return (
    <section className={`training-dock ${open ? 'open' : 'closed'}`} aria-label="Training" style={{ height }} data-testid="training-dock">
      {open && (
        <Splitter label="training dock" axis="y" direction={-1} size={height} min={bounds.min} max={bounds.max} className="dock-splitter" testId="dock-splitter" onResize={(size) => panels.resize('dock', size)} onToggle={() => panels.toggle('dock')} onReset={() => panels.reset('dock')} />
      )}
      <button type="button" className="dock-toggle" aria-expanded={open} onClick={() => panels.toggle('dock')} title={open ? 'Hide the training dashboard' : 'Show the training dashboard'} data-testid="dock-toggle">
        {open ? '▾' : '▸'} Training
      </button>
      {open && (
        <div className="dock-body">
          <Dashboard key={graph} runs={runs} graph={graph} document={document} parameterCount={analysis.totalParameters} selectedNodeId={selectedNodeId} chartHeight={chartHeightFor(height)} onSelectNode={(id) => store.select(id)} />
        </div>
      )}
    </section>
  );
}
