// The training dock under the canvas: the live dashboard for the open graph. The engine worker
// starts the first time the dock opens and lives as long as the window.
import { useEffect, useState } from 'react';
import { Dashboard } from '../dashboard/index.ts';
import { startEngine, type EngineClient } from '../engine-client/engineClient.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';
import './trainingDock.css';

export function TrainingDock({ store }: { readonly store: EditorStore }) {
  const { document, selectedNodeId } = useEditorState(store);
  const [open, setOpen] = useState(true);
  const [client, setClient] = useState<EngineClient | null>(null);
  useEffect(() => {
    if (!open || client !== null) return;
    setClient(startEngine());
  }, [open, client]);
  useEffect(() => () => client?.terminate(), [client]);
  return (
    <section className={`training-dock ${open ? 'open' : 'closed'}`} aria-label="Training">
      <button type="button" className="dock-toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? 'Hide the training dashboard' : 'Show the training dashboard'}>
        {open ? '▾' : '▸'} Training
      </button>
      {open && (
        <div className="dock-body">
          <Dashboard client={client} document={document} selectedNodeId={selectedNodeId} onSelectNode={(id) => store.select(id)} />
        </div>
      )}
    </section>
  );
}
