// Where the run is: epoch, step of total, samples per second, time left, a progress bar; and the
// backend it trains on, with its threads and why it runs.
import { backendSummary } from './backendChoice.ts';
import { formatCount, formatDuration, formatValue } from './format.ts';
import { PROGRESS_WORDS, type MetricWords } from './metricNames.ts';
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
        <Stat words={PROGRESS_WORDS.epoch} value={progress === null ? '—' : `${Math.min(progress.epoch + 1, progress.epochs)} / ${progress.epochs}`} />
        <Stat words={PROGRESS_WORDS.step} value={progress === null ? '—' : `${progress.step} / ${progress.totalSteps}`} />
        <Stat words={PROGRESS_WORDS.samplesPerSecond} value={progress === null ? '—' : formatCount(progress.samplesPerSecond)} />
        <Stat words={PROGRESS_WORDS.timeLeft} value={progress === null || model.state === 'done' ? '—' : formatDuration(progress.secondsLeft)} />
        <Stat words={PROGRESS_WORDS.learningRate} value={formatValue(model.learningRate)} />
        {parameters !== null && <Stat words={PROGRESS_WORDS.parameters} value={formatCount(parameters)} />}
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

function Stat({ words, value }: { words: MetricWords; value: string }) {
  return (
    <div className="stat" title={words.explanation}>
      <span className="stat-label">{words.label}</span>
      <span className="stat-value">{value}</span>
    </div>
  );
}

function BackendStat({ model }: { model: RunModel }) {
  if (model.runningBackend === null) return null;
  const summary = backendSummary(model.runningBackend, model.crossOriginIsolated);
  return (
    <div className="stat stat-backend" title={summary.explanation} data-testid="run-backend">
      <span className="stat-label">
        {summary.reason !== '' && <span className="backend-reason">{summary.reason}</span>}
        <span>Backend</span>
      </span>
      <span className="backend-value">
        <span className="backend-name">{summary.name}</span>
        {summary.threads !== '' && <span className="backend-threads">{summary.threads}</span>}
      </span>
    </div>
  );
}
