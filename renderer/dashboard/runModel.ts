// Everything the dashboard shows, folded from the engine's event stream by one pure reducer.
// States are immutable; each event copies only what it changes (a `steps` event copies the arrays
// of the curves it grows, everything else is a shallow copy), so a frame's batch stays cheap.
import type { BackendName, BackendStatus, EngineEvent, ProblemReport, RunState, TensorPayload } from '../../engine/protocol/index.ts';
import type { RunningBackend } from './backendChoice.ts';
import { appendPoints, appendToSet, EMPTY_SERIES, type Series, type SeriesSet } from './curves.ts';
import { addHistogramFrame, type HistogramHistories } from './histogramHistory.ts';
import { attachExtra, snapshotEpoch, type EpochSnapshot, type WatchedTensor } from './snapshots.ts';

export type { EpochSnapshot } from './snapshots.ts';

export interface Curves {
  /** Per named loss (`loss`, or `generator` and `discriminator`), against step. */
  readonly losses: SeriesSet;
  /** Per named metric (`accuracy`, `mae`, `realAccuracy`, `fakeAccuracy`), against step. */
  readonly metrics: SeriesSet;
  /** Validation per epoch, at the step the epoch ended. */
  readonly validation: SeriesSet;
  readonly learningRate: Series;
}

/** The engine's progress message, without its `type`. */
export type Progress = Omit<Extract<EngineEvent, { type: 'progress' }>, 'type'>;

export interface Divergence {
  readonly step: number;
  readonly nodeId: string;
  readonly message: string;
}

export interface PreviousRun {
  readonly id: number;
  readonly label: string;
  readonly curves: Curves;
}

export interface RunModel {
  /** Counts runs started in this dashboard (0 before the first). */
  readonly run: number;
  readonly state: RunState;
  readonly backends: readonly BackendName[];
  /** Each backend's status once the engine has probed the GPU (empty until then). */
  readonly statuses: readonly BackendStatus[];
  readonly backend: BackendName | null;
  /** The backend the last compile chose, with its description and threads. */
  readonly runningBackend: RunningBackend | null;
  /** Whether the engine runs cross-origin isolated (threads need it); null until it says. */
  readonly crossOriginIsolated: boolean | null;
  readonly parameterCount: number | null;
  /** The nodes of the compiled graph (the ones that can be watched). */
  readonly nodeIds: readonly string[];
  readonly loading: { readonly what: string; readonly done: number; readonly total: number } | null;
  readonly progress: Progress | null;
  readonly curves: Curves;
  readonly learningRate: number | null;
  readonly lastStep: number;
  readonly lastEpoch: number | null;
  /** The latest output of each watched (or probed) node. */
  readonly watched: Readonly<Record<string, WatchedTensor>>;
  /** The latest weights read per node, by parameter name (`weights`, `bias`). */
  readonly weights: Readonly<Record<string, Readonly<Record<string, TensorPayload>>>>;
  /** Per watched node: its parameter and gradient histograms over time. */
  readonly histograms: HistogramHistories;
  readonly snapshots: readonly EpochSnapshot[];
  readonly problems: readonly ProblemReport[];
  readonly divergence: Divergence | null;
  readonly done: { readonly reason: 'finished' | 'stopped' | 'earlyStopping'; readonly steps: number; readonly epochs: number } | null;
  readonly previousRuns: readonly PreviousRun[];
}

export const MAX_PREVIOUS_RUNS = 5;
export const MAX_PROBLEMS = 20;

export const EMPTY_CURVES: Curves = { losses: {}, metrics: {}, validation: {}, learningRate: EMPTY_SERIES };

export function initialRun(): RunModel {
  return {
    run: 0,
    state: 'idle',
    backends: [],
    statuses: [],
    backend: null,
    runningBackend: null,
    crossOriginIsolated: null,
    parameterCount: null,
    nodeIds: [],
    loading: null,
    progress: null,
    curves: EMPTY_CURVES,
    learningRate: null,
    lastStep: 0,
    lastEpoch: null,
    watched: {},
    weights: {},
    histograms: {},
    snapshots: [],
    problems: [],
    divergence: null,
    done: null,
    previousRuns: [],
  };
}

/** A fresh run: the finished run's curves become a previous run (the last five are kept). */
export function startRun(previous: RunModel): RunModel {
  const hasCurves = Object.values(previous.curves.losses).some((series) => series.steps.length > 0);
  const archived: PreviousRun[] = hasCurves ? [{ id: previous.run, label: `Run ${previous.run}`, curves: previous.curves }] : [];
  return {
    ...initialRun(),
    run: previous.run + 1,
    backends: previous.backends,
    statuses: previous.statuses,
    backend: previous.backend,
    runningBackend: previous.runningBackend,
    crossOriginIsolated: previous.crossOriginIsolated,
    previousRuns: [...archived, ...previous.previousRuns].slice(0, MAX_PREVIOUS_RUNS),
  };
}

