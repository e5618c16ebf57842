// A sequence model's prediction against the truth, by time step.
import { useMemo } from 'react';
import type uPlot from 'uplot';
import { seriesChartOptions } from './chartOptions.ts';
import type { SeriesEvent } from './snapshots.ts';
import { UPlotChart } from './UPlotChart.tsx';

const OPTIONS = seriesChartOptions();

export function SeriesChart({ series, height = 180 }: { series: SeriesEvent; height?: number }) {
  const data = useMemo<uPlot.AlignedData>(() => {
    const length = Math.min(series.truth.length, series.prediction.length);
    return [Array.from({ length }, (_, index) => index), series.truth.slice(0, length), series.prediction.slice(0, length)];
  }, [series]);
  return (
    <section className="dashboard-panel series-chart" data-testid="series-chart">
      <header className="panel-header">
        <h3>Prediction</h3>
        <span className="panel-note">
          epoch {series.epoch + 1} · <span className="swatch-truth">truth</span> <span className="swatch-prediction">prediction</span>
        </span>
      </header>
      <UPlotChart options={OPTIONS} data={data} height={height} />
    </section>
  );
}
