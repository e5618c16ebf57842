// A document whose schema check failed may still have readable nodes and edges: they are checked
// too (ids, wiring, cycles, shapes), so one pass reports every problem it has, not only the first
// broken section. The sections that do not parse are replaced by placeholders, never returned.
import { GraphDocumentSchema, EdgeSchema, GroupSchema, NodeSchema, TrainingSchema, type GraphDocument, type GraphEdge, type GraphGroup, type GraphNode } from './document.ts';

type Item<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly id: string | undefined };

function parseItems<T>(list: unknown, parse: (item: unknown) => { success: true; data: T } | { success: false }): Item<T>[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const result = parse(item);
    if (result.success) return { ok: true, value: result.data };
    const id = typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as Record<string, unknown>).id : undefined;
    return { ok: false, id: typeof id === 'string' ? id : undefined };
  });
}

function kept<T>(items: readonly Item<T>[]): T[] {
  return items.flatMap((item) => (item.ok ? [item.value] : []));
}

/**
 * The readable parts of a migrated document that failed the schema: the nodes, edges and groups
 * that parse on their own (edges to a node that did not parse are left out, its problem is
 * already reported), the training section or a placeholder. Null when there is nothing to check.
 */
export function readableParts(migrated: Readonly<Record<string, unknown>>): GraphDocument | null {
  const nodes = parseItems<GraphNode>(migrated.nodes, (item) => NodeSchema.safeParse(item));
  if (nodes.length === 0) return null;
  const broken = new Set(nodes.flatMap((item) => (!item.ok && item.id !== undefined ? [item.id] : [])));
  const edges = kept(parseItems<GraphEdge>(migrated.edges, (item) => EdgeSchema.safeParse(item))).filter((edge) => !broken.has(edge.source) && !broken.has(edge.target));
  const groups = kept(parseItems<GraphGroup>(migrated.groups, (item) => GroupSchema.safeParse(item)));
  const training = TrainingSchema.safeParse(migrated.training);
  const placeholder = GraphDocumentSchema.safeParse({
    format: migrated.format,
    version: migrated.version,
    nodes: kept(nodes),
    edges,
    groups,
    training: training.success ? training.data : { task: 'classify' },
  });
  return placeholder.success ? placeholder.data : null;
}
