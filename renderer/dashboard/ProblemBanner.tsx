// A divergence or a problem from the engine: what is wrong, where (node, field, file and line),
// what to do; the node links to the canvas. Dismissible.
import type { ReactNode } from 'react';
import type { ProblemReport } from '../../engine/protocol/index.ts';
import type { Divergence } from './runModel.ts';

export interface ProblemBannerProps {
  readonly problems: readonly ProblemReport[];
  readonly divergence: Divergence | null;
  onDismiss(): void;
  onSelectNode?(nodeId: string): void;
}

export function ProblemBanner({ problems, divergence, onDismiss, onSelectNode }: ProblemBannerProps) {
  if (problems.length === 0 && divergence === null) return null;
  const node = (nodeId: string) =>
    onSelectNode === undefined ? (
      <code>{nodeId}</code>
    ) : (
      <button type="button" className="link-button" onClick={() => onSelectNode(nodeId)}>
        {nodeId}
      </button>
    );
  return (
    <section className="problem-banner" role="alert" data-testid="problem-banner">
      <ul>
        {divergence !== null && (
          <li>
            <strong>Diverged</strong> at step {divergence.step}
            {divergence.nodeId !== '?' && <> in node {node(divergence.nodeId)}</>}: {divergence.message}
          </li>
        )}
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.message}
            <Where problem={problem} node={node} />
            {problem.suggestion !== undefined && <span className="problem-suggestion"> {problem.suggestion}</span>}
          </li>
        ))}
      </ul>
      <button type="button" className="dismiss" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </section>
  );
}

function Where({ problem, node }: { problem: ProblemReport; node: (nodeId: string) => ReactNode }) {
  const parts: ReactNode[] = [];
  if (problem.nodeId !== undefined) parts.push(<span key="node">node {node(problem.nodeId)}</span>);
  if (problem.field !== undefined) parts.push(<span key="field">field <code>{problem.field}</code></span>);
  if (problem.file !== undefined) parts.push(<span key="file">file <code>{problem.file}{problem.line !== undefined ? `:${problem.line}` : ''}</code></span>);
  if (parts.length === 0) return null;
  return <span className="problem-where"> ({parts.flatMap((part, index) => (index === 0 ? [part] : [', ', part]))})</span>;
}
