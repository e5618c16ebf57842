// Adding layers on the canvas: drops from the palette (onto an edge splits it) and the quick-add search.
import { useReactFlow } from '@xyflow/react';
import { useCallback, useState, type DragEvent, type MouseEvent } from 'react';
import type { EditorStore } from '../document/editorStore.ts';
import { dropEntry } from './canvasEdits.ts';
import { withClassifierUnits } from './classifierDefaults.ts';
import type { Position } from './documentEdits.ts';
import { decodePaletteEntry, PALETTE_MIME, type PaletteEntry } from './paletteModel.ts';
import { personalLibrary } from './personalLibrary.ts';

export interface QuickAddAt {
  /** Pixels from the canvas's top left, for the search box. */
  readonly left: number;
  readonly top: number;
  /** Where the layer goes, in flow coordinates. */
  readonly position: Position;
}

/** The edge (its wide interaction path, or its shape label) under a screen point. */
function edgeAt(x: number, y: number): string | null {
  for (const element of document.elementsFromPoint(x, y)) {
    const label = element.closest('[data-testid="edge-label"]');
    if (label instanceof HTMLElement && label.dataset.edgeId !== undefined) return label.dataset.edgeId;
    const edge = element.closest('.react-flow__edge');
    const id = edge?.getAttribute('data-id');
    if (id !== null && id !== undefined) return id;
    if (element.closest('.react-flow__node') !== null) return null;
  }
  return null;
}

export function useCanvasAdding(store: EditorStore) {
  const { screenToFlowPosition } = useReactFlow();
  const [quickAdd, setQuickAdd] = useState<QuickAddAt | null>(null);

  const add = useCallback(
    (entry: Pick<PaletteEntry, 'name' | 'kind'>, position: Position, edgeId: string | null) => {
      const placed = dropEntry(store.getState().document, entry, position, edgeId);
      if (placed === null) return;
      const inserted = edgeId !== null && placed.document.edges.length > store.getState().document.edges.length && entry.kind === 'layer';
      const name = entry.kind === 'library' ? (personalLibrary().get(entry.name)?.name ?? entry.name) : entry.name;
      store.edit((document) => withClassifierUnits(document, placed.document), { label: inserted ? `Insert ${name}` : `Add ${name}` });
      store.select(placed.nodeId);
    },
    [store],
  );
  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const entry = decodePaletteEntry(event.dataTransfer.getData(PALETTE_MIME));
      if (entry === null) return;
      event.preventDefault();
      add(entry, screenToFlowPosition({ x: event.clientX, y: event.clientY }), edgeAt(event.clientX, event.clientY));
    },
    [add, screenToFlowPosition],
  );
  const onDoubleClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (!(event.target instanceof Element) || !event.target.classList.contains('react-flow__pane')) return;
      const bounds = event.currentTarget.getBoundingClientRect();
      setQuickAdd({ left: event.clientX - bounds.left, top: event.clientY - bounds.top, position: screenToFlowPosition({ x: event.clientX, y: event.clientY }) });
    },
    [screenToFlowPosition],
  );
  const pickQuickAdd = useCallback(
    (entry: PaletteEntry) => {
      if (quickAdd !== null) add(entry, quickAdd.position, null);
      setQuickAdd(null);
    },
    [add, quickAdd],
  );
  const closeQuickAdd = useCallback(() => setQuickAdd(null), []);
  return { onDragOver, onDrop, onDoubleClick, quickAdd, pickQuickAdd, closeQuickAdd };
}
