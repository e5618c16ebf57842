// Measures the top bar's items and its room, and splits them between the bar and the overflow menu.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { splitBar, type BarSplit } from './topBarOverflow.ts';

const GAP = 4;
const MORE_WIDTH = 36;

export interface BarSplitting {
  readonly split: BarSplit;
  /** The bar's container: its width is the room the items share. */
  readonly barRef: RefObject<HTMLElement | null>;
  /** A ref callback for the item `id`: records its width while it is on the bar. */
  measure(id: string): (element: HTMLElement | null) => void;
}

/** `ids` in display order; `priority`: the ids kept longest. Re-splits on every render and on resize. */
export function useBarSplit(ids: readonly string[], priority: readonly string[]): BarSplitting {
  const barRef = useRef<HTMLElement | null>(null);
  const widths = useRef(new Map<string, number>());
  const [room, setRoom] = useState(Number.POSITIVE_INFINITY);
  const [split, setSplit] = useState<BarSplit>({ shown: ids, overflow: [] });
  useLayoutEffect(() => {
    const bar = barRef.current;
    if (bar === null) return undefined;
    const observer = new ResizeObserver(() => setRoom(bar.clientWidth));
    observer.observe(bar);
    setRoom(bar.clientWidth);
    return () => observer.disconnect();
  }, []);
  useLayoutEffect(() => {
    // An item not measured yet counts as 0 px: it is drawn, measured, and the bar splits again.
    const next = splitBar(ids.map((id) => ({ id, width: widths.current.get(id) ?? 0 })), room, GAP, MORE_WIDTH, priority);
    if (next.shown.join() !== split.shown.join() || next.overflow.join() !== split.overflow.join()) setSplit(next);
  });
  const measure = (id: string) => (element: HTMLElement | null) => {
    if (element !== null) widths.current.set(id, element.offsetWidth);
  };
  return { split, barRef, measure };
}
