// The right panel: the selected node (type, label, editable params, shapes, concept, problems with
// their fixes), else the graph's overview. Every edit goes through the store's command history.
import { useState } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { FixButton, fixApplier } from './FixButton.tsx';
import { GraphOverview } from './GraphOverview.tsx';
import { inspectNode, type InspectorNode } from './inspectorModel.ts';
import { setLabel, setParam } from './nodeEdits.ts';
import { ParamField } from './ParamField.tsx';
import { shareOfNetwork } from './paramEditing.ts';
import { labForLayer, requestLearnPanel } from '../document/learnPanelRequest.ts';

function Problems({ node, store }: { node: InspectorNode; store: EditorStore }) {
  if (node.problems.length === 0) return null;
  return (
    <section className="inspector-section">
      <h3>Problems</h3>
      <ul className="problem-list">
        {node.problems.map((problem, index) => (
          <li key={index} className={`problem problem-${problem.severity}`} data-testid="inspector-problem">
            <span className="problem-message">{problem.message}</span>
            {problem.suggestion !== undefined && <span className="problem-suggestion">{problem.suggestion}</span>}
            <FixButton fix={problem.fix} onApply={fixApplier(store)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function LabelField({ node, store }: { node: InspectorNode; store: EditorStore }) {
  const [draft, setDraft] = useState<string | null>(null);
  function commit() {
    if (draft !== null) store.edit((document) => setLabel(document, node.id, draft), { label: 'Rename layer' });
    setDraft(null);
  }
  return (
    <input
      className="inspector-label-input"
      aria-label="Label"
      data-testid="inspector-label"
      placeholder={node.id}
      value={draft ?? node.label ?? ''}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') setDraft(null);
      }}
    />
  );
}

function Shapes({ node }: { node: InspectorNode }) {
  return (
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
          <dd data-testid="inspector-parameters">{shareOfNetwork(node.parameterCount, node.networkParameterCount)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Params({ node, store }: { node: InspectorNode; store: EditorStore }) {
  if (node.params.length === 0) return null;
  return (
    <section className="inspector-section">
      <h3>Params</h3>
      <div className="inspector-params">
        {node.params.map((param) => (
          <ParamField
            key={`${node.id}.${param.name}`}
            control={param.control}
            problem={param.problem}
            onCommit={(value, mergeKey) => store.edit((document) => setParam(document, node.id, param.name, value), { label: `Set ${param.displayName}`, mergeKey: mergeKey === undefined ? undefined : `${node.id}.${mergeKey}` })}
          />
        ))}
      </div>
    </section>
  );
}

/** A link to the Learn lab that explains this layer type, where there is one. */
function LabLink({ type }: { type: string }) {
  const lab = labForLayer(type);
  if (lab === undefined) return null;
  return (
    <button type="button" className="link" data-testid="inspector-learn" onClick={() => requestLearnPanel(lab)}>
      See how it works, step by step
    </button>
  );
}

function NodeDetails({ node, store }: { node: InspectorNode; store: EditorStore }) {
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
        <LabelField key={node.id} node={node} store={store} />
        <p className="inspector-summary">{node.summary}</p>
      </header>
      <Problems node={node} store={store} />
      <Shapes node={node} />
      <Params key={node.id} node={node} store={store} />
      {node.concept !== '' && (
        <section className="inspector-section">
          <h3>Concept</h3>
          <p className="inspector-concept">{node.concept}</p>
          <LabLink type={node.type} />
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
      {node === null ? <GraphOverview store={store} /> : <NodeDetails node={node} store={store} />}
    </aside>
  );
}
