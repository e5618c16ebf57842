// Early stopping: a run ends when its validation metric has not improved for `patience` epochs.
import type { EpochReport } from './loops/taskLoop.ts';

export interface EarlyStoppingSettings {
  readonly metric: 'loss' | 'accuracy';
  readonly patience: number;
}

/** Stops when the validation metric has not improved for `patience` epochs. */
export class EarlyStopping {
  private best = Number.POSITIVE_INFINITY;
  private waited = 0;

  constructor(private readonly settings: EarlyStoppingSettings | undefined) {}

  shouldStop(report: EpochReport): boolean {
    if (this.settings === undefined) return false;
    const value = report.validation[this.settings.metric];
    if (value === undefined) return false;
    const score = this.settings.metric === 'accuracy' ? -value : value;
    if (score < this.best - 1e-9) {
      this.best = score;
      this.waited = 0;
      return false;
    }
    return ++this.waited >= this.settings.patience;
  }
}
