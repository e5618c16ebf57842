// The palette: every catalog layer and composite block, grouped by category in a fixed order.
import { blockCatalog, layerCatalog, type LayerCategory } from '../../engine/graph/index.ts';
import type { LibraryBlock } from './blockLibrary.ts';
import { categoryTone, type CategoryTone } from './nodeSummary.ts';

export const CATEGORY_ORDER: readonly LayerCategory[] = ['Input & Output', 'Core', 'Activations', 'Convolution', 'Recurrent', 'Autoencoder blocks', 'GAN blocks'];

export interface PaletteEntry {
  /** A layer type, a block kind, or a personal library block's id. */
  readonly name: string;
  readonly kind: 'layer' | 'block' | 'library';
  /** What the palette shows, where it differs from `name` (library blocks). */
  readonly title?: string;
  readonly summary: string;
}

export const MY_BLOCKS = 'My blocks';

export interface PaletteSection {
  readonly category: LayerCategory | typeof MY_BLOCKS;
  readonly tone: CategoryTone;
  readonly entries: readonly PaletteEntry[];
}

function matcher(filter: string): (entry: PaletteEntry) => boolean {
  const needle = filter.trim().toLowerCase();
  return (entry) => needle === '' || (entry.title ?? entry.name).toLowerCase().includes(needle) || entry.summary.toLowerCase().includes(needle);
}

/** The "My blocks" section: the personal library's blocks, filtered like the rest; null when none match. */
export function librarySection(library: readonly LibraryBlock[], filter = ''): PaletteSection | null {
  const entries = library
    .map((block): PaletteEntry => ({ name: block.id, kind: 'library', title: block.name, summary: `${block.kind === 'Custom' ? 'Your block' : `Your ${block.kind}`}: ${block.nodes.map((node) => node.type).join(' → ')}` }))
    .filter(matcher(filter));
  return entries.length === 0 ? null : { category: MY_BLOCKS, tone: 'block', entries };
}

/** Sections in CATEGORY_ORDER; entries in catalog order, filtered by a case-insensitive search. */
export function paletteSections(filter = ''): PaletteSection[] {
  const matches = matcher(filter);
  const byCategory = new Map<LayerCategory, PaletteEntry[]>(CATEGORY_ORDER.map((category) => [category, []]));
  for (const spec of layerCatalog.values()) byCategory.get(spec.category)?.push({ name: spec.type, kind: 'layer', summary: spec.summary });
  for (const block of blockCatalog.values()) byCategory.get(block.category)?.push({ name: block.kind, kind: 'block', summary: block.summary });
  return CATEGORY_ORDER.map((category) => ({ category, tone: categoryTone(category), entries: (byCategory.get(category) ?? []).filter(matches) })).filter(
    (section) => section.entries.length > 0,
  );
}

/** The drag-and-drop payload type between palette and canvas. */
export const PALETTE_MIME = 'application/x-netloom-palette';

export function encodePaletteEntry(entry: Pick<PaletteEntry, 'name' | 'kind'>): string {
  return JSON.stringify({ name: entry.name, kind: entry.kind });
}

export function decodePaletteEntry(text: string): Pick<PaletteEntry, 'name' | 'kind'> | null {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return null;
    const { name, kind } = value as { name?: unknown; kind?: unknown };
    return typeof name === 'string' && (kind === 'layer' || kind === 'block' || kind === 'library') ? { name, kind } : null;
  } catch {
    return null;
  }
}