/** The problems and the divergence dismissed. */
export function dismissProblems(model: RunModel): RunModel {
  return model.problems.length === 0 && model.divergence === null ? model : { ...model, problems: [], divergence: null };
}

/** Answers that belong to whoever asked (a save, an export, the dataset panel, the Learn panel): the run's model ignores them. */
const ASKERS_ONLY = ['checkpoint', 'examples', 'filesAdded', 'datasetPreview', 'datasetProgress', 'exportProgress', 'exported', 'code', 'weightsChecked', 'examplesInferred', 'activationInputsBinned', 'gradientStudy', 'gradientStudyEnded', 'lstmCell', 'latent', 'decoded', 'ganState'] as const;
type AskerEvent = Extract<EngineEvent, { type: (typeof ASKERS_ONLY)[number] }>;
const ASKER_TYPES: ReadonlySet<string> = new Set(ASKERS_ONLY);

function forAskerOnly(event: EngineEvent): event is AskerEvent {
  return ASKER_TYPES.has(event.type);
}

export function reduceRun(model: RunModel, event: EngineEvent): RunModel {
  if (forAskerOnly(event)) return model;
  switch (event.type) {
    case 'hello':
      return { ...model, backends: event.backends, statuses: event.statuses ?? model.statuses, crossOriginIsolated: event.crossOriginIsolated ?? null };
    case 'state':
      return { ...model, state: event.state, loading: event.state === 'running' || event.state === 'failed' ? null : model.loading };
    case 'compiled':
      return { ...model, backend: event.backend, runningBackend: runningBackendOf(event), parameterCount: event.parameterCount, nodeIds: event.nodeIds };
    case 'problem':
      return { ...model, problems: [...model.problems, ...event.problems].slice(-MAX_PROBLEMS) };
    case 'loading':
      return { ...model, loading: { what: event.what, done: event.done, total: event.total } };
    case 'steps':
      return reduceSteps(model, event.steps);
    case 'progress':
      return { ...model, loading: null, progress: { epoch: event.epoch, epochs: event.epochs, step: event.step, totalSteps: event.totalSteps, samplesPerSecond: event.samplesPerSecond, secondsLeft: event.secondsLeft } };
    case 'epoch':
      return reduceEpoch(model, event);
    case 'watched':
      return { ...model, watched: { ...model.watched, [event.nodeId]: { step: event.step, tensor: event.tensor, gates: event.gates } } };
    case 'probed':
      return { ...model, watched: { ...model.watched, [event.nodeId]: { step: model.lastStep, tensor: event.tensor, gates: event.gates } } };
    case 'weights':
      return { ...model, weights: { ...model.weights, [event.nodeId]: event.tensors } };
    case 'histograms':
      return { ...model, histograms: addHistogramFrame(model.histograms, event) };
    case 'images':
    case 'points':
    case 'text':
    case 'series':
      return { ...model, snapshots: attachExtra(model.snapshots, event, model.lastStep, model.watched) };
    case 'diverged':
      return { ...model, divergence: { step: event.step, nodeId: event.nodeId, message: event.message } };
    case 'done':
      return { ...model, done: { reason: event.reason, steps: event.steps, epochs: event.epochs } };
  }
}

function runningBackendOf(event: Extract<EngineEvent, { type: 'compiled' }>): RunningBackend {
  const { backend, description, threads, chosen, adapter, passedOver, carried } = event;
  return { backend, description, threads, chosen, adapter, passedOver, carried };
}

function reduceSteps(model: RunModel, steps: Extract<EngineEvent, { type: 'steps' }>['steps']): RunModel {
  if (steps.length === 0) return model;
  const last = steps[steps.length - 1];
  const curves: Curves = {
    ...model.curves,
    losses: appendToSet(model.curves.losses, steps.map((step) => ({ step: step.step, values: step.losses }))),
    metrics: appendToSet(model.curves.metrics, steps.map((step) => ({ step: step.step, values: step.metrics }))),
    learningRate: appendPoints(model.curves.learningRate, steps.map((step) => step.step), steps.map((step) => step.learningRate)),
  };
  return { ...model, curves, lastStep: last.step, learningRate: last.learningRate, loading: null };
}

function reduceEpoch(model: RunModel, event: Extract<EngineEvent, { type: 'epoch' }>): RunModel {
  const validation = appendToSet(model.curves.validation, [{ step: model.lastStep, values: event.validation }]);
  return {
    ...model,
    lastEpoch: event.epoch,
    curves: { ...model.curves, validation },
    snapshots: snapshotEpoch(model.snapshots, { epoch: event.epoch, step: model.lastStep, validation: event.validation, confusion: event.confusion ?? null, watched: model.watched }),
  };
}
