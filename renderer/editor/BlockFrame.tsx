// The frame behind a group of layers (an Encoder, a Generator, ...), tinted by its kind.
import type { NodeProps } from '@xyflow/react';
import type { BlockFlowNode } from './flowModel.ts';

export function BlockFrame({ data }: NodeProps<BlockFlowNode>) {
  return (
    <div className={`block-frame frame-${data.tone}`} data-testid="block-frame">
      <div className="block-frame-title">
        <span className="block-frame-name">{data.name}</span>
        {data.kind !== data.name && data.kind !== 'Custom' && <span className="block-frame-kind">{data.kind}</span>}
      </div>
    </div>
  );
}
