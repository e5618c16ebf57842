// A standalone page (dev server: /dashboard/preview/preview.html) that mounts the Dashboard on a stand-in
// engine streaming a made-up run. ?node=relu1 picks the selected node.
import '../../shell/theme.css';
import { StrictMode, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { GraphDocument } from '../../../engine/graph/index.ts';
import { EngineClient } from '../../engine-client/engineClient.ts';
import { Dashboard } from '../Dashboard.tsx';
import { GraphRunsStore } from '../graphRunsStore.ts';
import { PreviewWorker } from './previewEngine.ts';

const NODES: readonly [string, string][] = [
  ['input', 'Input'],
  ['conv1', 'Conv2D'],
  ['relu1', 'ReLU'],
  ['pool1', 'MaxPool2D'],
  ['flatten1', 'Flatten'],
  ['dense1', 'Dense'],
  ['lstm1', 'LSTM'],
  ['dense2', 'Dense'],
  ['softmax1', 'Softmax'],
];

const previewDocument = {
  format: 'netloom.graph',
  version: 1,
  metadata: { name: 'Preview' },
  nodes: NODES.map(([id, type], index) => ({ id, type, params: {}, position: { x: index * 160, y: 0 } })),
  edges: [],
  groups: [],
  training: {
    task: 'classification',
    optimizer: { type: 'adam', learningRate: 0.001, momentum: 0.9, nesterov: false, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, rho: 0.99, weightDecay: 0 },
    loss: 'auto',
    batchSize: 32,
    epochs: 4,
    schedule: { type: 'constant' },
    seed: 1,
    validationSplit: 0.1,
  },
} as unknown as GraphDocument;

function Preview() {
  const runs = useMemo(() => {
    const store = new GraphRunsStore(() => new EngineClient(new PreviewWorker()));
    store.connect();
    store.show('preview');
    return store;
  }, []);
  const [selected, setSelected] = useState<string | null>(new URLSearchParams(location.search).get('node') ?? 'relu1');
  return (
    <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
      <nav style={{ display: 'flex', gap: 6, padding: '8px 10px', borderBottom: '1px solid var(--border)' }}>
        {NODES.map(([id, type]) => (
          <button key={id} type="button" onClick={() => setSelected(id)} style={{ font: 'inherit', color: id === selected ? 'var(--accent)' : 'var(--text)', background: 'var(--panel)', border: '1px solid var(--border)', borderRadius: 5, padding: '2px 8px' }}>
            {id} <span style={{ color: 'var(--muted)' }}>{type}</span>
          </button>
        ))}
      </nav>
      <Dashboard runs={runs} graph="preview" document={previewDocument} selectedNodeId={selected} onSelectNode={setSelected} />
    </div>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('preview.html has no #root element.');
createRoot(container).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
