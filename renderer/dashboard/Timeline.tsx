// A scrubber over the epochs: picking one makes the other views show that epoch; Live follows the run.
import type { EpochSnapshot } from './snapshots.ts';
import { formatValue } from './format.ts';

export interface TimelineProps {
  readonly snapshots: readonly EpochSnapshot[];
  /** The picked snapshot's index, or null to follow the run. */
  readonly index: number | null;
  onChange(index: number | null): void;
}

export function Timeline({ snapshots, index, onChange }: TimelineProps) {
  if (snapshots.length === 0) return null;
  const last = snapshots.length - 1;
  const position = index ?? last;
  const shown = snapshots[Math.min(position, last)];
  const loss = shown.validation.loss;
  return (
    <section className="timeline" data-testid="timeline">
      <span className="timeline-label">Epoch</span>
      <input
        type="range"
        min={0}
        max={last}
        step={1}
        value={position}
        disabled={last === 0}
        aria-label="Epoch shown"
        onChange={(event) => {
          const picked = Number(event.target.value);
          onChange(picked === last && index === null ? null : picked);
        }}
      />
      <span className="timeline-value">
        {shown.epoch + 1}
        {loss !== undefined && <span className="timeline-detail"> · val loss {formatValue(loss)}</span>}
        <span className="timeline-detail"> · step {shown.step}</span>
      </span>
      <button type="button" className={index === null ? 'chip-button active' : 'chip-button'} onClick={() => onChange(null)} aria-pressed={index === null}>
        Live
      </button>
    </section>
  );
}
