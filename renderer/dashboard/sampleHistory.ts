// The epochs with generator samples, and which of them the sample slider shows.
import type { ImageGrid } from '../../engine/protocol/index.ts';
import type { EpochSnapshot } from './snapshots.ts';

export interface SampleEntry {
  readonly epoch: number;
  /** The step the samples were drawn at (mid-epoch ones before the epoch ends). */
  readonly step: number;
  readonly grid: ImageGrid;
}

/** A user's pick on the slider, with what was true when it was made. */
export interface SamplePick {
  readonly index: number;
  readonly shownEpoch: number | null;
  readonly length: number;
}

export function sampleHistory(snapshots: readonly EpochSnapshot[]): SampleEntry[] {
  const entries: SampleEntry[] = [];
  for (const snapshot of snapshots) if (snapshot.samples !== null) entries.push({ epoch: snapshot.epoch, step: snapshot.step, grid: snapshot.samples });
  return entries;
}

/**
 * The entry to show: the user's pick while it holds, else the latest sample at or before the
 * timeline's epoch (the newest when live). A pick of the newest entry follows new samples, and
 * moving the timeline drops the pick.
 */
export function sampleIndex(history: readonly SampleEntry[], shownEpoch: number | null, pick: SamplePick | null): number {
  if (history.length === 0) return -1;
  const followsLatest = pick !== null && pick.index === pick.length - 1 && pick.length !== history.length;
  if (pick !== null && pick.shownEpoch === shownEpoch && !followsLatest) return Math.min(pick.index, history.length - 1);
  if (shownEpoch === null) return history.length - 1;
  let found = 0;
  history.forEach((entry, index) => {
    if (entry.epoch <= shownEpoch) found = index;
  });
  return found;
}
