// Turns canvas gestures (drop from the palette, connect, drag) into document edits.
import type { Connection as FlowConnection, Node } from '@xyflow/react';
import type { GraphDocument } from '../../engine/graph/index.ts';
import { addBlock } from './blockEdits.ts';
import { insertLibraryBlock } from './blockLibrary.ts';
import { personalLibrary, type PersonalLibrary } from './personalLibrary.ts';
import { groupOfCollapsedNode, memberMoves } from './collapsedBlocks.ts';
import { addNode, connect, moveNodes, type Position } from './documentEdits.ts';
import { insertNodeOnEdge } from './nodeEdits.ts';
import type { PaletteEntry } from './paletteModel.ts';

export const GRID = 20;

export function snapToGrid(position: Position, grid = GRID): Position {
  // `|| 0` turns -0 into 0.
  return { x: Math.round(position.x / grid) * grid || 0, y: Math.round(position.y / grid) * grid || 0 };
}

export type LibraryLookup = Pick<PersonalLibrary, 'get'>;

/** Adds a palette entry at a position; returns the new document and the node to select, or null. */
export function placeEntry(document: GraphDocument, entry: Pick<PaletteEntry, 'name' | 'kind'>, position: Position, library: LibraryLookup = personalLibrary()): { document: GraphDocument; nodeId: string } | null {
  const at = snapToGrid(position);
  if (entry.kind === 'library') {
    const block = library.get(entry.name);
    if (block === null) return null;
    const placed = insertLibraryBlock(document, block, at);
    return { document: placed.document, nodeId: placed.nodeIds[0] };
  }
  if (entry.kind === 'block') {
    const placed = addBlock(document, entry.name, at);
    return placed === null ? null : { document: placed.document, nodeId: placed.nodes[0].id };
  }
  const placed = addNode(document, entry.name, at);
  return placed === null ? null : { document: placed.document, nodeId: placed.node.id };
}

/** A drop onto an edge splits it with the layer; blocks, and drops elsewhere, place the entry at the point. */
export function dropEntry(document: GraphDocument, entry: Pick<PaletteEntry, 'name' | 'kind'>, position: Position, edgeId: string | null, library: LibraryLookup = personalLibrary()): { document: GraphDocument; nodeId: string } | null {
  if (edgeId !== null && entry.kind === 'layer') {
    const inserted = insertNodeOnEdge(document, edgeId, entry.name);
    if (inserted !== null) return inserted;
  }
  return placeEntry(document, entry, position, library);
}

export function connectFlow(document: GraphDocument, connection: FlowConnection): GraphDocument {
  return connect(document, {
    source: connection.source,
    sourcePort: connection.sourceHandle ?? 'out',
    target: connection.target,
    targetPort: connection.targetHandle ?? 'in',
  });
}

/** Commits dragged layer nodes' positions (group frames are derived, not stored); a dragged collapsed block moves its members. */
export function commitDrag(document: GraphDocument, dragged: readonly Node[]): GraphDocument {
  const ids = new Set(document.nodes.map((node) => node.id));
  const positions = new Map(dragged.filter((node) => ids.has(node.id)).map((node) => [node.id, node.position]));
  for (const node of dragged) {
    const groupId = groupOfCollapsedNode(node.id);
    if (groupId !== null) for (const [id, position] of memberMoves(document, groupId, node.position)) positions.set(id, position);
  }
  return moveNodes(document, positions);
}
