// The pooling lab: a window steps over a map (2×2, stride 2 by default); max pooling keeps the
// largest value, average pooling the mean. Backward, max pooling sends each gradient only to the
// cell that won its window; average pooling shares it equally.
import type { Grid } from './convolution.ts';

export type PoolKind = 'max' | 'average';

export interface PoolStep {
  readonly outputRow: number;
  readonly outputColumn: number;
  /** The window's cells as [row, column] of the input. */
  readonly cells: readonly (readonly [number, number])[];
  readonly result: number;
  /** Max pooling: the cell that won (the first largest); average: none. */
  readonly winner?: readonly [number, number];
}

export interface Pooling {
  readonly steps: readonly PoolStep[];
  readonly output: Grid;
}

function windowStep(input: Grid, kind: PoolKind, outputRow: number, outputColumn: number, window: number, stride: number): PoolStep {
  const cells: [number, number][] = [];
  for (let dy = 0; dy < window; dy++) for (let dx = 0; dx < window; dx++) cells.push([outputRow * stride + dy, outputColumn * stride + dx]);
  const values = cells.map(([row, column]) => input[row][column]);
  if (kind === 'average') return { outputRow, outputColumn, cells, result: values.reduce((total, value) => total + value, 0) / values.length };
  const best = values.indexOf(Math.max(...values));
  return { outputRow, outputColumn, cells, result: values[best], winner: cells[best] };
}

/** Pools a square map with a square window (no padding); a window that would overhang is refused. */
export function pool(input: Grid, kind: PoolKind, window = 2, stride = 2): Pooling {
  const span = input.length - window;
  if (span < 0 || span % stride !== 0) throw new RangeError(`A ${window}×${window} window with stride ${stride} does not tile a ${input.length}×${input.length} map.`);
  const size = span / stride + 1;
  const steps: PoolStep[] = [];
  const output: number[][] = [];
  for (let row = 0; row < size; row++) {
    output.push([]);
    for (let column = 0; column < size; column++) {
      const next = windowStep(input, kind, row, column, window, stride);
      steps.push(next);
      output[row].push(next.result);
    }
  }
  return { steps, output };
}

/** The gradient reaching the input, given the gradient of each output cell. */
export function poolBackward(input: Grid, pooling: Pooling, outputGradient: Grid): Grid {
  const gradient = input.map((row) => row.map(() => 0));
  for (const step of pooling.steps) {
    const incoming = outputGradient[step.outputRow][step.outputColumn];
    if (step.winner !== undefined) gradient[step.winner[0]][step.winner[1]] += incoming;
    else for (const [row, column] of step.cells) gradient[row][column] += incoming / step.cells.length;
  }
  return gradient;
}

/** The worked example: the 4×4 map of the convolution lab's outputs (max pooling gives 792 856 / 913 851). */
export const WORKED_MAP: Grid = [
  [429, 505, 686, 856],
  [261, 792, 412, 640],
  [633, 653, 851, 751],
  [608, 913, 713, 657],
];
