// A layer on the canvas: type, title, key params, output shape; red with its message on an error.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { FixButton } from './FixButton.tsx';
import type { LayerFlowNode } from './flowModel.ts';
import { formatCount } from './nodeSummary.ts';

/** Handles sit at a fixed height from the top, so a chain of nodes of different heights wires straight. */
const FIRST_PORT_TOP = 27;
const PORT_SPACING = 18;

function portOffset(index: number): number {
  return FIRST_PORT_TOP + index * PORT_SPACING;
}

type LayerData = LayerFlowNode['data'];

function LayerParams({ data }: { data: LayerData }) {
  return (
    <dl className="layer-node-params">
      {data.params.map((param) => (
        <div key={param.name}>
          <dt>{param.name}</dt>
          <dd>{param.value}</dd>
        </div>
      ))}
      {data.hiddenParams > 0 && <div className="layer-node-more">+{data.hiddenParams} more</div>}
    </dl>
  );
}

function LayerFooter({ data }: { data: LayerData }) {
  return (
    <footer className="layer-node-footer">
      <span className="layer-node-shape" data-testid="node-shape">
        {data.outputShape ?? '—'}
      </span>
      {data.parameterCount > 0 && (
        <span className="layer-node-count" title={`${data.parameterCount.toLocaleString('en-US')} trainable parameters`}>
          <span className="layer-node-theta">θ</span>
          {formatCount(data.parameterCount)}
        </span>
      )}
    </footer>
  );
}

function LayerProblems({ problems }: { problems: LayerData['problems'] }) {
  return (
    <div className="layer-node-problems" role="tooltip">
      {problems.map((problem, index) => (
        <p key={index} className={`problem-${problem.severity}`}>
          {problem.message}
          {problem.suggestion !== undefined && <span className="problem-suggestion"> {problem.suggestion}</span>}
          <FixButton fix={problem.fix} />
        </p>
      ))}
    </div>
  );
}

export function LayerNode({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const errors = data.problems.filter((problem) => problem.severity === 'error');
  const status = errors.length > 0 ? 'has-error' : data.problems.length > 0 ? 'has-warning' : '';
  return (
    <div className={`layer-node tone-${data.tone} ${status} ${selected ? 'is-selected' : ''}`} data-testid="layer-node" data-node-id={id}>
      {data.inputs.map((port, index) => (
        <Handle key={port} type="target" position={Position.Left} id={port} style={{ top: portOffset(index) }} title={port} />
      ))}
      <header className="layer-node-header">
        <span className={`layer-node-type ${data.layerType.length > 15 ? 'is-long' : ''}`} title={data.layerType}>
          {data.layerType}
        </span>
        {data.problems.length > 0 && (
          <span className="layer-node-badge" aria-label={`${data.problems.length} problem${data.problems.length > 1 ? 's' : ''}`}>
            !
          </span>
        )}
      </header>
      <div className="layer-node-title" title={data.title}>
        {data.title}
      </div>
      {data.params.length > 0 && <LayerParams data={data} />}
      <LayerFooter data={data} />
      {data.hasOutput && <Handle type="source" position={Position.Right} id="out" style={{ top: portOffset(0) }} />}
      {data.problems.length > 0 && <LayerProblems problems={data.problems} />}
    </div>
  );
}
