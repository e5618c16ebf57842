// uPlot options for the dashboard's charts, in the dark theme (canvas colours cannot read CSS variables).
import type uPlot from 'uplot';
import type { ChartLine, ScaleKind } from './chartData.ts';
import { metricsAreShares } from './chartData.ts';

export const AXIS_COLOR = '#7f8898';
export const GRID_COLOR = 'rgba(255, 255, 255, 0.06)';
const FONT = '11px Inter, system-ui, sans-serif';

/** #rrggbb with an alpha. */
export function withAlpha(color: string, alpha: number): string {
  const value = Number.parseInt(color.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** side: 1 right, 2 bottom, 3 left. */
function axis(scale: string, label: string, side: 1 | 2 | 3, grid: boolean): uPlot.Axis {
  return { scale, label, side, stroke: AXIS_COLOR, font: FONT, labelFont: FONT, labelSize: 16, size: side === 2 ? 38 : 54, grid: { show: grid, stroke: GRID_COLOR, width: 1 }, ticks: { stroke: GRID_COLOR, width: 1 } };
}

function seriesOf(line: ChartLine): uPlot.Series {
  const stroke = line.faint ? withAlpha(line.color, 0.28) : line.color;
  return {
    label: line.label,
    stroke,
    width: line.faint ? 1 : line.markers ? 1.25 : 1.75,
    dash: line.markers ? [4, 3] : undefined,
    scale: line.axis === 'loss' ? 'y' : 'metric',
    spanGaps: true,
    points: line.markers ? { show: true, size: 6, fill: line.color, stroke: line.color } : { show: false },
  };
}

/** The loss chart: losses on the left axis (linear or log), metrics on the right. */
export function lossChartOptions(lines: readonly ChartLine[], scale: ScaleKind): Omit<uPlot.Options, 'width' | 'height'> {
  const hasMetrics = lines.some((line) => line.axis === 'metric');
  const scales: uPlot.Scales = {
    x: { time: false },
    y: scale === 'log' ? { distr: 3, log: 10 } : { distr: 1 },
    metric: metricsAreShares(lines) ? { range: [0, 1] } : {},
  };
  const axes = [axis('x', 'step', 2, true), axis('y', 'loss', 3, true)];
  if (hasMetrics) axes.push(axis('metric', 'metric', 1, false));
  return {
    scales,
    axes,
    series: [{ label: 'step' }, ...lines.map(seriesOf)],
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: true }, points: { show: false } },
    padding: [8, 8, 0, 0],
  };
}

/** A sequence prediction against the truth, by time step. */
export function seriesChartOptions(): Omit<uPlot.Options, 'width' | 'height'> {
  return {
    scales: { x: { time: false } },
    axes: [axis('x', 'time step', 2, true), axis('y', 'value', 3, true)],
    series: [{ label: 'time step' }, { label: 'truth', stroke: '#7f8898', width: 1.5, points: { show: false } }, { label: 'prediction', stroke: '#6f9dff', width: 1.75, points: { show: false } }],
    legend: { show: false },
    cursor: { drag: { x: true, y: false, setScale: true }, points: { show: false } },
    padding: [8, 8, 0, 0],
  };
}
