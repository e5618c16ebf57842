// A grid of numbers as cells: optionally editable, with highlighted cells (the window of a step,
// a pooling winner) and cells not filled in yet.
import { formatNumber, type Grid } from './convolution.ts';

export interface GridViewProps {
  readonly grid: Grid;
  readonly label: string;
  /** "row,column" keys of highlighted cells. */
  readonly highlighted?: ReadonlySet<string>;
  readonly strong?: ReadonlySet<string>;
  /** Cells after this many (row-major) are shown empty. */
  readonly filled?: number;
  readonly padding?: number;
  readonly onEdit?: (row: number, column: number, value: number) => void;
}

function Cell({ value, row, column, props }: { value: number; row: number; column: number; props: GridViewProps }) {
  const key = `${row - (props.padding ?? 0)},${column - (props.padding ?? 0)}`;
  const position = row * props.grid[0].length + column;
  const empty = props.filled !== undefined && position >= props.filled;
  const className = ['learn-cell', props.highlighted?.has(key) ? 'learn-cell-window' : '', props.strong?.has(key) ? 'learn-cell-strong' : '', empty ? 'learn-cell-empty' : ''].join(' ').trim();
  if (props.onEdit !== undefined) {
    const edit = props.onEdit;
    return <input className={className} type="number" value={value} aria-label={`${props.label} row ${row + 1} column ${column + 1}`} onChange={(event) => edit(row, column, Number(event.target.value) || 0)} />;
  }
  return <span className={className} data-cell={key}>{empty ? '' : formatNumber(value)}</span>;
}

export function GridView(props: GridViewProps) {
  const columns = props.grid[0]?.length ?? 0;
  return (
    <figure className="learn-grid-figure">
      <div className="learn-grid" style={{ gridTemplateColumns: `repeat(${columns}, var(--learn-cell))` }} data-testid={`grid-${props.label}`} aria-label={props.label}>
        {props.grid.map((row, rowIndex) => row.map((value, column) => <Cell key={`${rowIndex},${column}`} value={value} row={rowIndex} column={column} props={props} />))}
      </div>
      <figcaption>{props.label}</figcaption>
    </figure>
  );
}

/** The grid with `padding` rings of zeros around it. */
export function padGrid(grid: Grid, padding: number): Grid {
  if (padding === 0) return grid;
  const width = grid[0].length + 2 * padding;
  const zeros = () => new Array<number>(width).fill(0);
  return [...Array.from({ length: padding }, zeros), ...grid.map((row) => [...new Array<number>(padding).fill(0), ...row, ...new Array<number>(padding).fill(0)]), ...Array.from({ length: padding }, zeros)];
}
