// A confusion matrix (rows: true class, columns: predicted class) as shaded cells.

export interface ConfusionCell {
  readonly truth: number;
  readonly predicted: number;
  readonly count: number;
  /** The cell's share of its row (how often this true class was predicted so), in [0, 1]. */
  readonly share: number;
  /** Shade in [0, 1] for drawing: the share, scaled so the largest off-diagonal share still shows. */
  readonly shade: number;
  readonly correct: boolean;
}

export interface ConfusionTable {
  readonly classes: number;
  readonly cells: readonly ConfusionCell[];
  readonly total: number;
  /** Correct predictions over all predictions (0 when empty). */
  readonly accuracy: number;
}

/** Row-normalized cells of a confusion matrix; a row with no examples has shares of 0. */
export function confusionTable(matrix: readonly (readonly number[])[]): ConfusionTable {
  const classes = matrix.length;
  const cells: ConfusionCell[] = [];
  let total = 0;
  let correct = 0;
  matrix.forEach((row, truth) => {
    const rowTotal = row.reduce((sum, count) => sum + count, 0);
    total += rowTotal;
    correct += row[truth] ?? 0;
    row.forEach((count, predicted) => {
      const share = rowTotal > 0 ? count / rowTotal : 0;
      cells.push({ truth, predicted, count, share, shade: share, correct: truth === predicted });
    });
  });
  const largestMistake = cells.reduce((largest, cell) => (cell.correct ? largest : Math.max(largest, cell.share)), 0);
  const boost = largestMistake > 0 && largestMistake < 0.25 ? 0.25 / largestMistake : 1;
  const shaded = cells.map((cell) => (cell.correct ? cell : { ...cell, shade: Math.min(1, cell.share * boost) }));
  return { classes, cells: shaded, total, accuracy: total > 0 ? correct / total : 0 };
}
