// A recurrent node's gates for the watched sample: one labelled time-by-unit heat map per gate,
// each with a line saying what the gate does.
import { useMemo } from 'react';
import type { GatePayload } from '../../engine/protocol/index.ts';
import { gateMaps } from './gateMaps.ts';
import { PixelCanvas } from './PixelCanvas.tsx';

export interface GateMapsProps {
  readonly nodeId: string;
  readonly nodeType: string | undefined;
  readonly gates: readonly GatePayload[] | undefined;
}

export function GateMaps({ nodeId, nodeType, gates }: GateMapsProps) {
  const maps = useMemo(() => gateMaps(nodeType, gates), [nodeType, gates]);
  if (maps.length === 0) return null;
  return (
    <div className="gate-maps" data-testid="gate-maps">
      <div className="feature-caption">
        Gates, {maps[0].steps} steps × {maps[0].units} units: time runs left to right, one row per unit; dark is low, bright is high.
      </div>
      <div className="gate-grid">
        {maps.map((map) => (
          <figure key={map.name} className="gate-map" data-testid="gate-map" data-gate={map.name}>
            <figcaption>
              <strong>{map.title}</strong>
              <span className="gate-explanation">{map.explanation}</span>
            </figcaption>
            <PixelCanvas image={map.image} maxWidth={150} maxZoom={4} label={`${map.title} of ${nodeId}`} testId="gate-canvas" />
            <span className="gate-range">{map.caption}</span>
          </figure>
        ))}
      </div>
    </div>
  );
}
