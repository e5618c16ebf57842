// The top bar's ⋯ button and the menu of the commands that did not fit on the bar. A command run
// from it (a click on a button, an example chosen) closes it, as do Escape and a click outside.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function OverflowMenu({ items }: { readonly items: readonly (readonly [string, ReactNode])[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return undefined;
    const outside = (event: PointerEvent) => {
      if (!(event.target instanceof Node && root.current?.contains(event.target) === true)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', outside, true);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('pointerdown', outside, true);
      window.removeEventListener('keydown', escape);
    };
  }, [open]);
  const closeAfterCommand = (event: { target: EventTarget }) => {
    if (event.target instanceof HTMLButtonElement && !event.target.disabled) window.setTimeout(() => setOpen(false));
  };
  return (
    <div className="overflow" ref={root}>
      <button type="button" className="overflow-button" aria-haspopup="true" aria-expanded={open} aria-label="More commands" title="More commands" data-testid="overflow-button" onClick={() => setOpen(!open)}>
        ⋯
      </button>
      {open && (
        <div className="overflow-menu" role="group" aria-label="More commands" data-testid="overflow-menu" onClick={closeAfterCommand} onChange={() => setOpen(false)}>
          {items.map(([id, item]) => (
            <div key={id} className="overflow-item" data-bar-item={id}>
              {item}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
