// Per-epoch snapshots for the timeline: where the curves stood, the validation numbers, the task's
// pictures (reconstructions, samples, points, text, series) and the watched tensors at that epoch.
import type { EngineEvent, GatePayload, ImageGrid, TensorPayload } from '../../engine/protocol/index.ts';

export type ImagesEvent = Extract<EngineEvent, { type: 'images' }>;
export type PointsEvent = Extract<EngineEvent, { type: 'points' }>;
export type TextEvent = Extract<EngineEvent, { type: 'text' }>;
export type SeriesEvent = Extract<EngineEvent, { type: 'series' }>;
type Extra = ImagesEvent | PointsEvent | TextEvent | SeriesEvent;

/** A watched (or probed) node's latest output. */
export interface WatchedTensor {
  readonly step: number;
  readonly tensor: TensorPayload;
  /** An LSTM's or GRU's gate activations for the same sample. */
  readonly gates?: readonly GatePayload[];
}

export interface EpochSnapshot {
  readonly epoch: number;
  /** The last step of the epoch: the curves are cut here when the timeline shows this epoch. */
  readonly step: number;
  readonly validation: Readonly<Record<string, number>>;
  readonly confusion: readonly (readonly number[])[] | null;
  readonly reconstructions: { readonly inputs: ImageGrid | null; readonly outputs: ImageGrid } | null;
  readonly samples: ImageGrid | null;
  readonly points: PointsEvent | null;
  readonly text: TextEvent | null;
  readonly series: SeriesEvent | null;
  readonly watched: Readonly<Record<string, WatchedTensor>>;
}

/** Snapshots kept at most; past it the older half is thinned to every other epoch. */
export const MAX_SNAPSHOTS = 200;

interface EpochBase {
  readonly epoch: number;
  readonly step: number;
  readonly validation: Readonly<Record<string, number>>;
  readonly confusion: readonly (readonly number[])[] | null;
  readonly watched: Readonly<Record<string, WatchedTensor>>;
}

function emptySnapshot(base: EpochBase): EpochSnapshot {
  return { ...base, reconstructions: null, samples: null, points: null, text: null, series: null };
}

/** Adds the snapshot of an epoch that just ended (merged into one its extras already started). */
export function snapshotEpoch(list: readonly EpochSnapshot[], base: EpochBase): readonly EpochSnapshot[] {
  const last = list[list.length - 1];
  if (last !== undefined && last.epoch === base.epoch) return [...list.slice(0, -1), { ...last, ...base }];
  return thinSnapshots([...list, emptySnapshot(base)]);
}

/**
 * Files an epoch's picture under its snapshot (starting one if the epoch event has not come: a
 * picture drawn mid-epoch). A later picture of an epoch still going moves its step on.
 */
export function attachExtra(list: readonly EpochSnapshot[], event: Extra, step: number, watched: EpochBase['watched']): readonly EpochSnapshot[] {
  const last = list[list.length - 1];
  const matches = last !== undefined && last.epoch === event.epoch;
  const target = matches ? { ...last, step: Math.max(last.step, step) } : emptySnapshot({ epoch: event.epoch, step, validation: {}, confusion: null, watched });
  const updated = withExtra(target, event);
  return matches ? [...list.slice(0, -1), updated] : thinSnapshots([...list, updated]);
}

function withExtra(snapshot: EpochSnapshot, event: Extra): EpochSnapshot {
  switch (event.type) {
    case 'images':
      return event.kind === 'samples' ? { ...snapshot, samples: event.outputs } : { ...snapshot, reconstructions: { inputs: event.inputs ?? null, outputs: event.outputs } };
    case 'points':
      return { ...snapshot, points: event };
    case 'text':
      return { ...snapshot, text: event };
    case 'series':
      return { ...snapshot, series: event };
  }
}

function thinSnapshots(list: readonly EpochSnapshot[]): readonly EpochSnapshot[] {
  if (list.length <= MAX_SNAPSHOTS) return list;
  const older = Math.floor(list.length / 2);
  return list.filter((_, index) => index >= older || index % 2 === 0);
}

/** What the views show: an epoch picked on the timeline, or the live run (index null). */
export interface EpochView {
  /** The snapshot shown (the latest when live; null before the first epoch ends). */
  readonly snapshot: EpochSnapshot | null;
  /** Curves end here (null: live, all points). */
  readonly cutoffStep: number | null;
  readonly watched: Readonly<Record<string, WatchedTensor>>;
  readonly live: boolean;
}

export function epochView(snapshots: readonly EpochSnapshot[], watched: EpochView['watched'], index: number | null): EpochView {
  const picked = index === null ? undefined : snapshots[Math.min(Math.max(0, index), snapshots.length - 1)];
  if (picked === undefined) return { snapshot: snapshots[snapshots.length - 1] ?? null, cutoffStep: null, watched, live: true };
  return { snapshot: picked, cutoffStep: picked.step, watched: picked.watched, live: false };
}

/** The latest snapshot at or before the shown one that has the picture `pick` returns. */
export function latestWith<T>(snapshots: readonly EpochSnapshot[], shown: EpochSnapshot | null, pick: (snapshot: EpochSnapshot) => T | null): { epoch: number; value: T } | null {
  const end = shown === null ? -1 : snapshots.indexOf(shown);
  for (let index = end; index >= 0; index--) {
    const value = pick(snapshots[index]);
    if (value !== null) return { epoch: snapshots[index].epoch, value };
  }
  return null;
}
