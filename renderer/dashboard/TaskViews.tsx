// The task's own pictures for the epoch on show: a classifier's confusion matrix, an autoencoder's
// reconstructions, a GAN's samples or points, a character model's text, a sequence prediction.
import { useMemo } from 'react';
import { ClassifierViews } from './ClassifierViews.tsx';
import { ConfusionMatrix } from './ConfusionMatrix.tsx';
import { PointsView } from './PointsView.tsx';
import { Reconstructions } from './Reconstructions.tsx';
import { sampleHistory } from './sampleHistory.ts';
import { SampleGrid } from './SampleGrid.tsx';
import { SeriesChart } from './SeriesChart.tsx';
import { latestWith, type EpochSnapshot, type EpochView } from './snapshots.ts';
import { TextSamples } from './TextSamples.tsx';
import type { ConfusionExamples } from './useConfusionExamples.ts';

export interface TaskViewsProps {
  readonly snapshots: readonly EpochSnapshot[];
  readonly view: EpochView;
  readonly classNames?: readonly string[];
  /** A classifier's examples by cell and most wrong (absent: the matrix alone). */
  readonly examples?: ConfusionExamples;
  onConfusionClick?(truth: number, predicted: number): void;
}

/** The step of the snapshot of an epoch (where its latest picture was drawn). */
function snapshotStep(snapshots: readonly EpochSnapshot[], epoch: number): number | undefined {
  for (let index = snapshots.length - 1; index >= 0; index--) if (snapshots[index].epoch === epoch) return snapshots[index].step;
  return undefined;
}

export function TaskViews({ snapshots, view, classNames, examples, onConfusionClick }: TaskViewsProps) {
  const shown = view.snapshot;
  const confusion = latestWith(snapshots, shown, (snapshot) => snapshot.confusion);
  const reconstructions = latestWith(snapshots, shown, (snapshot) => snapshot.reconstructions);
  const points = latestWith(snapshots, shown, (snapshot) => snapshot.points);
  const text = latestWith(snapshots, shown, (snapshot) => snapshot.text);
  const series = latestWith(snapshots, shown, (snapshot) => snapshot.series);
  const samples = useMemo(() => sampleHistory(snapshots), [snapshots]);
  const nothing = [confusion, reconstructions, points, text, series].every((found) => found === null) && samples.length === 0;
  if (nothing) return null;
  return (
    <div className="task-views" data-testid="task-views">
      {confusion !== null && examples !== undefined && <ClassifierViews matrix={confusion.value} epoch={confusion.epoch} examples={examples} onCellClick={onConfusionClick} />}
      {confusion !== null && examples === undefined && <ConfusionMatrix matrix={confusion.value} epoch={confusion.epoch} classNames={classNames} onCellClick={onConfusionClick} />}
      {reconstructions !== null && <Reconstructions inputs={reconstructions.value.inputs} outputs={reconstructions.value.outputs} epoch={reconstructions.epoch} step={snapshotStep(snapshots, reconstructions.epoch)} />}
      {samples.length > 0 && <SampleGrid history={samples} shownEpoch={view.live ? null : (shown?.epoch ?? null)} />}
      {points !== null && <PointsView points={points.value} />}
      {text !== null && <TextSamples text={text.value} />}
      {series !== null && <SeriesChart series={series.value} />}
    </div>
  );
}
