// Where the run is: epoch, step of total, samples per second, time left, a progress bar; and the
// backend it trains on, with its threads.
import { backendSummary } from './backendChoice.ts';
import { formatCount, formatDuration, formatValue } from './format.ts';
import type { RunModel } from './runModel.ts';

export interface ProgressPanelProps {
  readonly model: RunModel;
  /** The graph's own count, shown until a run compiles it. */
  readonly graphParameterCount?: number | null;
}

export function ProgressPanel({ model, graphParameterCount = null }: ProgressPanelProps) {
  const { progress, loading } = model;
  const parameters = model.parameterCount ?? graphParameterCount;
  const share = progress === null || progress.totalSteps === 0 ? 0 : Math.min(1, progress.step / progress.totalSteps);
  return (
    <section className="progress-panel" data-testid="progress-panel">
      <div className="progress-stats">
        <Stat label="Epoch" value={progress === null ? '—' : `${Math.min(progress.epoch + 1, progress.epochs)} / ${progress.epochs}`} />
        <Stat label="Step" value={progress === null ? '—' : `${progress.step} / ${progress.totalSteps}`} />
        <Stat label="Samples/s" value={progress === null ? '—' : formatCount(progress.samplesPerSecond)} />
        <Stat label="Time left" value={progress === null || model.state === 'done' ? '—' : formatDuration(progress.secondsLeft)} />
        <Stat label="Learning rate" value={formatValue(model.learningRate)} />
        {parameters !== null && <Stat label="Parameters" value={formatCount(parameters)} />}
        <BackendStat model={model} />
      </div>
      <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}>
        <div className="progress-fill" style={{ width: `${share * 100}%` }} />
      </div>
      {loading !== null && (
        <div className="progress-loading">
          Loading {loading.what}… {loading.total > 0 ? `${Math.round((loading.done / loading.total) * 100)}%` : ''}
        </div>
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="stat">
      <span className="stat-label">{label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}

function BackendStat({ model }: { model: RunModel }) {
  if (model.runningBackend === null) return null;
  const summary = backendSummary(model.runningBackend, model.crossOriginIsolated);
  return (
    <div className="stat stat-backend" title={summary.explanation} data-testid="run-backend">
      <span className="stat-label">Backend</span>
      <span className="backend-value">
        <span className="backend-name">{summary.name}</span>
        {summary.threads !== '' && <span className="backend-threads">{summary.threads}</span>}
      </span>
    </div>
  );
}
