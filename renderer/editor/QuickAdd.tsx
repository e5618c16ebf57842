// The quick-add search opened by a double-click on the empty canvas: type, then Enter or click.
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { PaletteEntry } from './paletteModel.ts';
import { moveHighlight, quickAddEntries } from './quickAddModel.ts';

export interface QuickAddProps {
  /** Where to open, in pixels from the canvas's top left. */
  readonly left: number;
  readonly top: number;
  readonly onPick: (entry: PaletteEntry) => void;
  readonly onClose: () => void;
}

export function QuickAdd({ left, top, onPick, onClose }: QuickAddProps) {
  const [filter, setFilter] = useState('');
  const [highlight, setHighlight] = useState(0);
  const entries = useMemo(() => quickAddEntries(filter), [filter]);
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') onClose();
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') setHighlight(moveHighlight(highlight, event.key === 'ArrowDown' ? 1 : -1, entries.length));
    else if (event.key === 'Enter' && entries.length > 0) onPick(entries[Math.min(highlight, entries.length - 1)]);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }
  return (
    <div className="quick-add nodrag nowheel" style={{ left, top }} data-testid="quick-add" onDoubleClick={(event) => event.stopPropagation()}>
      <input
        autoFocus
        type="search"
        placeholder="Add a layer…"
        aria-label="Add a layer"
        value={filter}
        onChange={(event) => {
          setFilter(event.target.value);
          setHighlight(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={onClose}
      />
      <ul role="listbox">
        {entries.map((entry, index) => (
          <li key={`${entry.kind}:${entry.name}`} role="option" aria-selected={index === highlight}>
            <button type="button" className={index === highlight ? 'is-highlighted' : ''} onMouseDown={(event) => event.preventDefault()} onClick={() => onPick(entry)} title={entry.summary}>
              <span className="quick-add-name">{entry.name}</span>
              {entry.kind === 'block' && <span className="palette-tag">block</span>}
            </button>
          </li>
        ))}
        {entries.length === 0 && <li className="muted quick-add-empty">No layer matches “{filter}”.</li>}
      </ul>
    </div>
  );
}
