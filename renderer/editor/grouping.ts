// Grouping layers into named blocks (document.groups + each member's `group`), ungrouping, and
// collapsing a block to one node. Pure edits: each returns a new document, or the same one when
// there is nothing to do.
import type { BlockKind, GraphDocument, GraphGroup } from '../../engine/graph/index.ts';
import { freshId } from './documentEdits.ts';

/** The kinds offered when naming a block; anything else the user types is a Custom block. */
export const NAMED_KINDS: readonly Exclude<BlockKind, 'Custom'>[] = ['Encoder', 'Bottleneck', 'Decoder', 'Generator', 'Discriminator'];

/** "Encoder" is an Encoder; any other name makes a Custom block. */
export function kindForName(name: string): BlockKind {
  const match = NAMED_KINDS.find((kind) => kind.toLowerCase() === name.trim().toLowerCase());
  return match ?? 'Custom';
}

/** Groups that no node belongs to any more are dropped. */
function withoutEmptyGroups(document: GraphDocument): GraphDocument {
  const used = new Set(document.nodes.map((node) => node.group));
  const groups = document.groups.filter((group) => used.has(group.id));
  return groups.length === document.groups.length ? document : { ...document, groups };
}

/**
 * Puts the nodes into a new group named `name` (kind from the name unless given). Nodes that were
 * in another group leave it; a group left empty goes. Null when no node of the list exists.
 */
export function groupNodes(document: GraphDocument, nodeIds: ReadonlySet<string>, name: string, kind: BlockKind = kindForName(name)): { document: GraphDocument; groupId: string } | null {
  const trimmed = name.trim();
  if (trimmed === '' || !document.nodes.some((node) => nodeIds.has(node.id))) return null;
  const taken = new Set(document.groups.map((group) => group.id));
  const groupId = freshId(trimmed, taken);
  const group: GraphGroup = { id: groupId, name: trimmed.slice(0, 200), kind, collapsed: false };
  const grouped: GraphDocument = {
    ...document,
    nodes: document.nodes.map((node) => (nodeIds.has(node.id) ? { ...node, group: groupId } : node)),
    groups: [...document.groups, group],
  };
  return { document: withoutEmptyGroups(grouped), groupId };
}

/** The groups the nodes belong to. */
export function groupsOf(document: GraphDocument, nodeIds: ReadonlySet<string>): Set<string> {
  const groups = new Set<string>();
  for (const node of document.nodes) if (nodeIds.has(node.id) && node.group !== undefined) groups.add(node.group);
  return groups;
}

/** Dissolves the groups: their members stay where they are, ungrouped. */
export function ungroup(document: GraphDocument, groupIds: ReadonlySet<string>): GraphDocument {
  if (!document.groups.some((group) => groupIds.has(group.id))) return document;
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      if (node.group === undefined || !groupIds.has(node.group)) return node;
      const { group: _group, ...rest } = node;
      return rest;
    }),
    groups: document.groups.filter((group) => !groupIds.has(group.id)),
  };
}

/** Collapses (true) or expands (false) a block; the state is saved with the document. */
export function setCollapsed(document: GraphDocument, groupId: string, collapsed: boolean): GraphDocument {
  const group = document.groups.find((item) => item.id === groupId);
  if (group === undefined || group.collapsed === collapsed) return document;
  return { ...document, groups: document.groups.map((item) => (item === group ? { ...group, collapsed } : item)) };
}

/** Renames a block; the kind follows the name where it names one of the five. */
export function renameGroup(document: GraphDocument, groupId: string, name: string): GraphDocument {
  const trimmed = name.trim();
  const group = document.groups.find((item) => item.id === groupId);
  if (group === undefined || trimmed === '' || trimmed === group.name) return document;
  return { ...document, groups: document.groups.map((item) => (item === group ? { ...group, name: trimmed, kind: kindForName(trimmed) } : item)) };
}
