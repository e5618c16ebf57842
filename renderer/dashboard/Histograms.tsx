// The selected layer's weights and gradients as histograms: the latest one as bars, and every one
// so far as a heat map (time runs down), per parameter tensor. Logic lives in histogramView.ts.
import { useMemo } from 'react';
import type { HistogramFrame } from './histogramHistory.ts';
import { hasParameters, histogramPanelView, type HistogramBars, type HistogramCell } from './histogramView.ts';
import { PixelCanvas } from './PixelCanvas.tsx';

export interface HistogramsProps {
  readonly nodeId: string | null;
  readonly nodeType: string | undefined;
  readonly frames: readonly HistogramFrame[] | undefined;
}

export function Histograms({ nodeId, nodeType, frames }: HistogramsProps) {
  const view = useMemo(() => (frames === undefined ? null : histogramPanelView(frames)), [frames]);
  const trainable = hasParameters(nodeType);
  return (
    <section className="dashboard-panel histograms" data-testid="histograms" data-step={view?.step}>
      <header className="panel-header">
        <h3>Weights &amp; gradients</h3>
        {nodeId !== null && view !== null && (
          <span className="panel-note" data-testid="histograms-note">
            <code>{nodeId}</code> · epoch {view.epoch + 1} · step {view.step} · heat maps from step {view.firstStep}
          </span>
        )}
      </header>
      {nodeId === null && <p className="panel-empty">Select a layer on the canvas to see how its weights and gradients are spread.</p>}
      {nodeId !== null && !trainable && (
        <p className="panel-empty" data-testid="histograms-empty">
          <code>{nodeId}</code> ({nodeType ?? 'unknown'}) has no weights or biases, so there is nothing to histogram. Select a Conv2D, Dense or recurrent layer.
        </p>
      )}
      {nodeId !== null && trainable && view === null && <p className="panel-empty" data-testid="histograms-empty">Histograms of {nodeId}&apos;s weights and gradients appear here once training runs.</p>}
      {nodeId !== null && trainable && view !== null && (
        <div className="histogram-grid">
          {view.rows.map((row) => (
            <div className="histogram-row" key={row.name} data-testid="histogram-row">
              <div className="histogram-title">
                <code>{row.name}</code> <span className="panel-note">{row.caption}</span>
              </div>
              <Cell label="values" cell={row.values} name={`${nodeId} ${row.name}`} />
              {row.gradients === null ? <p className="panel-empty">Frozen: no gradient.</p> : <Cell label="gradient" cell={row.gradients} name={`${nodeId} ${row.name} gradient`} />}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function Cell({ label, cell, name }: { label: string; cell: HistogramCell; name: string }) {
  return (
    <div className="histogram-cell">
      <div className="histogram-label">{label}</div>
      <Bars bars={cell.bars} name={name} />
      <PixelCanvas image={cell.ridge} maxWidth={180} maxZoom={3} label={`History of ${name}, from ${cell.range.min} to ${cell.range.max}`} testId="histogram-ridge" />
      <div className="histogram-axis">
        <span>{cell.range.min}</span>
        <span>{cell.range.max}</span>
      </div>
    </div>
  );
}

function Bars({ bars, name }: { bars: HistogramBars; name: string }) {
  const width = bars.heights.length;
  return (
    <>
      <svg className="histogram-bars" viewBox={`0 0 ${width} 1`} preserveAspectRatio="none" role="img" aria-label={`Histogram of ${name}, from ${bars.min} to ${bars.max}`} data-testid="histogram-bars">
        {bars.heights.map((height, index) => (
          <rect key={index} x={index + 0.08} width={0.84} y={1 - height} height={height} />
        ))}
        {bars.zero !== null && <line className="histogram-zero" x1={bars.zero * width} x2={bars.zero * width} y1={0} y2={1} />}
      </svg>
      <div className="histogram-axis">
        <span>{bars.min}</span>
        {bars.nonFinite > 0 && <span className="histogram-warning">{bars.nonFinite} not finite</span>}
        <span>{bars.max}</span>
      </div>
    </>
  );
}
