// The status bar: size and health of the graph, the last notice, the platform.
import { graphHealth, summarizeGraph } from '../editor/graphSummary.ts';
import { formatCount } from '../editor/nodeSummary.ts';
import { estimateGraphMemory, formatBytes } from '../../engine/graph/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';

export function StatusBar({ store, platform }: { store: EditorStore; platform: string }) {
  const state = useEditorState(store);
  const summary = summarizeGraph(state.document, state.analysis);
  const health = graphHealth(summary);
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span>
        {summary.layerCount} layers · {summary.edgeCount} edges · {formatCount(state.analysis.totalParameters)} parameters ·{' '}
        <span data-testid="status-memory" title="Memory to train at the graph's batch size: weights, gradients, optimizer state and each layer's outputs; a run that needs more than its limit is refused">
          ≈ {formatBytes(estimateGraphMemory(state.analysis))} to train
        </span>
      </span>
      <span className={`status-${health.level}`} data-testid="status-health">
        {health.text}
      </span>
      {state.notice !== null && (
        <span className={`status-notice notice-${state.notice.kind}`} role={state.notice.kind === 'error' ? 'alert' : 'status'}>
          {state.notice.text}
          <button type="button" className="link" onClick={() => store.notify(null)} aria-label="Dismiss">
            ×
          </button>
        </span>
      )}
      <span className="status-platform">{platform === 'electron' ? 'Desktop' : 'Web'}</span>
    </footer>
  );
}
