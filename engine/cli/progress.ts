// How `netloom train` reports: a one-line progress bar on a terminal, one line per epoch
// otherwise, or one JSON object per line with --jsonl.
import type { EngineEvent } from '../protocol/index.ts';

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

export function terminalReporter(write: (text: string) => void, interactive: boolean): Reporter {
  let losses: Readonly<Record<string, number>> = {};
  let drawn = false;
  return {
    event(event) {
      if (event.type === 'steps') losses = event.steps[event.steps.length - 1].losses;
      if (event.type === 'progress' && interactive) {
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
