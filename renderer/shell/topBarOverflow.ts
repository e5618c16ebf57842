// Which top-bar commands stay on the bar at a given width; the rest go to the overflow menu (⋯).
// The bar never wraps: commands leave it in a fixed order of priority, the least needed first.

export interface BarItem {
  readonly id: string;
  /** The item's width on the bar, in px (measured once it has been drawn). */
  readonly width: number;
}

export interface BarSplit {
  /** Items kept on the bar, in display order. */
  readonly shown: readonly string[];
  /** Items in the overflow menu, in display order (empty: no ⋯ button). */
  readonly overflow: readonly string[];
}

/**
 * Splits `items` (display order) for a bar `available` px wide with `gap` px between items. When
 * not all fit, the ⋯ button (`moreWidth`) is kept and items are kept by `priority` (the ids most
 * needed first; ids it does not name come last) while they fit beside it.
 */
export function splitBar(items: readonly BarItem[], available: number, gap: number, moreWidth: number, priority: readonly string[]): BarSplit {
  const total = items.reduce((sum, item) => sum + item.width, 0) + gap * Math.max(0, items.length - 1);
  if (total <= available) return { shown: items.map((item) => item.id), overflow: [] };
  const rank = (id: string) => {
    const index = priority.indexOf(id);
    return index === -1 ? priority.length : index;
  };
  const kept = new Set<string>();
  let used = moreWidth;
  for (const item of [...items].sort((a, b) => rank(a.id) - rank(b.id))) {
    const next = used + gap + item.width;
    if (next > available) break;
    kept.add(item.id);
    used = next;
  }
  return { shown: items.filter((item) => kept.has(item.id)).map((item) => item.id), overflow: items.filter((item) => !kept.has(item.id)).map((item) => item.id) };
}
