// A feature map, an image or a kernel of the user's network as a heat grid: positive values blue,
// negative ones red, each as strong as its size against the grid's largest; the numbers written in
// when the cells are large enough. Highlighted cells (a window) are outlined.
import { shortNumber } from './networkTensors.ts';
import type { Grid } from './convolution.ts';

export interface MapViewProps {
  readonly grid: Grid;
  readonly caption: string;
  /** Pixels per cell (default: from the grid's size). */
  readonly cell?: number;
  /** The value that gets full colour (default: the grid's largest magnitude). */
  readonly scale?: number;
  readonly highlighted?: ReadonlySet<string>;
  readonly strong?: ReadonlySet<string>;
  /** Cells after this many (row-major) are shown empty. */
  readonly filled?: number;
  readonly testId?: string;
}

export function largestMagnitude(grid: Grid): number {
  return grid.reduce((largest, row) => row.reduce((value, cell) => Math.max(value, Math.abs(cell)), largest), 0);
}

function colour(value: number, scale: number): string {
  const strength = scale === 0 ? 0 : Math.min(1, Math.abs(value) / scale);
  return value >= 0 ? `rgba(111, 157, 255, ${(0.08 + 0.8 * strength).toFixed(3)})` : `rgba(242, 100, 100, ${(0.08 + 0.8 * strength).toFixed(3)})`;
}

export function MapView({ grid, caption, cell, scale, highlighted, strong, filled, testId }: MapViewProps) {
  const width = grid[0]?.length ?? 0;
  const size = cell ?? (width <= 5 ? 40 : width <= 9 ? 30 : width <= 16 ? 18 : 9);
  const numbers = size >= 22;
  const full = scale ?? largestMagnitude(grid);
  return (
    <figure className="learn-map-figure">
      <div className="learn-map" style={{ gridTemplateColumns: `repeat(${width}, ${size}px)`, gridAutoRows: `${size}px` }} data-testid={testId} aria-label={caption}>
        {grid.map((row, rowIndex) =>
          row.map((value, column) => {
            const key = `${rowIndex},${column}`;
            const empty = filled !== undefined && rowIndex * width + column >= filled;
            const className = ['learn-map-cell', highlighted?.has(key) ? 'learn-map-window' : '', strong?.has(key) ? 'learn-map-strong' : '', empty ? 'learn-map-empty' : ''].join(' ').trim();
            return (
              <span key={key} className={className} data-cell={key} style={{ background: empty ? 'transparent' : colour(value, full), fontSize: size >= 36 ? 11 : size >= 28 ? 10 : 9 }} title={shortNumber(value, 4)}>
                {numbers && !empty ? shortNumber(value, size >= 36 ? 2 : 1) : ''}
              </span>
            );
          }),
        )}
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
