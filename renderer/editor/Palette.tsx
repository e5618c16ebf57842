// The palette: catalog layers and blocks by category. Drag one onto the canvas, or click to append it.
import { useMemo, useState, useSyncExternalStore, type DragEvent } from 'react';
import { encodePaletteEntry, librarySection, PALETTE_MIME, paletteSections, type PaletteEntry } from './paletteModel.ts';
import { personalLibrary } from './personalLibrary.ts';

export function Palette({ onAdd }: { onAdd: (entry: PaletteEntry) => void }) {
  const [filter, setFilter] = useState('');
  const library = personalLibrary();
  const saved = useSyncExternalStore(library.subscribe, library.list);
  const sections = useMemo(() => {
    const mine = librarySection(saved, filter);
    return mine === null ? paletteSections(filter) : [mine, ...paletteSections(filter)];
  }, [filter, saved]);
  function onDragStart(event: DragEvent, entry: PaletteEntry) {
    event.dataTransfer.setData(PALETTE_MIME, encodePaletteEntry(entry));
    event.dataTransfer.effectAllowed = 'copy';
  }
  return (
    <aside className="palette panel" aria-label="Layers">
      <div className="panel-heading">Layers</div>
      <input className="palette-search" type="search" placeholder="Search layers" value={filter} onChange={(event) => setFilter(event.target.value)} aria-label="Search layers" />
      <div className="palette-sections">
        {sections.map((section) => (
          <section key={section.category} className={`palette-section tone-${section.tone}`}>
            <h3>{section.category}</h3>
            <ul>
              {section.entries.map((entry) => (
                <li key={entry.name} data-testid={entry.kind === 'library' ? 'library-entry' : undefined}>
                  <button
                    type="button"
                    className="palette-entry"
                    draggable
                    onDragStart={(event) => onDragStart(event, entry)}
                    onClick={() => onAdd(entry)}
                    title={`${entry.summary}\nDrag onto the canvas, or click to add it after the selected layer (else after the last one).`}
                  >
                    <span className="palette-swatch" aria-hidden />
                    <span className="palette-name">{entry.title ?? entry.name}</span>
                    {entry.kind !== 'layer' && <span className="palette-tag">{entry.kind === 'library' ? 'mine' : 'block'}</span>}
                  </button>
                  {entry.kind === 'library' && (
                    <button type="button" className="palette-remove" onClick={() => library.remove(entry.name)} title={`Remove “${entry.title ?? entry.name}” from My blocks`} aria-label={`Remove ${entry.title ?? entry.name}`}>
                      ×
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
        {sections.length === 0 && <p className="muted palette-empty">No layer matches “{filter}”.</p>}
      </div>
    </aside>
  );
}
