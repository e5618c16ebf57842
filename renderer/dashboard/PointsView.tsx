// A GAN on 2-D data: the real points faint, the generated points bright.
import { useMemo } from 'react';
import type { PointsEvent } from './snapshots.ts';
import { PixelCanvas } from './PixelCanvas.tsx';
import { scatterImage } from './pointsImage.ts';

export interface PointsViewProps {
  readonly points: PointsEvent;
  readonly size?: number;
}

export function PointsView({ points, size = 280 }: PointsViewProps) {
  const { image } = useMemo(() => scatterImage(new Float32Array(points.generated), points.real === undefined ? null : new Float32Array(points.real), size), [points, size]);
  return (
    <section className="dashboard-panel points" data-testid="points-view">
      <header className="panel-header">
        <h3>Points</h3>
        <span className="panel-note">
          epoch {points.epoch + 1} · <span className="swatch-real">real</span> <span className="swatch-generated">generated</span>
        </span>
      </header>
      <div className="points-frame">
        <PixelCanvas image={image} maxWidth={size} maxZoom={1} label={`${points.count} generated points against the real data`} />
      </div>
    </section>
  );
}
