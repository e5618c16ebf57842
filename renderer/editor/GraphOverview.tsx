// The inspector with nothing selected: what the graph is, its size, and every problem (click to select).
import { useContext } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { ChooseDatasetContext, FixButton, fixApplier } from './FixButton.tsx';
import { summarizeGraph, type GraphProblem, type GraphSummary } from './graphSummary.ts';
import { formatCount } from './nodeSummary.ts';

/** Where the graph names no data: a button to the dataset panel (the words alone where a host gives no chooser). */
function ChooseDatasetLine() {
  const chooseDataset = useContext(ChooseDatasetContext);
  if (chooseDataset === null) return <span className="muted">Choose a dataset</span>;
  return (
    <button type="button" className="link" onClick={chooseDataset}>
      Choose a dataset
    </button>
  );
}

function GraphFacts({ summary, parameters }: { summary: GraphSummary; parameters: number }) {
  return (
    <section className="inspector-section">
      <h3>Graph</h3>
      <dl className="inspector-shapes">
        <div>
          <dt>task</dt>
          <dd>{summary.task}</dd>
        </div>
        <div>
          <dt>dataset</dt>
          <dd data-testid="inspector-dataset">{summary.dataset ?? <ChooseDatasetLine />}</dd>
        </div>
        <div>
          <dt>layers</dt>
          <dd>{summary.layerCount}</dd>
        </div>
        <div>
          <dt>parameters</dt>
          <dd>{formatCount(parameters)}</dd>
        </div>
      </dl>
    </section>
  );
}

function GraphProblems({ store, problems }: { store: EditorStore; problems: readonly GraphProblem[] }) {
  return (
    <section className="inspector-section">
      <h3>Problems</h3>
      {problems.length === 0 ? (
        <p className="muted">None: every shape checks out.</p>
      ) : (
        <ul className="problem-list">
          {problems.map((problem, index) => (
            <li key={index} className={`problem problem-${problem.severity}`}>
              {problem.nodeId !== null ? (
                <button type="button" className="link" onClick={() => store.select(problem.nodeId)}>
                  {problem.nodeId}
                </button>
              ) : null}
              <span className="problem-message">{problem.message}</span>
              {problem.suggestion !== null && <span className="problem-suggestion">{problem.suggestion}</span>}
              <FixButton fix={problem.fix} onApply={fixApplier(store)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function GraphOverview({ store }: { store: EditorStore }) {
  const state = useEditorState(store);
  const summary = summarizeGraph(state.document, state.analysis);
  return (
    <div className="inspector-overview" data-testid="inspector-overview">
      <header className="inspector-header">
        <div className="inspector-type">{state.document.metadata.name}</div>
        {state.document.metadata.description !== undefined && <p className="inspector-summary">{state.document.metadata.description}</p>}
      </header>
      <GraphFacts summary={summary} parameters={state.analysis.totalParameters} />
      <GraphProblems store={store} problems={summary.problems} />
      <p className="muted inspector-hint">Select a layer to see its params, shapes and what it does.</p>
    </div>
  );
}
