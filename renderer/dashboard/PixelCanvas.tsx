// A canvas that shows an RgbaImage pixel for pixel (putImageData), scaled up crisply by CSS.
import { useEffect, useRef } from 'react';
import { fitZoom, type RgbaImage } from './pixels.ts';

export interface PixelCanvasProps {
  readonly image: RgbaImage;
  /** The widest the canvas may be drawn, in CSS pixels; the image is scaled by a whole factor. */
  readonly maxWidth?: number;
  readonly maxZoom?: number;
  readonly label: string;
  readonly testId?: string;
}

export function PixelCanvas({ image, maxWidth = 320, maxZoom = 12, label, testId }: PixelCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context === null || context === undefined || image.width === 0 || image.height === 0) return;
    context.putImageData(new ImageData(image.pixels, image.width, image.height), 0, 0);
  }, [image]);
  const zoom = fitZoom(image.width, maxWidth, maxZoom);
  return (
    <canvas
      ref={canvas}
      className="pixel-canvas"
      width={Math.max(1, image.width)}
      height={Math.max(1, image.height)}
      style={{ width: image.width * zoom, height: image.height * zoom }}
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
