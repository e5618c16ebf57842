// How `netloom train` reports: a one-line progress bar on a terminal; plain lines on standard
// output otherwise (a line every few seconds and one per epoch, each with step, losses and metrics);
// or one JSON object per line with --jsonl.
import type { EngineEvent, StepTelemetry } from '../protocol/index.ts';

export interface Reporter {
  event(event: EngineEvent): void;
  finish(): void;
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 || value === 0 ? value.toFixed(1) : value.toPrecision(3);
}

function formatMetrics(values: Readonly<Record<string, number>>): string {
  return Object.entries(values).map(([name, value]) => `${name} ${formatNumber(value)}`).join('  ');
}

function clock(seconds: number): string {
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export function jsonLinesReporter(write: (line: string) => void): Reporter {
  return {
    event(event) {
      if (event.type === 'steps') for (const step of event.steps) write(JSON.stringify({ type: 'step', ...step }));
      else if (event.type === 'epoch') write(JSON.stringify({ type: 'epoch', epoch: event.epoch, validation: event.validation }));
      else if (event.type === 'done' || event.type === 'diverged') write(JSON.stringify(event));
    },
    finish() {},
  };
}

/** Plain progress lines for a log or a pipe: at most one every `intervalSeconds` while training, one per epoch, one at the end. */
export function plainReporter(write: (line: string) => void, now: () => number = () => performance.now() / 1000, intervalSeconds = 5): Reporter {
  let latest: StepTelemetry | undefined;
  let lastLine = now();
  const line = (text: string) => {
    write(text);
    lastLine = now();
  };
  const stepText = (step: StepTelemetry) => [`step ${step.step}`, `epoch ${step.epoch + 1}`, formatMetrics(step.losses), formatMetrics(step.metrics)].filter((part) => part !== '').join('  ');
  return {
    event(event) {
      if (event.type === 'steps') {
        latest = event.steps[event.steps.length - 1];
        if (now() - lastLine >= intervalSeconds) line(stepText(latest));
      }
      if (event.type === 'epoch' && latest !== undefined) {
        const validation = Object.keys(event.validation).length > 0 ? `  validation ${formatMetrics(event.validation)}` : '';
        line(`epoch ${event.epoch + 1} done: ${stepText(latest)}${validation}`);
      }
      if (event.type === 'done') line(`done after ${event.steps} steps (${event.reason}): ${formatMetrics(event.losses)}`);
      if (event.type === 'diverged') line(`${event.message} (node ${event.nodeId})`);
    },
    finish() {},
  };
}

/** A progress bar redrawn in place on a terminal, with one line kept per epoch. */
export function terminalReporter(write: (text: string) => void): Reporter {
  let losses: Readonly<Record<string, number>> = {};
  let drawn = false;
  return {
    event(event) {
      if (event.type === 'steps') losses = event.steps[event.steps.length - 1].losses;
      if (event.type === 'progress') {
        const share = event.step / Math.max(1, event.totalSteps);
        const bar = '#'.repeat(Math.round(share * 24)).padEnd(24, '.');
        write(`\r\x1b[2Kepoch ${event.epoch + 1}/${event.epochs} [${bar}] ${(share * 100).toFixed(0)}%  ${formatMetrics(losses)}  ${Math.round(event.samplesPerSecond)} samples/s  ${clock(event.secondsLeft)} left`);
        drawn = true;
      }
      if (event.type === 'epoch') {
        write(`${drawn ? '\r\x1b[2K' : ''}epoch ${event.epoch + 1}: ${formatMetrics(losses)}${Object.keys(event.validation).length > 0 ? `  validation ${formatMetrics(event.validation)}` : ''}\n`);
        drawn = false;
      }
      if (event.type === 'diverged') write(`${drawn ? '\n' : ''}${event.message} (node ${event.nodeId})\n`);
    },
    finish() {
      if (drawn) write('\n');
    },
  };
}
