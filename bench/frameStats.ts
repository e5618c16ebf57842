// Frame-time recording in the page (requestAnimationFrame deltas and long tasks) and its summary.
import type { Page } from '@playwright/test';

export interface FrameRecord {
  /** Milliseconds between consecutive animation frames. */
  readonly frames: number[];
  /** Durations of main-thread tasks over 50 ms (PerformanceObserver 'longtask'). */
  readonly longTasks: number[];
  readonly elapsedMs: number;
}

interface Recorder {
  stop(): FrameRecord;
}

type RecorderScope = typeof globalThis & { netloomFrameRecorder?: Recorder };

/**
 * The recorder, as page source: a string, because tsx's `__name` helper for named functions does
 * not exist in the page. Sets `globalThis.netloomFrameRecorder`.
 */
const RECORDER_SOURCE = `(() => {
  const frames = [];
  const longTasks = [];
  const started = performance.now();
  let running = true;
  let last = -1;
  const tick = (time) => {
    if (last >= 0) frames.push(time - last);
    last = time;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  globalThis.netloomFrameRecorder = {
    stop: () => {
      running = false;
      observer.disconnect();
      return { frames, longTasks, elapsedMs: performance.now() - started };
    },
  };
})()`;

/** Starts recording in the page; `stopFrameRecording` ends it and returns what was recorded. */
export async function startFrameRecording(page: Page): Promise<void> {
  await page.evaluate(RECORDER_SOURCE);
}

export async function stopFrameRecording(page: Page): Promise<FrameRecord> {
  return page.evaluate(() => {
    const recorder = (globalThis as RecorderScope).netloomFrameRecorder;
    if (recorder === undefined) throw new Error('stopFrameRecording without startFrameRecording');
    return recorder.stop();
  });
}

export interface FrameSummary {
  readonly count: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Frames per second over the recording. */
  readonly fps: number;
  readonly longTasks: number;
  readonly longestTask: number;
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export function summarizeFrames(record: FrameRecord): FrameSummary {
  const sorted = [...record.frames].sort((a, b) => a - b);
  const total = record.frames.reduce((sum, frame) => sum + frame, 0);
  return {
    count: sorted.length,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    fps: total > 0 ? (1000 * sorted.length) / total : 0,
    longTasks: record.longTasks.length,
    longestTask: Math.max(0, ...record.longTasks),
  };
}

export function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
