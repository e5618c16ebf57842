// A generator's samples (fixed noise, so epochs compare), with a slider over the epochs that have them.
import { useMemo, useState } from 'react';
import { imageSheet } from './imageSheets.ts';
import { PixelCanvas } from './PixelCanvas.tsx';
import { sampleIndex, type SampleEntry, type SamplePick } from './sampleHistory.ts';

export interface SampleGridProps {
  /** The epochs with samples, oldest first. */
  readonly history: readonly SampleEntry[];
  /** The epoch the timeline shows; null: live. */
  readonly shownEpoch: number | null;
}

export function SampleGrid({ history, shownEpoch }: SampleGridProps) {
  const [pick, setPick] = useState<SamplePick | null>(null);
  const index = sampleIndex(history, shownEpoch, pick);
  const entry = history[index];
  const sheet = useMemo(() => (entry === undefined ? null : imageSheet(entry.grid, undefined, 2)), [entry]);
  if (entry === undefined || sheet === null) return null;
  return (
    <section className="dashboard-panel samples" data-testid="sample-grid">
      <header className="panel-header">
        <h3>Samples</h3>
        <label className="slider-field">
          epoch {entry.epoch + 1} · step {entry.step}
          <input type="range" min={0} max={history.length - 1} step={1} value={index} aria-label="Sample epoch" onChange={(event) => setPick({ index: Number(event.target.value), shownEpoch, length: history.length })} />
        </label>
      </header>
      <PixelCanvas image={sheet} maxWidth={300} maxZoom={5} label={`Generated samples, epoch ${entry.epoch + 1}`} />
    </section>
  );
}
