// The difference between two graph documents, as entity changes by id plus changed top-level fields.
// A patch applies forwards or, inverted, backwards: the building block of undoable commands.
import type { GraphDocument } from '../../engine/graph/index.ts';

type Collection = 'nodes' | 'edges' | 'groups';
type Entity = GraphDocument[Collection][number];
type Field = Exclude<keyof GraphDocument, Collection>;

const COLLECTIONS: readonly Collection[] = ['nodes', 'edges', 'groups'];

interface EntityChange {
  readonly collection: Collection;
  readonly id: string;
  readonly before: Entity | null;
  readonly after: Entity | null;
}

interface FieldChange {
  readonly field: Field;
  readonly before: unknown;
  readonly after: unknown;
}

interface OrderChange {
  readonly collection: Collection;
  readonly before: readonly string[];
  readonly after: readonly string[];
}

export interface DocumentPatch {
  readonly entities: readonly EntityChange[];
  readonly fields: readonly FieldChange[];
  readonly orders: readonly OrderChange[];
}

function ids(list: readonly Entity[]): string[] {
  return list.map((item) => item.id);
}

function sameOrder(first: readonly string[], second: readonly string[]): boolean {
  return first.length === second.length && first.every((id, index) => id === second[index]);
}

function diffCollection(collection: Collection, before: readonly Entity[], after: readonly Entity[], patch: { entities: EntityChange[]; orders: OrderChange[] }): void {
  const old = new Map(before.map((item) => [item.id, item]));
  const next = new Map(after.map((item) => [item.id, item]));
  for (const [id, item] of old) {
    const replacement = next.get(id) ?? null;
    if (replacement !== item) patch.entities.push({ collection, id, before: item, after: replacement });
  }
  for (const [id, item] of next) if (!old.has(id)) patch.entities.push({ collection, id, before: null, after: item });
  if (!sameOrder(ids(before), ids(after))) patch.orders.push({ collection, before: ids(before), after: ids(after) });
}

/** What changed from `before` to `after`; entities compare by reference, as pure edits keep untouched ones. */
export function diffDocuments(before: GraphDocument, after: GraphDocument): DocumentPatch {
  const patch = { entities: [] as EntityChange[], fields: [] as FieldChange[], orders: [] as OrderChange[] };
  for (const collection of COLLECTIONS) diffCollection(collection, before[collection], after[collection], patch);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if ((COLLECTIONS as readonly string[]).includes(key)) continue;
    const field = key as Field;
    if (before[field] !== after[field]) patch.fields.push({ field, before: before[field], after: after[field] });
  }
  return patch;
}

export function isEmptyPatch(patch: DocumentPatch): boolean {
  return patch.entities.length === 0 && patch.fields.length === 0 && patch.orders.length === 0;
}

export function invertPatch(patch: DocumentPatch): DocumentPatch {
  return {
    entities: patch.entities.map((change) => ({ ...change, before: change.after, after: change.before })),
    fields: patch.fields.map((change) => ({ ...change, before: change.after, after: change.before })),
    orders: patch.orders.map((change) => ({ ...change, before: change.after, after: change.before })),
  };
}

function patchCollection(list: readonly Entity[], collection: Collection, patch: DocumentPatch): Entity[] {
  const changes = patch.entities.filter((change) => change.collection === collection);
  const order = patch.orders.find((change) => change.collection === collection);
  if (changes.length === 0 && order === undefined) return [...list];
  const byId = new Map(list.map((item) => [item.id, item]));
  for (const change of changes) {
    if (change.after === null) byId.delete(change.id);
    else byId.set(change.id, change.after);
  }
  const sequence = order?.after ?? [...byId.keys()];
  return sequence.flatMap((id) => {
    const item = byId.get(id);
    return item === undefined ? [] : [item];
  });
}

/** Applies a patch; a document the patch does not start from gets the patch's changes all the same. */
export function applyPatch(document: GraphDocument, patch: DocumentPatch): GraphDocument {
  if (isEmptyPatch(patch)) return document;
  const next: Record<string, unknown> = { ...document };
  for (const collection of COLLECTIONS) {
    const touched = patch.entities.some((change) => change.collection === collection) || patch.orders.some((change) => change.collection === collection);
    if (touched) next[collection] = patchCollection(document[collection], collection, patch);
  }
  for (const change of patch.fields) {
    if (change.after === undefined) delete next[change.field];
    else next[change.field] = change.after;
  }
  return next as GraphDocument;
}
