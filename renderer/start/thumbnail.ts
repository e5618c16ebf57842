// A template card's picture: the graph's layers as boxes and its edges as curves, fitted into a
// small box from the positions the document stores. Plain geometry; ThumbnailSvg draws it.
import { layerCatalog, type GraphDocument } from '../../engine/graph/index.ts';
import { categoryTone, type CategoryTone } from '../editor/nodeSummary.ts';

/** A layer's size on the canvas, in document units (about what the canvas draws). */
export const NODE_SIZE = { width: 150, height: 100 } as const;

export interface ThumbnailBox {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly tone: CategoryTone;
}

export interface ThumbnailEdge {
  readonly id: string;
  /** An SVG path from the source's right side to the target's left side. */
  readonly path: string;
}

export interface Thumbnail {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly ThumbnailBox[];
  readonly edges: readonly ThumbnailEdge[];
}

export interface ThumbnailOptions {
  readonly width: number;
  readonly height: number;
  /** Space kept free on every side. */
  readonly padding: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Scales and centres the graph's bounding box into the thumbnail; never enlarges past 1:1. */
export function thumbnailOf(document: Pick<GraphDocument, 'nodes' | 'edges'>, options: ThumbnailOptions): Thumbnail {
  const { width, height, padding } = options;
  if (document.nodes.length === 0) return { width, height, boxes: [], edges: [] };
  const left = Math.min(...document.nodes.map((node) => node.position.x));
  const top = Math.min(...document.nodes.map((node) => node.position.y));
  const right = Math.max(...document.nodes.map((node) => node.position.x + NODE_SIZE.width));
  const bottom = Math.max(...document.nodes.map((node) => node.position.y + NODE_SIZE.height));
  const scale = Math.min(1, (width - 2 * padding) / (right - left), (height - 2 * padding) / (bottom - top));
  const offsetX = (width - (right - left) * scale) / 2 - left * scale;
  const offsetY = (height - (bottom - top) * scale) / 2 - top * scale;
  const boxes = document.nodes.map((node) => ({
    id: node.id,
    x: round(node.position.x * scale + offsetX),
    y: round(node.position.y * scale + offsetY),
    width: round(NODE_SIZE.width * scale),
    height: round(NODE_SIZE.height * scale),
    tone: categoryTone(layerCatalog.get(node.type)?.category),
  }));
  const byId = new Map(boxes.map((box) => [box.id, box]));
  const edges: ThumbnailEdge[] = [];
  for (const edge of document.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (source === undefined || target === undefined) continue;
    const x1 = source.x + source.width;
    const y1 = round(source.y + source.height / 2);
    const x2 = target.x;
    const y2 = round(target.y + target.height / 2);
    const bend = round(Math.max(8, Math.abs(x2 - x1) / 2));
    edges.push({ id: edge.id, path: `M${round(x1)} ${y1} C${round(x1 + bend)} ${y1} ${round(x2 - bend)} ${y2} ${round(x2)} ${y2}` });
  }
  return { width, height, boxes, edges };
}
