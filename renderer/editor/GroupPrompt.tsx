// The small prompt that names a new block: one click on a kind, or a name of the user's own.
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { NAMED_KINDS } from './grouping.ts';

interface GroupPromptProps {
  readonly count: number;
  readonly onGroup: (name: string) => void;
  readonly onCancel: () => void;
}

export function GroupPrompt({ count, onGroup, onCancel }: GroupPromptProps) {
  const [name, setName] = useState('');
  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() !== '') onGroup(name.trim());
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCancel();
    }
  }
  return (
    <form className="group-prompt nodrag nopan" role="dialog" aria-label="Name the block" data-testid="group-prompt" onSubmit={submit} onKeyDown={onKeyDown}>
      <div className="group-prompt-title">
        Group {count} layer{count === 1 ? '' : 's'} as
      </div>
      <div className="group-prompt-kinds">
        {NAMED_KINDS.map((kind) => (
          <button key={kind} type="button" className={`group-prompt-kind frame-${kind.toLowerCase()}`} onClick={() => onGroup(kind)} data-testid={`group-kind-${kind}`}>
            {kind}
          </button>
        ))}
      </div>
      <div className="group-prompt-custom">
        <input autoFocus type="text" placeholder="or a name of your own" value={name} maxLength={200} onChange={(event) => setName(event.target.value)} aria-label="Block name" data-testid="group-name" />
        <button type="submit" className="accent" disabled={name.trim() === ''}>
          Group
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
