// The personal block library: blocks the user saved (their layers, the edges among them, positions
// relative to the block's corner), and inserting a saved block as a copy with fresh ids.
import { z } from 'zod';
import { BLOCK_KINDS, EdgeSchema, NodeSchema, type BlockKind, type GraphDocument, type GraphEdge, type GraphNode } from '../../engine/graph/index.ts';
import { anchorOf } from './collapsedBlocks.ts';
import { freshId, type Position } from './documentEdits.ts';

export const LibraryBlockSchema = z
  .object({
    id: z.string().min(1).max(200),
    name: z.string().min(1).max(200),
    kind: z.enum(BLOCK_KINDS),
    nodes: z.array(NodeSchema).min(1).max(10000),
    edges: z.array(EdgeSchema).max(20000),
  })
  .strict();

export type LibraryBlock = z.infer<typeof LibraryBlockSchema>;

const LibrarySchema = z.object({ format: z.literal('netloom.blocks'), version: z.literal(1), blocks: z.array(z.unknown()) });

/** The saved form of a group: its members without `group`, positions relative to their top-left. */
export function blockFromGroup(document: GraphDocument, groupId: string): Omit<LibraryBlock, 'id'> | null {
  const group = document.groups.find((item) => item.id === groupId);
  const members = document.nodes.filter((node) => node.group === groupId);
  if (group === undefined || members.length === 0) return null;
  const ids = new Set(members.map((node) => node.id));
  const corner = anchorOf(members.map((node) => node.position));
  const nodes: GraphNode[] = members.map((node) => {
    const { group: _group, ...rest } = node;
    return { ...rest, params: { ...node.params }, position: { x: node.position.x - corner.x, y: node.position.y - corner.y } };
  });
  const edges = document.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)).map((edge) => ({ ...edge }));
  return { name: group.name, kind: group.kind, nodes, edges };
}

/** Adds a block to the library; one with the same name is replaced, keeping its place. */
export function addToLibrary(library: readonly LibraryBlock[], block: Omit<LibraryBlock, 'id'>): LibraryBlock[] {
  const existing = library.find((item) => item.name === block.name);
  if (existing !== undefined) return library.map((item) => (item === existing ? { ...block, id: existing.id } : item));
  const id = freshId(block.name, new Set(library.map((item) => item.id)));
  return [...library, { ...block, id }];
}

export function removeFromLibrary(library: readonly LibraryBlock[], id: string): LibraryBlock[] {
  return library.filter((item) => item.id !== id);
}

/** A copy of the block at `at`: fresh node and edge ids, in a new group of the block's name and kind. */
export function insertLibraryBlock(document: GraphDocument, block: LibraryBlock, at: Position): { document: GraphDocument; nodeIds: string[]; groupId: string } {
  const nodeIds = new Set(document.nodes.map((node) => node.id));
  const edgeIds = new Set(document.edges.map((edge) => edge.id));
  const groupId = freshId(block.name, new Set(document.groups.map((group) => group.id)));
  const renamed = new Map<string, string>();
  const nodes: GraphNode[] = block.nodes.map((node) => {
    const id = freshId(node.id.replace(/\d+$/, '') || node.type, nodeIds);
    nodeIds.add(id);
    renamed.set(node.id, id);
    return { ...node, id, params: structuredClone(node.params), position: { x: Math.round(at.x + node.position.x), y: Math.round(at.y + node.position.y) }, group: groupId };
  });
  const edges: GraphEdge[] = block.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (source === undefined || target === undefined) return [];
    const id = freshId('e', edgeIds);
    edgeIds.add(id);
    return [{ ...edge, id, source, target }];
  });
  return {
    document: {
      ...document,
      nodes: [...document.nodes, ...nodes],
      edges: [...document.edges, ...edges],
      groups: [...document.groups, { id: groupId, name: block.name, kind: block.kind satisfies BlockKind, collapsed: false }],
    },
    nodeIds: nodes.map((node) => node.id),
    groupId,
  };
}

export function serializeLibrary(library: readonly LibraryBlock[]): string {
  return JSON.stringify({ format: 'netloom.blocks', version: 1, blocks: library });
}

/** The library stored as text; blocks that no longer validate are left out, unreadable text reads as empty. */
export function parseLibrary(text: string | null): LibraryBlock[] {
  if (text === null) return [];
  try {
    const parsed = LibrarySchema.safeParse(JSON.parse(text));
    if (!parsed.success) return [];
    return parsed.data.blocks.flatMap((value) => {
      const block = LibraryBlockSchema.safeParse(value);
      return block.success ? [block.data] : [];
    });
  } catch {
    return [];
  }
}
