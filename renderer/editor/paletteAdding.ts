// A click on a palette entry adds it: after the selected layer when there is one (wired from its
// output and placed below it, so the next click chains on), else right of the rightmost layer.
import { layerCatalog, type GraphDocument } from '../../engine/graph/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { placeEntry, type LibraryLookup } from './canvasEdits.ts';
import { withClassifierUnits } from './classifierDefaults.ts';
import { freePosition, LAYER_FOOTPRINT } from './clipboard.ts';
import { connect, nextFreePosition } from './documentEdits.ts';
import type { PaletteEntry } from './paletteModel.ts';
import { personalLibrary } from './personalLibrary.ts';

export interface Appended {
  readonly document: GraphDocument;
  /** The layer to select (the first of a block). */
  readonly nodeId: string;
  /** The layer it was wired after, or null. */
  readonly after: string | null;
}

/** Adds `entry` after the layer `selectedNodeId` (when it has an output) or at the next free place. */
export function appendEntry(document: GraphDocument, entry: Pick<PaletteEntry, 'name' | 'kind'>, selectedNodeId: string | null, library: LibraryLookup = personalLibrary()): Appended | null {
  const anchor = document.nodes.find((node) => node.id === selectedNodeId);
  if (anchor === undefined || layerCatalog.get(anchor.type)?.hasOutput === false) {
    const placed = placeEntry(document, entry, nextFreePosition(document), library);
    return placed === null ? null : { ...placed, after: null };
  }
  const at = freePosition(document, { x: anchor.position.x, y: anchor.position.y + LAYER_FOOTPRINT.height });
  const placed = placeEntry(document, entry, at, library);
  if (placed === null) return null;
  const target = placed.document.nodes.find((node) => node.id === placed.nodeId);
  const port = target === undefined ? undefined : layerCatalog.get(target.type)?.inputs[0]?.name;
  if (port === undefined) return { ...placed, after: null };
  const wired = connect(placed.document, { source: anchor.id, sourcePort: 'out', target: placed.nodeId, targetPort: port });
  return { document: wired, nodeId: placed.nodeId, after: anchor.id };
}

/** The palette's click as one undoable edit (a classifier's last Dense gets the class count); the new layer is selected and brought into view. */
export function addFromPalette(store: EditorStore, entry: PaletteEntry): void {
  const { document, selectedNodeId } = store.getState();
  const added = appendEntry(document, entry, selectedNodeId);
  if (added === null) return;
  const name = entry.title ?? entry.name;
  store.edit(() => withClassifierUnits(document, added.document), { label: added.after === null ? `Add ${name}` : `Add ${name} after ${added.after}` });
  store.select(added.nodeId, { reveal: true });
}
