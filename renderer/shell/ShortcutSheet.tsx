// The shortcut sheet: every shortcut of the app's one table (document/shortcuts.ts), by section,
// with its keys on this system. `?` or F1 opens it (outside text fields); Escape or a click outside closes it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { isMacPlatform, isShortcutSheetKey, isTextTarget, shortcutKeys, shortcutSheet } from '../document/shortcuts.ts';
import './shortcutSheet.css';

/** Whether the sheet is open, and the keys that open it. */
export function useShortcutSheet(): { open: boolean; setOpen: (open: boolean) => void } {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const isMac = isMacPlatform(navigator.userAgent);
    function onKeyDown(event: KeyboardEvent) {
      if (!isShortcutSheetKey(event, isMac) || isTextTarget(event.target)) return;
      event.preventDefault();
      setOpen(true);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  return { open, setOpen };
}

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const isMac = isMacPlatform(navigator.userAgent);
  const sections = useMemo(() => shortcutSheet(isMac), [isMac]);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div className="shortcut-backdrop" onClick={onClose}>
      <div
        ref={dialog}
        className="shortcut-sheet"
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        tabIndex={-1}
        data-testid="shortcut-sheet"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <header className="shortcut-sheet-header">
          <h2>Keyboard shortcuts</h2>
          <button type="button" onClick={onClose} aria-label="Close the shortcut sheet" title="Close (Esc)">
            Close
          </button>
        </header>
        <div className="shortcut-sections">
          {sections.map(({ section, rows }) => (
            <section key={section}>
              <h3>{section}</h3>
              <dl>
                {rows.map((row) => (
                  <div key={row.id} className="shortcut-row" data-shortcut={row.id}>
                    <dt>{row.label}</dt>
                    <dd>
                      {row.keys.map((keys) => (
                        <kbd key={keys}>{keys}</kbd>
                      ))}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <p className="muted shortcut-sheet-foot">Open this sheet with {shortcutKeys('shortcuts', isMac)}. With the mouse: drag a layer to move it, Shift+drag a box to select, {isMac ? '⌘' : 'Ctrl'}+click to add to the selection.</p>
      </div>
    </div>
  );
}
