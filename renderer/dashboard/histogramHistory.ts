// The history of a node's parameter histograms: every frame the engine sent, kept to a bound by
// thinning the older half to every other frame (the newest frames stay dense, the old ones sparse).
import type { EngineEvent, ParameterHistogram } from '../../engine/protocol/index.ts';

export interface HistogramFrame {
  readonly step: number;
  readonly epoch: number;
  readonly parameters: readonly ParameterHistogram[];
}

/** Frames kept per node at most. */
export const MAX_HISTOGRAM_FRAMES = 64;

export type HistogramHistories = Readonly<Record<string, readonly HistogramFrame[]>>;

/** The histories with the event's frame appended to its node's (a frame for an older or same step replaces the tail). */
export function addHistogramFrame(histories: HistogramHistories, event: Extract<EngineEvent, { type: 'histograms' }>, max = MAX_HISTOGRAM_FRAMES): HistogramHistories {
  const frame: HistogramFrame = { step: event.step, epoch: event.epoch, parameters: event.parameters };
  const kept = (histories[event.nodeId] ?? []).filter((existing) => existing.step < frame.step);
  return { ...histories, [event.nodeId]: appendThinned(kept, frame, max) };
}

function appendThinned(frames: readonly HistogramFrame[], frame: HistogramFrame, max: number): HistogramFrame[] {
  if (frames.length < max) return [...frames, frame];
  const half = Math.floor(frames.length / 2);
  const older = frames.slice(0, half).filter((_, index) => index % 2 === 0);
  return [...older, ...frames.slice(half), frame];
}
