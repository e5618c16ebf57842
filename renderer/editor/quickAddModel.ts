// The quick-add search: catalog layers and blocks ranked against what the user typed.
import { paletteSections, type PaletteEntry } from './paletteModel.ts';

/** Name prefix first, then name substring, then summary matches; catalog order within each rank. */
export function quickAddEntries(filter: string, limit = 12): PaletteEntry[] {
  const needle = filter.trim().toLowerCase();
  const entries = paletteSections(needle).flatMap((section) => section.entries);
  const rank = (entry: PaletteEntry) => {
    const name = entry.name.toLowerCase();
    if (name.startsWith(needle)) return 0;
    return name.includes(needle) ? 1 : 2;
  };
  return entries
    .map((entry, index) => ({ entry, index, rank: rank(entry) }))
    .sort((first, second) => first.rank - second.rank || first.index - second.index)
    .slice(0, limit)
    .map(({ entry }) => entry);
}

/** Moves the highlighted row by `step`, wrapping around; 0 for an empty list. */
export function moveHighlight(current: number, step: number, count: number): number {
  return count === 0 ? 0 : (current + step + count) % count;
}
