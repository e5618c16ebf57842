// An edge labelled with the tensor shape it carries (batch excluded), red when it is at fault.
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { ShapeFlowEdge } from './flowModel.ts';

export function ShapeEdge({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd }: EdgeProps<ShapeFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const problem = data?.problem ?? null;
  const className = `shape-edge ${problem !== null ? 'has-error' : ''} ${selected === true ? 'is-selected' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} className={className} markerEnd={markerEnd} />
      {(data?.shape != null || problem !== null) && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label nodrag nopan ${problem !== null ? 'has-error' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid="edge-label"
            data-edge-id={id}
            title={problem ?? undefined}
          >
            {data?.shape ?? '?'}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
