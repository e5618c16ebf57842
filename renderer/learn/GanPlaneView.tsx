// A 2-D GAN's plane: the discriminator's verdict as a heat map under the real points (green) and
// the generated ones (purple), and the generator's mapping of its noise grid as warped lines.
import { useEffect, useMemo, useRef } from 'react';
import type { GanPlane } from '../../engine/protocol/index.ts';
import { gridLines, heatImage } from './ganPlane.ts';
import { toPixel } from './latentPlane.ts';

export const PLANE_SIZE = 440;

function drawPoints(context: CanvasRenderingContext2D, plane: GanPlane, points: Float32Array, fill: string): void {
  context.fillStyle = fill;
  context.strokeStyle = 'rgba(0, 0, 0, 0.55)';
  context.lineWidth = 1;
  for (let index = 0; 2 * index + 1 < points.length; index++) {
    const [x, y] = toPixel(plane.bounds, PLANE_SIZE, points[2 * index], points[2 * index + 1]);
    context.beginPath();
    context.arc(x, y, 2.6, 0, 2 * Math.PI);
    context.fill();
    context.stroke();
  }
}

function draw(context: CanvasRenderingContext2D, plane: GanPlane, heat: HTMLCanvasElement, showGrid: boolean): void {
  context.imageSmoothingEnabled = true;
  context.drawImage(heat, 0, 0, PLANE_SIZE, PLANE_SIZE);
  if (showGrid) {
    context.strokeStyle = 'rgba(40, 40, 40, 0.55)';
    context.lineWidth = 1;
    for (const line of gridLines(new Float32Array(plane.warped), plane.gridSize)) {
      context.beginPath();
      for (let index = 0; 2 * index + 1 < line.length; index++) {
        const [x, y] = toPixel(plane.bounds, PLANE_SIZE, line[2 * index], line[2 * index + 1]);
        if (index === 0) context.moveTo(x, y);
        else context.lineTo(x, y);
      }
      context.stroke();
    }
  }
  drawPoints(context, plane, new Float32Array(plane.real), '#2ea05c');
  drawPoints(context, plane, new Float32Array(plane.generated), '#9652be');
}

export function GanPlaneView({ plane, showGrid }: { plane: GanPlane; showGrid: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const heat = useMemo(() => {
    const image = heatImage(new Float32Array(plane.heat), plane.gridSize);
    const small = document.createElement('canvas');
    small.width = image.width;
    small.height = image.height;
    small.getContext('2d')?.putImageData(new ImageData(image.pixels, image.width, image.height), 0, 0);
    return small;
  }, [plane]);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context !== null && context !== undefined) draw(context, plane, heat, showGrid);
  }, [plane, heat, showGrid]);
  return <canvas ref={canvas} className="learn-plane" width={PLANE_SIZE} height={PLANE_SIZE} role="img" aria-label="Discriminator heat map with real and generated points" data-testid="gan-plane" />;
}
