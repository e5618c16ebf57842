// The latent lab's plane: plane coordinates against canvas pixels (y up), class colours, the
// example nearest a click, and the sentence that says what the plane is.
import type { LatentProjection, PlaneBounds } from '../../engine/protocol/index.ts';

/** One colour per class (ten, then they repeat); unlabelled points are grey. */
export const CLASS_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

export function classColour(label: number): string {
  return label < 0 ? '#8a8f98' : CLASS_COLOURS[label % CLASS_COLOURS.length];
}

/** A plane point's canvas pixel in a size × size square. */
export function toPixel(bounds: PlaneBounds, size: number, x: number, y: number): [number, number] {
  return [((x - bounds.xMin) / (bounds.xMax - bounds.xMin)) * size, ((bounds.yMax - y) / (bounds.yMax - bounds.yMin)) * size];
}

/** The plane point under a canvas pixel of a size × size square. */
export function toPlane(bounds: PlaneBounds, size: number, pixelX: number, pixelY: number): [number, number] {
  return [bounds.xMin + (pixelX / size) * (bounds.xMax - bounds.xMin), bounds.yMax - (pixelY / size) * (bounds.yMax - bounds.yMin)];
}

/** The index of the point drawn nearest a pixel, within `radius` pixels; -1 when none is. */
export function nearestPoint(points: Float32Array, bounds: PlaneBounds, size: number, pixelX: number, pixelY: number, radius = 8): number {
  let best = -1;
  let bestDistance = radius;
  for (let index = 0; 2 * index + 1 < points.length; index++) {
    const [x, y] = toPixel(bounds, size, points[2 * index], points[2 * index + 1]);
    const distance = Math.hypot(x - pixelX, y - pixelY);
    if (distance <= bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return best;
}

/** What the plane shows, in a sentence. */
export function planeDescription(codeSize: number, projection: LatentProjection | null): string {
  if (projection === null) return `The code has ${codeSize} values: each example is drawn at its code (x = first value, y = second).`;
  const [first, second] = projection.explained.map((share) => `${Math.round(share * 100)}%`);
  return `The code has ${codeSize} values, so the plane shows its first two principal components (${first} and ${second} of the codes' variance); a point (x, y) of the plane decodes as mean + x·PC1 + y·PC2.`;
}

/** Counts per class of the labels, in class order. */
export function classCounts(labels: readonly number[], classes: number): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (const label of labels) if (label >= 0 && label < classes) counts[label]++;
  return counts;
}
