// A template's thumbnail as SVG: edges under layer boxes, each box in its category's colour.
import type { Thumbnail } from './thumbnail.ts';

export function ThumbnailSvg({ thumbnail }: { thumbnail: Thumbnail }) {
  return (
    <svg className="thumbnail" viewBox={`0 0 ${thumbnail.width} ${thumbnail.height}`} width={thumbnail.width} height={thumbnail.height} aria-hidden="true">
      {thumbnail.edges.map((edge) => (
        <path key={edge.id} d={edge.path} className="thumbnail-edge" />
      ))}
      {thumbnail.boxes.map((box) => (
        <rect key={box.id} x={box.x} y={box.y} width={box.width} height={box.height} rx={Math.min(3, box.width / 5)} className={`thumbnail-node tone-${box.tone}`} />
      ))}
    </svg>
  );
}
