// How the canvas frames a graph: Fit View never zooms out past where layer text stays readable and
// keeps the graph clear of the canvas's own buttons; the auto layout is given the canvas's size
// (chains too long to read there go into rows); the minimap is drawn only where it covers no layer.
import type { Room } from './layoutRows.ts';

/**
 * At this zoom a layer's title is drawn at least 9 px high (12.5 px titles at 10.25 px, long ones
 * such as SoftmaxCrossEntropy, set at 11 px, at 9.0 px): Fit View goes no further out.
 */
export const READABLE_ZOOM = 0.82;

/**
 * Fit View's margins in px: room above for the canvas's command buttons (Group … Duplicate, top
 * right, 15 + 28 px) and on the left for the zoom buttons (bottom left, 15 + 26 px).
 */
export const FIT_MARGINS = { top: 48, right: 16, bottom: 16, left: 44 } as const;

/** Fit View's options: the initial fit, the Fit View button and the fit after Auto layout use them all. */
export const fitViewOptions = {
  padding: { top: `${FIT_MARGINS.top}px`, right: `${FIT_MARGINS.right}px`, bottom: `${FIT_MARGINS.bottom}px`, left: `${FIT_MARGINS.left}px` },
  minZoom: READABLE_ZOOM,
  maxZoom: 1.25,
} as const;

/** What the auto layout is told of a canvas `width` × `height` px: long chains go into rows that fit it. */
export function layoutRoom(width: number, height: number): Room {
  return { width, height, readableZoom: READABLE_ZOOM, margins: { x: FIT_MARGINS.left + FIT_MARGINS.right, y: FIT_MARGINS.top + FIT_MARGINS.bottom } };
}

/** The minimap's size, and its distance from the canvas's bottom right corner (React Flow's panel margin). */
export const MINIMAP = { width: 150, height: 92, margin: 15 } as const;

/** The minimap is drawn only on a canvas with room for it beside the graph. */
export function minimapFits(canvasWidth: number, canvasHeight: number): boolean {
  return canvasWidth >= 640 && canvasHeight >= 360;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * True when part of the graph (`bounds`, flow units) lies outside a canvas `width` × `height` px
 * seen through `transform` ([x, y, zoom]): only then is the minimap worth the room it covers.
 */
export function graphOutOfView(bounds: Box, transform: readonly [number, number, number], width: number, height: number): boolean {
  if (bounds.width <= 0 || bounds.height <= 0) return false;
  const [x, y, zoom] = transform;
  const left = bounds.x * zoom + x;
  const top = bounds.y * zoom + y;
  return left < 0 || top < 0 || left + bounds.width * zoom > width || top + bounds.height * zoom > height;
}

/** Where the minimap sits on a canvas `width` × `height` px: its bottom right corner. */
export function minimapBox(width: number, height: number): Box {
  return { x: width - MINIMAP.margin - MINIMAP.width, y: height - MINIMAP.margin - MINIMAP.height, width: MINIMAP.width, height: MINIMAP.height };
}

interface PlacedNode {
  readonly internals: { readonly positionAbsolute: { readonly x: number; readonly y: number } };
  readonly measured: { readonly width?: number; readonly height?: number };
}

/** The box around every measured node (flow units); empty when none is measured yet. */
export function boundsOf(nodes: Iterable<PlacedNode>): Box {
  let left = Number.POSITIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let bottom = Number.NEGATIVE_INFINITY;
  for (const node of nodes) {
    const { width, height } = node.measured;
    if (width === undefined || height === undefined) continue;
    const { x, y } = node.internals.positionAbsolute;
    left = Math.min(left, x);
    top = Math.min(top, y);
    right = Math.max(right, x + width);
    bottom = Math.max(bottom, y + height);
  }
  return right < left ? { x: 0, y: 0, width: 0, height: 0 } : { x: left, y: top, width: right - left, height: bottom - top };
}

/** True when no measured node, seen through `transform` ([x, y, zoom]), is drawn under `box` (canvas px). */
export function clearOfNodes(box: Box, nodes: Iterable<PlacedNode>, transform: readonly [number, number, number]): boolean {
  const [x, y, zoom] = transform;
  for (const node of nodes) {
    const { width, height } = node.measured;
    if (width === undefined || height === undefined) continue;
    const left = node.internals.positionAbsolute.x * zoom + x;
    const top = node.internals.positionAbsolute.y * zoom + y;
    const apart = left + width * zoom <= box.x || box.x + box.width <= left || top + height * zoom <= box.y || box.y + box.height <= top;
    if (!apart) return false;
  }
  return true;
}
