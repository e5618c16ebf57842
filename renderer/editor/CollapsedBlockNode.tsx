// A collapsed block: one node with the block's name (double-click it to rename), the shapes going in
// and out, its parameter count, and Expand to show its layers again.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useContext, useState } from 'react';
import { BlockActionsContext } from './blockActions.ts';
import { NameField } from './BlockFrame.tsx';
import type { CollapsedFlowNode } from './flowModel.ts';
import { formatCount } from './nodeSummary.ts';

const PORT_TOP = 27;

/** The block's name; double-click it to rename the block. */
function CollapsedName({ name, groupId }: { name: string; groupId: string }) {
  const actions = useContext(BlockActionsContext);
  const [renaming, setRenaming] = useState(false);
  if (renaming)
    return (
      <NameField
        name={name}
        onDone={(next) => {
          setRenaming(false);
          if (next !== null) actions?.rename(groupId, next);
        }}
      />
    );
  return (
    <span className="collapsed-block-name" data-testid="collapsed-name" onDoubleClick={actions === null ? undefined : () => setRenaming(true)} title={actions === null ? name : `${name}: double-click to rename`}>
      {name}
    </span>
  );
}

export function CollapsedBlockNode({ data, selected }: NodeProps<CollapsedFlowNode>) {
  const actions = useContext(BlockActionsContext);
  const inputs = data.inputShapes.length > 0 ? data.inputShapes.join(', ') : '—';
  const outputs = data.outputShapes.length > 0 ? data.outputShapes.join(', ') : '—';
  return (
    <div
      className={`collapsed-block frame-${data.tone} ${selected ? 'is-selected' : ''}`}
      data-testid="collapsed-block"
      data-group-id={data.groupId}
    >
      <Handle type="target" position={Position.Left} id="in" style={{ top: PORT_TOP }} isConnectable={false} />
      <header className="collapsed-block-header">
        <CollapsedName name={data.name} groupId={data.groupId} />
        <span className="collapsed-block-kind">
          {data.kind === 'Custom' || data.kind === data.name ? 'block' : data.kind} · {data.memberCount} layer{data.memberCount === 1 ? '' : 's'}
        </span>
      </header>
      <dl className="collapsed-block-shapes">
        <div>
          <dt>in</dt>
          <dd data-testid="collapsed-inputs">{inputs}</dd>
        </div>
        <div>
          <dt>out</dt>
          <dd data-testid="collapsed-outputs">{outputs}</dd>
        </div>
      </dl>
      <footer className="collapsed-block-footer">
        <span className="layer-node-count" data-testid="collapsed-parameters" title={`${data.parameterCount.toLocaleString('en-US')} trainable parameters`}>
          <span className="layer-node-theta">θ</span>
          {formatCount(data.parameterCount)}
        </span>
        {actions !== null && (
          <span className="block-actions nodrag nopan">
            <button type="button" onClick={() => actions.setCollapsed(data.groupId, false)} title={`Expand ${data.name} to edit its layers (the layers after it move out of the way)`} data-testid="block-expand" aria-label={`Expand ${data.name}`}>
              Expand
            </button>
            <button type="button" onClick={() => actions.saveToLibrary(data.groupId)} title={`Save ${data.name} to My blocks in the palette`} data-testid="block-save" aria-label={`Save ${data.name} to My blocks`}>
              <span aria-hidden>☆</span> Save
            </button>
          </span>
        )}
      </footer>
      <Handle type="source" position={Position.Right} id="out" style={{ top: PORT_TOP }} isConnectable={false} />
    </div>
  );
}
