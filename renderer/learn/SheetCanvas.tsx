// A canvas that shows a sheet image pixel for pixel, scaled up crisply by a whole factor.
import { useEffect, useRef } from 'react';
import type { SheetImage } from './labImages.ts';

export function SheetCanvas({ image, maxWidth, label, testId }: { image: SheetImage; maxWidth: number; label: string; testId?: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context === null || context === undefined || image.width === 0 || image.height === 0) return;
    context.putImageData(new ImageData(image.pixels, image.width, image.height), 0, 0);
  }, [image]);
  const zoom = Math.max(1, Math.min(8, Math.floor(maxWidth / Math.max(1, image.width))));
  return (
    <canvas
      ref={canvas}
      className="learn-sheet"
      width={Math.max(1, image.width)}
      height={Math.max(1, image.height)}
      style={{ width: image.width * zoom, height: image.height * zoom }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
