// Which graph a run belongs to. A graph's identity is where it came from (its file's name, else its
// own name: an example's) and a hash of its structure when it was opened: the layers with their
// settings, the links, the training settings and the data, never positions. Edits after opening
// keep the identity, so a run after an edit is drawn against the runs before it; reopening the same
// file or example finds its earlier runs again; another graph, even one of the same name, does not.
// A graph with no links when opened (New: one Input) is an identity of its own: two new graphs
// built apart are different graphs.
import type { GraphDocument } from '../../engine/graph/index.ts';

/** FNV-1a over the text's UTF-16 code units, as 8 hex digits. */
export function hashText(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The graph's structure as text: what it computes and trains on, not where its boxes sit. */
export function structureText(document: GraphDocument): string {
  const nodes = [...document.nodes].sort((a, b) => a.id.localeCompare(b.id)).map((node) => [node.id, node.type, node.params]);
  const edges = document.edges.map((edge) => [edge.source, edge.sourcePort, edge.target, edge.targetPort]).sort((a, b) => a.join().localeCompare(b.join()));
  return JSON.stringify({ nodes, edges, training: document.training, dataset: document.dataset ?? null });
}

export function graphIdentity(document: GraphDocument, fileName: string | null, generation: number): string {
  if (document.edges.length === 0) return `new graph ${generation}`;
  return `${fileName ?? document.metadata.name}#${hashText(structureText(document))}`;
}

/** Keeps the identity each opening (generation) got, so edits after it keep the graph's identity. */
export class IdentityKeeper {
  private generation: number | null = null;
  private identity = '';

  identityOf(document: GraphDocument, fileName: string | null, generation: number): string {
    if (generation !== this.generation) {
      this.generation = generation;
      this.identity = graphIdentity(document, fileName, generation);
    }
    return this.identity;
  }
}
