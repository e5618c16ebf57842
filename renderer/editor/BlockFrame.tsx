// The frame behind a group of layers (an Encoder, a Generator, ...), tinted by its kind, with its
// block's buttons: collapse to one node, save to My blocks.
import type { NodeProps } from '@xyflow/react';
import { useContext } from 'react';
import { BlockActionsContext } from './blockActions.ts';
import type { BlockFlowNode } from './flowModel.ts';

export function BlockFrame({ data }: NodeProps<BlockFlowNode>) {
  const actions = useContext(BlockActionsContext);
  return (
    <div className={`block-frame frame-${data.tone}`} data-testid="block-frame" data-group-id={data.groupId}>
      <div className="block-frame-title">
        <span className="block-frame-name">{data.name}</span>
        {data.kind !== data.name && data.kind !== 'Custom' && <span className="block-frame-kind">{data.kind}</span>}
        {actions !== null && (
          <span className="block-actions nodrag nopan">
            <button type="button" onClick={() => actions.setCollapsed(data.groupId, true)} title={`Collapse ${data.name} to one node`} data-testid="block-collapse" aria-label={`Collapse ${data.name}`}>
              ⊟
            </button>
            <button type="button" onClick={() => actions.saveToLibrary(data.groupId)} title={`Save ${data.name} to My blocks in the palette`} data-testid="block-save" aria-label={`Save ${data.name} to My blocks`}>
              ☆
            </button>
          </span>
        )}
      </div>
    </div>
  );
}
