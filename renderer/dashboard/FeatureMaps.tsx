// The selected node's output for one sample: channels on a canvas for images, bars for vectors,
// a heat strip for sequences; an LSTM's or GRU's gates; a Conv2D's filters; the share of dead or
// saturated units.
import { useMemo } from 'react';
import type { TensorPayload } from '../../engine/protocol/index.ts';
import type { Bars } from './featureImages.ts';
import { featureView, filterView } from './featureView.ts';
import { formatShare, formatValue } from './format.ts';
import { GateMaps } from './GateMaps.tsx';
import { PixelCanvas } from './PixelCanvas.tsx';
import type { WatchedTensor } from './snapshots.ts';

export interface FeatureMapsProps {
  readonly nodeId: string | null;
  readonly nodeType: string | undefined;
  readonly watched: WatchedTensor | undefined;
  readonly weights?: Readonly<Record<string, TensorPayload>>;
  /** False while the timeline shows a past epoch (its tensors are the ones recorded then). */
  readonly live?: boolean;
}

export function FeatureMaps({ nodeId, nodeType, watched, weights, live = true }: FeatureMapsProps) {
  const view = useMemo(() => (watched === undefined ? null : featureView(watched.tensor, nodeType)), [watched, nodeType]);
  const filters = useMemo(() => filterView(weights), [weights]);
  return (
    <section className="dashboard-panel feature-maps" data-testid="feature-maps">
      <header className="panel-header">
        <h3>Feature maps</h3>
        {nodeId !== null && (
          <span className="panel-note">
            <code>{nodeId}</code> {nodeType}
            {watched !== undefined && ` · step ${watched.step}`}
          </span>
        )}
      </header>
      {nodeId === null && <p className="panel-empty">Select a layer on the canvas to see what it computes.</p>}
      {nodeId !== null && view === null && (
        <p className="panel-empty">{live ? `The output of ${nodeId} appears here once training runs.` : `No output of ${nodeId} was recorded by this epoch; press Live on the timeline.`}</p>
      )}
      {view !== null && (
        <div className="feature-body">
          <div className="feature-caption">{view.caption}</div>
          {view.image !== null && <PixelCanvas image={view.image} maxWidth={300} label={`Output of ${nodeId}`} testId="feature-canvas" />}
          {view.bars !== null && <BarsView bars={view.bars} />}
          <Health dead={view.health.dead} saturated={view.health.saturated} />
        </div>
      )}
      {nodeId !== null && <GateMaps nodeId={nodeId} nodeType={nodeType} gates={watched?.gates} />}
      {filters !== null && (
        <div className="feature-body">
          <div className="feature-caption">{filters.caption}</div>
          <PixelCanvas image={filters.image} maxWidth={300} maxZoom={16} label={`Filters of ${nodeId}`} testId="filter-canvas" />
        </div>
      )}
    </section>
  );
}

function BarsView({ bars }: { bars: Bars }) {
  const half = bars.signed ? 50 : 100;
  return (
    <div className={bars.signed ? 'bars bars-signed' : 'bars'} role="img" aria-label={`Bars up to ${formatValue(bars.scale)}`} data-testid="feature-bars">
      {bars.heights.map((height, index) => (
        <span key={index} className={height < 0 ? 'bar bar-negative' : 'bar'} style={{ height: `${Math.abs(height) * half}%`, top: height < 0 ? `${half}%` : `${half - height * half}%` }} />
      ))}
      <span className="bars-scale">{bars.signed ? '±' : ''}{formatValue(bars.scale)}</span>
    </div>
  );
}

function Health({ dead, saturated }: { dead: number | null; saturated: number | null }) {
  if (dead === null && saturated === null) return null;
  const share = dead ?? saturated ?? 0;
  const warn = share > 0.5;
  return (
    <div className={warn ? 'health health-warning' : 'health'} data-testid="feature-health">
      {dead !== null && `Dead units (exactly 0): ${formatShare(dead)}`}
      {saturated !== null && `Saturated units: ${formatShare(saturated)}`}
      {warn && <span className="health-hint">{dead !== null ? ' — try a lower learning rate or LeakyReLU.' : ' — inputs too large; normalize or lower the learning rate.'}</span>}
    </div>
  );
}
