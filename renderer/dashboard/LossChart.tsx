// Training loss and metrics against step, validation per epoch, previous runs faint; a linear/log
// toggle and a smoothing slider. Drag to zoom, double-click to reset.
import { useMemo, useState } from 'react';
import { chartModel, type ScaleKind } from './chartData.ts';
import { lossChartOptions } from './chartOptions.ts';
import type { Curves, PreviousRun } from './runModel.ts';
import { formatValue } from './format.ts';
import { UPlotChart } from './UPlotChart.tsx';

export interface LossChartProps {
  readonly curves: Curves;
  readonly previousRuns: readonly PreviousRun[];
  /** Cut the curves at this step (the timeline's epoch); null for the live run. */
  readonly cutoffStep: number | null;
  readonly height?: number;
}

export function LossChart({ curves, previousRuns, cutoffStep, height = 260 }: LossChartProps) {
  const [scale, setScale] = useState<ScaleKind>('linear');
  const [smoothing, setSmoothing] = useState(0.6);
  const model = useMemo(() => chartModel({ curves, previousRuns, smoothing, scale, cutoffStep }), [curves, previousRuns, smoothing, scale, cutoffStep]);
  // Rebuilt only when the set of lines changes; data updates go through setData.
  const options = useMemo(() => lossChartOptions(model.lines, scale), [model.key]);
  const empty = model.data[0].length === 0;
  return (
    <section className="dashboard-panel loss-chart" data-testid="loss-chart">
      <header className="panel-header">
        <h3>Loss</h3>
        <div className="panel-tools">
          <div className="segmented" role="group" aria-label="Scale">
            {(['linear', 'log'] as const).map((kind) => (
              <button key={kind} type="button" className={scale === kind ? 'active' : ''} aria-pressed={scale === kind} onClick={() => setScale(kind)}>
                {kind === 'linear' ? 'Linear' : 'Log'}
              </button>
            ))}
          </div>
          <label className="slider-field" title="Exponential moving average of the curves">
            Smoothing
            <input type="range" min={0} max={0.99} step={0.01} value={smoothing} onChange={(event) => setSmoothing(Number(event.target.value))} />
            <span className="slider-value">{smoothing.toFixed(2)}</span>
          </label>
        </div>
      </header>
      <Legend model={model} />
      <div className="chart-area">
        <UPlotChart options={options} data={model.data} height={height} testId="loss-chart-plot" />
        {empty && <div className="chart-empty">Press Train to see the loss fall.</div>}
      </div>
    </section>
  );
}

function Legend({ model }: { model: ReturnType<typeof chartModel> }) {
  const shown = model.lines.map((line, index) => ({ line, value: model.latest[index], column: model.data[index + 1] })).filter(({ line }) => !line.faint);
  const previous = model.lines.filter((line) => line.faint && !line.label.endsWith('(raw)'));
  if (shown.length === 0 && previous.length === 0) return null;
  return (
    <ul className="chart-legend">
      {shown.map(({ line, value, column }) => (
        // Validation lines carry their per-epoch values, for tests and tooltips-free reading.
        <li key={line.label} title={line.explanation} data-metric={line.name} data-values={line.markers ? column.filter((point) => point !== null).join(',') : undefined}>
          <span className={line.markers ? 'legend-swatch legend-marker' : 'legend-swatch'} style={{ background: line.color }} />
          {line.label}
          <span className="legend-value">{formatValue(value)}</span>
        </li>
      ))}
      {previous.map((line) => (
        <li key={line.label} className="legend-previous" title={line.explanation}>
          <span className="legend-swatch" style={{ background: line.color }} />
          {line.label}
        </li>
      ))}
    </ul>
  );
}
