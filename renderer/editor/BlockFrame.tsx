// The frame behind a group of layers (an Encoder, a Generator, ...), tinted by its kind, with its
// block's buttons: collapse to one node, save to My blocks. Double-click the name to rename it (a
// button would leave a one-layer block's name no room).
import type { NodeProps } from '@xyflow/react';
import { useContext, useState, type KeyboardEvent } from 'react';
import { BlockActionsContext } from './blockActions.ts';
import type { BlockFlowNode } from './flowModel.ts';

/** The name field: Enter or leaving it renames, Escape keeps the old name. Collapsed blocks use it too. */
export function NameField({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const [value, setValue] = useState(name);
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // The canvas's shortcuts (Delete, Ctrl+Z, ...) must not act while typing a name.
    event.stopPropagation();
    if (event.key === 'Enter') onDone(value);
    if (event.key === 'Escape') onDone(null);
  }
  return (
    <input
      className="block-frame-rename nodrag nopan"
      value={value}
      maxLength={60}
      autoFocus
      onFocus={(event) => event.target.select()}
      onChange={(event) => setValue(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => onDone(value)}
      aria-label="Block name"
      data-testid="block-rename-field"
    />
  );
}

export function BlockFrame({ data }: NodeProps<BlockFlowNode>) {
  const actions = useContext(BlockActionsContext);
  const [renaming, setRenaming] = useState(false);
  function finishRename(name: string | null) {
    setRenaming(false);
    if (name !== null) actions?.rename(data.groupId, name);
  }
  return (
    <div className={`block-frame frame-${data.tone}`} data-testid="block-frame" data-group-id={data.groupId}>
      <div className="block-frame-title">
        {renaming ? (
          <NameField name={data.name} onDone={finishRename} />
        ) : (
          <span className="block-frame-name" onDoubleClick={actions === null ? undefined : () => setRenaming(true)} title={actions === null ? data.name : `${data.name}: double-click to rename`}>
            {data.name}
          </span>
        )}
        {data.kind !== data.name && data.kind !== 'Custom' && <span className="block-frame-kind">{data.kind}</span>}
        {actions !== null && (
          <span className="block-actions nodrag nopan">
            <button type="button" onClick={() => actions.setCollapsed(data.groupId, true)} title={`Collapse ${data.name} to one node (the layers after it move up)`} data-testid="block-collapse" aria-label={`Collapse ${data.name}`}>
              <span aria-hidden>⊟</span> Collapse
            </button>
            <button type="button" onClick={() => actions.saveToLibrary(data.groupId)} title={`Save ${data.name} to My blocks in the palette`} data-testid="block-save" aria-label={`Save ${data.name} to My blocks`}>
              <span aria-hidden>☆</span> Save
            </button>
          </span>
        )}
      </div>
    </div>
  );
}
