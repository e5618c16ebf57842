// A grid of sample images with their labels, drawn from the preview's bytes.
import { useEffect, useRef } from 'react';
import type { PreviewImagesPayload } from '../../engine/protocol/index.ts';

function SampleImage({ images, index }: { images: PreviewImagesPayload; index: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context === null || context === undefined) return;
    const { width, height, channels } = images;
    const source = new Uint8Array(images.data, index * width * height * channels, width * height * channels);
    const pixels = context.createImageData(width, height);
    for (let pixel = 0; pixel < width * height; pixel++) {
      for (let channel = 0; channel < 3; channel++) pixels.data[pixel * 4 + channel] = source[pixel * channels + (channels === 1 ? 0 : channel)];
      pixels.data[pixel * 4 + 3] = 255;
    }
    context.putImageData(pixels, 0, 0);
  }, [images, index]);
  return <canvas ref={canvas} width={images.width} height={images.height} className="dataset-sample-image" />;
}

export function PreviewImages({ images }: { images: PreviewImagesPayload }) {
  return (
    <div className="dataset-samples" data-testid="dataset-samples">
      {images.labels.map((label, index) => (
        <figure key={index} className="dataset-sample">
          <SampleImage images={images} index={index} />
          <figcaption>{label}</figcaption>
        </figure>
      ))}
    </div>
  );
}
