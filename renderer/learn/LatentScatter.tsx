// The latent plane as a canvas: every held-out example at its code, coloured by class; the point
// being decoded as a cross; an interpolation's path as a line between its two examples.
import { useEffect, useRef, type PointerEvent } from 'react';
import type { PlaneBounds } from '../../engine/protocol/index.ts';
import { classColour, toPixel } from './latentPlane.ts';

export const SCATTER_SIZE = 440;

export interface ScatterProps {
  readonly points: Float32Array;
  readonly labels: readonly number[];
  readonly bounds: PlaneBounds;
  readonly cursor: readonly [number, number] | null;
  readonly path: Float32Array | null;
  readonly picked: readonly number[];
  /** A press or a drag at a canvas pixel (0 to SCATTER_SIZE). */
  readonly onPoint: (pixelX: number, pixelY: number, first: boolean) => void;
}

function draw(context: CanvasRenderingContext2D, { points, labels, bounds, cursor, path, picked }: ScatterProps): void {
  context.clearRect(0, 0, SCATTER_SIZE, SCATTER_SIZE);
  context.globalAlpha = 0.8;
  for (let index = 0; 2 * index + 1 < points.length; index++) {
    const [x, y] = toPixel(bounds, SCATTER_SIZE, points[2 * index], points[2 * index + 1]);
    context.fillStyle = classColour(labels[index] ?? -1);
    context.fillRect(x - 2, y - 2, 4, 4);
  }
  context.globalAlpha = 1;
  context.strokeStyle = '#ffffff';
  context.lineWidth = 2;
  for (const index of picked) {
    const [x, y] = toPixel(bounds, SCATTER_SIZE, points[2 * index], points[2 * index + 1]);
    context.strokeRect(x - 6, y - 6, 12, 12);
  }
  if (path !== null && path.length >= 4) {
    context.beginPath();
    for (let index = 0; 2 * index + 1 < path.length; index++) {
      const [x, y] = toPixel(bounds, SCATTER_SIZE, path[2 * index], path[2 * index + 1]);
      if (index === 0) context.moveTo(x, y);
      else context.lineTo(x, y);
    }
    context.stroke();
  }
  if (cursor !== null) {
    const [x, y] = toPixel(bounds, SCATTER_SIZE, cursor[0], cursor[1]);
    context.beginPath();
    context.moveTo(x - 9, y);
    context.lineTo(x + 9, y);
    context.moveTo(x, y - 9);
    context.lineTo(x, y + 9);
    context.stroke();
  }
}

export function LatentScatter(props: ScatterProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const dragging = useRef(false);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context !== null && context !== undefined) draw(context, props);
  });
  const at = (event: PointerEvent<HTMLCanvasElement>, first: boolean) => {
    const box = event.currentTarget.getBoundingClientRect();
    props.onPoint(((event.clientX - box.left) / box.width) * SCATTER_SIZE, ((event.clientY - box.top) / box.height) * SCATTER_SIZE, first);
  };
  return (
    <canvas
      ref={canvas}
      className="learn-plane"
      width={SCATTER_SIZE}
      height={SCATTER_SIZE}
      role="img"
      aria-label="Latent codes by class"
      data-testid="latent-scatter"
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        at(event, true);
      }}
      onPointerMove={(event) => dragging.current && at(event, false)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    />
  );
}
