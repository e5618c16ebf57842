// Per-example losses and metrics over the rows of a batch that count (a padded last batch has
// fewer), from the model's prediction after a pass (read through the backend seam: passOutputs).
import type { HostTensor, Model } from './model.ts';

export interface MetricTotals {
  examples: number;
  lossSum: number;
  /** Classification: examples (or time steps) whose highest score is the label. */
  correct: number;
  /** Regression: sum of absolute errors. */
  absoluteErrorSum: number;
  /** Per-position predictions counted for accuracy (examples, or examples × time steps). */
  positions: number;
  /** confusion[truth][predicted], for classifiers. */
  confusion: number[][] | null;
}

export function emptyTotals(classes: number | null): MetricTotals {
  return { examples: 0, lossSum: 0, correct: 0, absoluteErrorSum: 0, positions: 0, confusion: classes === null ? null : Array.from({ length: classes }, () => new Array<number>(classes).fill(0)) };
}

/** What the metrics read of a pass: the loss head's type and its scores (class probabilities for softmax cross-entropy, else the prediction). */
export interface PassOutputs {
  readonly head: string | undefined;
  readonly scores: HostTensor;
}

/** The scores of the last pass, read as Model.view reads them (the read is queued at this call). */
export async function passOutputs(model: Model): Promise<PassOutputs> {
  const head = model.compiled.document.nodes.find((node) => node.id === model.compiled.lossNode)?.type;
  const buffer = head === 'SoftmaxCrossEntropy' ? model.compiled.probabilities : model.compiled.prediction;
  return { head, scores: await model.view(buffer as number) };
}

/** Adds rows [0, rows) of a pass to the totals. `target` is the data the loss compared with. */
export function accumulate(outputs: PassOutputs, totals: MetricTotals, rows: number, target: ArrayLike<number>): void {
  const { head, scores: prediction } = outputs;
  const batch = prediction.shape[0];
  const perRow = prediction.data.length / batch;
  totals.examples += rows;
  if (head === 'SoftmaxCrossEntropy') return accumulateClasses(prediction, totals, rows, target);
  for (let row = 0; row < rows; row++) {
    let loss = 0;
    for (let i = row * perRow; i < (row + 1) * perRow; i++) {
      const x = prediction.data[i];
      const y = target[i];
      if (head === 'BCE') loss += Math.max(x, 0) - x * y + Math.log1p(Math.exp(-Math.abs(x)));
      else loss += (x - y) ** 2;
      totals.absoluteErrorSum += Math.abs(x - y);
      if (head === 'BCE') totals.correct += (x > 0 ? 1 : 0) === Math.round(y) ? 1 : 0;
    }
    totals.lossSum += loss / perRow;
    totals.positions += perRow;
  }
}

function accumulateClasses(probabilities: HostTensor, totals: MetricTotals, rows: number, labels: ArrayLike<number>): void {
  const classes = probabilities.shape[probabilities.shape.length - 1];
  const positionsPerRow = probabilities.data.length / probabilities.shape[0] / classes;
  for (let position = 0; position < rows * positionsPerRow; position++) {
    const label = labels[position];
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities.data[position * classes + c] > probabilities.data[position * classes + best]) best = c;
    if (best === label) totals.correct++;
    if (totals.confusion !== null && positionsPerRow === 1) totals.confusion[label][best]++;
    totals.lossSum -= Math.log(Math.max(probabilities.data[position * classes + label], 1e-12)) / positionsPerRow;
    totals.positions++;
  }
}

/** loss, and accuracy (classifiers and BCE) or mae (regression), averaged. */
export function summarize(totals: MetricTotals, kind: 'classes' | 'values' | 'binary'): Record<string, number> {
  const result: Record<string, number> = { loss: totals.lossSum / Math.max(1, totals.examples) };
  if (kind === 'values') result.mae = totals.absoluteErrorSum / Math.max(1, totals.positions);
  else result.accuracy = totals.correct / Math.max(1, totals.positions);
  return result;
}
