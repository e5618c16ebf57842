// Telemetry is pushed no faster than the screen can show: steps are gathered and sent together at
// most `rate` times a second, so a fast run never floods the UI and never waits for it.
import type { StepTelemetry } from '../protocol/index.ts';

export class StepThrottle {
  private pending: StepTelemetry[] = [];
  private lastSent = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly rate: number,
    private readonly send: (steps: readonly StepTelemetry[]) => void,
    private readonly now: () => number,
  ) {}

  push(step: StepTelemetry): void {
    this.pending.push(step);
    if (this.now() - this.lastSent >= 1000 / this.rate) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.send(this.pending);
    this.pending = [];
    this.lastSent = this.now();
  }
}
