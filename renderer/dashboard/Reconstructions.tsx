// An autoencoder's reconstructions: the inputs in a row above what the network made of them.
import { useMemo } from 'react';
import type { ImageGrid } from '../../engine/protocol/index.ts';
import { imageSheet } from './imageSheets.ts';
import { PixelCanvas } from './PixelCanvas.tsx';

export interface ReconstructionsProps {
  readonly inputs: ImageGrid | null;
  readonly outputs: ImageGrid;
  readonly epoch: number;
  /** The step they were drawn at. */
  readonly step?: number;
}

export function Reconstructions({ inputs, outputs, epoch, step }: ReconstructionsProps) {
  const columns = Math.min(outputs.count, 8);
  const inputSheet = useMemo(() => (inputs === null ? null : imageSheet(inputs, columns, 2)), [inputs, columns]);
  const outputSheet = useMemo(() => imageSheet(outputs, columns, 2), [outputs, columns]);
  return (
    <section className="dashboard-panel reconstructions" data-testid="reconstructions">
      <header className="panel-header">
        <h3>Reconstructions</h3>
        <span className="panel-note">
          epoch {epoch + 1}
          {step === undefined ? '' : ` · step ${step}`}
        </span>
      </header>
      {inputSheet !== null && (
        <figure className="image-row">
          <figcaption>Inputs</figcaption>
          <PixelCanvas image={inputSheet} maxWidth={420} maxZoom={6} label="Input images" />
        </figure>
      )}
      <figure className="image-row">
        <figcaption>Outputs</figcaption>
        <PixelCanvas image={outputSheet} maxWidth={420} maxZoom={6} label="Reconstructed images" />
      </figure>
    </section>
  );
}
