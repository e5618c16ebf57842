// The validation confusion matrix: rows are true classes, columns predictions, each cell shaded by
// its share of the row. Clicking a cell (or Enter on it) asks for those examples; arrow keys move
// between cells.
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { className, moveInGrid } from './confusionExamples.ts';
import { confusionTable, type ConfusionCell } from './confusion.ts';
import { formatShare } from './format.ts';

export interface ConfusionMatrixProps {
  readonly matrix: readonly (readonly number[])[];
  readonly epoch: number;
  readonly classNames?: readonly string[];
  /** The open cell, drawn pressed. */
  readonly selected?: { readonly truth: number; readonly predicted: number } | null;
  onCellClick?(truth: number, predicted: number): void;
}

interface CellProps {
  readonly count: number;
  readonly cell: ConfusionCell;
  readonly truth: number;
  readonly predicted: number;
  readonly open: boolean;
  /** "true 3, predicted 5: 12 (4% of class 3)" */
  readonly label: string;
  onClick(): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void;
}

function MatrixCell({ count, cell, truth, predicted, open, label, onClick, onKeyDown }: CellProps) {
  const tone = cell.correct ? '111, 157, 255' : '242, 100, 100';
  return (
    <button
      type="button"
      className={open ? 'confusion-cell confusion-cell-open' : 'confusion-cell'}
      style={{ background: `rgba(${tone}, ${0.06 + cell.shade * 0.8})` }}
      title={label}
      aria-label={`${label}. Show these examples`}
      aria-haspopup="dialog"
      aria-pressed={open}
      data-testid="confusion-cell"
      data-truth={truth}
      data-predicted={predicted}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {count}
    </button>
  );
}

export function ConfusionMatrix({ matrix, epoch, classNames, selected, onCellClick }: ConfusionMatrixProps) {
  const table = useMemo(() => confusionTable(matrix), [matrix]);
  const grid = useRef<HTMLDivElement>(null);
  const name = (index: number) => className(classNames, index);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, truth: number, predicted: number) => {
    const next = moveInGrid(event.key, truth, predicted, table.classes);
    if (next === null) return;
    event.preventDefault();
    grid.current?.querySelector<HTMLButtonElement>(`[data-truth="${next.truth}"][data-predicted="${next.predicted}"]`)?.focus();
  };
  const cell = (count: number, truth: number, predicted: number) => {
    const entry = table.cells[truth * table.classes + predicted];
    const label = `true ${name(truth)}, predicted ${name(predicted)}: ${count} (${formatShare(entry.share)} of class ${name(truth)})`;
    const open = selected?.truth === truth && selected.predicted === predicted;
    return <MatrixCell key={`${truth}-${predicted}`} count={count} cell={entry} truth={truth} predicted={predicted} open={open} label={label} onClick={() => onCellClick?.(truth, predicted)} onKeyDown={(event) => onKeyDown(event, truth, predicted)} />;
  };
  return (
    <section className="dashboard-panel confusion" data-testid="confusion-matrix">
      <header className="panel-header">
        <h3>Confusion</h3>
        <span className="panel-note">
          epoch {epoch + 1} · accuracy {formatShare(table.accuracy)}
        </span>
      </header>
      <div ref={grid} className="confusion-grid" role="group" aria-label="Confusion matrix: rows are true classes, columns predicted; a cell opens its examples" style={{ gridTemplateColumns: `auto repeat(${table.classes}, minmax(18px, 1fr))` }}>
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
          ...row.map((count, predicted) => cell(count, truth, predicted)),
        ])}
      </div>
    </section>
  );
}
