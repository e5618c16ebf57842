// The right panel: the selected node (type, params, shapes, concept, problems), else the graph's overview.
import type { EditorStore } from '../shell/editorStore.ts';
import { useEditorState } from '../shell/useEditorState.ts';
import { GraphOverview } from './GraphOverview.tsx';
import { inspectNode, type InspectorNode } from './inspectorModel.ts';
import { formatCount } from './nodeSummary.ts';

function Problems({ node }: { node: InspectorNode }) {
  if (node.problems.length === 0) return null;
  return (
    <section className="inspector-section">
      <h3>Problems</h3>
      <ul className="problem-list">
        {node.problems.map((problem, index) => (
          <li key={index} className={`problem problem-${problem.severity}`} data-testid="inspector-problem">
            <span className="problem-message">{problem.message}</span>
            {problem.suggestion !== undefined && <span className="problem-suggestion">{problem.suggestion}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function NodeDetails({ node }: { node: InspectorNode }) {
  return (
    <div className="inspector-node" data-testid="inspector-node">
      <header className="inspector-header">
        <div className="inspector-type" data-testid="inspector-type">
          {node.type}
        </div>
        <div className="inspector-meta">
          <span className="chip">{node.category}</span>
          <code>{node.id}</code>
          {node.groupName !== null && <span className="chip chip-group">{node.groupName}</span>}
        </div>
        {node.label !== null && <div className="inspector-label">{node.label}</div>}
        <p className="inspector-summary">{node.summary}</p>
      </header>
      <Problems node={node} />
      <section className="inspector-section">
        <h3>Shapes</h3>
        <dl className="inspector-shapes">
          {node.inputShapes.map((input) => (
            <div key={input.port}>
              <dt>in{node.inputShapes.length > 1 ? ` (${input.port})` : ''}</dt>
              <dd>{input.shape ?? '—'}</dd>
            </div>
          ))}
          <div>
            <dt>out</dt>
            <dd data-testid="inspector-output-shape">{node.outputShape ?? '—'}</dd>
          </div>
          <div>
            <dt>parameters</dt>
            <dd>{formatCount(node.parameterCount)}</dd>
          </div>
        </dl>
      </section>
      {node.params.length > 0 && (
        <section className="inspector-section">
          <h3>Params</h3>
          <table className="inspector-params">
            <tbody>
              {node.params.map((param) => (
                <tr key={param.name} className={`${param.isDefault ? 'is-default' : ''} ${param.problem !== null ? 'has-error' : ''}`} title={param.problem ?? param.doc}>
                  <th scope="row">{param.displayName}</th>
                  <td>{param.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {node.concept !== '' && (
        <section className="inspector-section">
          <h3>Concept</h3>
          <p className="inspector-concept">{node.concept}</p>
        </section>
      )}
    </div>
  );
}

export function Inspector({ store }: { store: EditorStore }) {
  const state = useEditorState(store);
  const node = state.selectedNodeId === null ? null : inspectNode(state.document, state.analysis, state.selectedNodeId);
  return (
    <aside className="inspector panel" aria-label="Inspector" data-testid="inspector">
      {node === null ? <GraphOverview store={store} /> : <NodeDetails node={node} />}
    </aside>
  );
}
