// The validation confusion matrix: rows are true classes, columns predictions, each cell shaded by
// its share of the row. Clicking a cell asks for those examples.
import { useMemo } from 'react';
import { confusionTable } from './confusion.ts';
import { formatShare } from './format.ts';

export interface ConfusionMatrixProps {
  readonly matrix: readonly (readonly number[])[];
  readonly epoch: number;
  readonly classNames?: readonly string[];
  onCellClick?(truth: number, predicted: number): void;
}

export function ConfusionMatrix({ matrix, epoch, classNames, onCellClick }: ConfusionMatrixProps) {
  const table = useMemo(() => confusionTable(matrix), [matrix]);
  const name = (index: number) => classNames?.[index] ?? String(index);
  return (
    <section className="dashboard-panel confusion" data-testid="confusion-matrix">
      <header className="panel-header">
        <h3>Confusion</h3>
        <span className="panel-note">
          epoch {epoch + 1} · accuracy {formatShare(table.accuracy)}
        </span>
      </header>
      <div className="confusion-grid" style={{ gridTemplateColumns: `auto repeat(${table.classes}, minmax(18px, 1fr))` }}>
        <span className="confusion-corner" title="rows: true class, columns: predicted">
          true \ pred
        </span>
        {matrix.map((_, index) => (
          <span key={`head-${index}`} className="confusion-head">
            {name(index)}
          </span>
        ))}
        {matrix.map((row, truth) => [
          <span key={`row-${truth}`} className="confusion-head">
            {name(truth)}
          </span>,
          ...row.map((count, predicted) => {
            const cell = table.cells[truth * table.classes + predicted];
            const tone = cell.correct ? '111, 157, 255' : '242, 100, 100';
            return (
              <button
                key={`${truth}-${predicted}`}
                type="button"
                className="confusion-cell"
                style={{ background: `rgba(${tone}, ${0.06 + cell.shade * 0.8})` }}
                title={`true ${name(truth)}, predicted ${name(predicted)}: ${count} (${formatShare(cell.share)} of class ${name(truth)})`}
                onClick={() => onCellClick?.(truth, predicted)}
              >
                {count}
              </button>
            );
          }),
        ])}
      </div>
    </section>
  );
}
