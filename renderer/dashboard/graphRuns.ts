// Each graph's run state, one engine for all. The dock always shows the model of the graph on
// screen; the engine's events go to the graph it last compiled (its run, even one that ended, is
// what watch, probe and histogram answers are about), even when another graph is on screen by then:
// a run stopped because another graph opened finishes in the background, and none of it reaches
// the new graph's dock. The run's owner is that graph from Train until the run ends. A graph left
// keeps only its curves, as previous runs (the last five): they come back, faint, when it is on
// screen again, and never on another graph.
import type { EngineEvent } from '../../engine/protocol/index.ts';
import { dismissProblems, initialRun, reduceRun, startRun, type RunModel } from './runModel.ts';

export interface RunOwner {
  /** The identity of the graph the run belongs to (graphIdentity.ts). */
  readonly graph: string;
  /**
   * What ends it: the run's last state (done or failed), or, for a Train abandoned while the graph
   * compiled (no start will follow), the compile's answer (ready or failed).
   */
  readonly endsAt: 'run' | 'compile';
}

export interface GraphRunsState {
  /** The identity of the graph on screen. */
  readonly shown: string;
  readonly owner: RunOwner | null;
  /** The graph the engine last compiled (the last Train's): every event but its greeting is about it. */
  readonly engineGraph: string | null;
  /** Per graph seen: its run model. */
  readonly models: Readonly<Record<string, RunModel>>;
}

export function initialGraphRuns(shown: string): GraphRunsState {
  return { shown, owner: null, engineGraph: null, models: { [shown]: initialRun() } };
}

/** The model the dock shows: the graph on screen's. */
export function shownModel(state: GraphRunsState): RunModel {
  return state.models[state.shown] ?? initialRun();
}

/** Whether the graph on screen has a run going (being set up, training or paused). */
export function runOnScreen(state: GraphRunsState): boolean {
  return state.owner !== null && state.owner.graph === state.shown;
}

/** Whether another graph's run is still ending, so Train on this one waits for it. */
export function waitingForOther(state: GraphRunsState): boolean {
  return state.owner !== null && state.owner.graph !== state.shown;
}

/** A model's results put away: a clean model that keeps its curves as previous runs and its run count. */
export function settle(model: RunModel): RunModel {
  return { ...startRun(model), run: model.run };
}

/** A first model for a graph, with what the engine said of itself (backends, isolation) from another's. */
function firstModel(known: RunModel | undefined): RunModel {
  return known === undefined ? initialRun() : { ...startRun(known), run: 0, previousRuns: [] };
}

/**
 * Another graph on screen: it shows a clean dock with its own previous runs. The graph left is
 * settled, unless its run is still ending (then it settles when that run ends).
 */
export function showGraph(state: GraphRunsState, graph: string): GraphRunsState {
  if (graph === state.shown) return state;
  const owned = (key: string) => state.owner?.graph === key;
  const left = state.models[state.shown];
  const models: Record<string, RunModel> = { ...state.models };
  if (left !== undefined && !owned(state.shown)) models[state.shown] = settle(left);
  const existing = models[graph];
  models[graph] = existing === undefined ? firstModel(left) : owned(graph) ? existing : settle(existing);
  return { ...state, shown: graph, models };
}

/** Train pressed on the graph on screen: its run starts fresh (the finished one becomes a previous run). */
export function beginTrain(state: GraphRunsState): GraphRunsState {
  return { ...state, owner: { graph: state.shown, endsAt: 'run' }, engineGraph: state.shown, models: { ...state.models, [state.shown]: startRun(shownModel(state)) } };
}

/** The run on screen is being left: `startSent` says whether a start followed its compile (else only the compile's answer is still to come). */
export function leaveRun(state: GraphRunsState, startSent: boolean): GraphRunsState {
  if (!runOnScreen(state) || state.owner === null) return state;
  return { ...state, owner: { ...state.owner, endsAt: startSent ? 'run' : 'compile' } };
}

function endsOwner(owner: RunOwner, event: EngineEvent): boolean {
  if (event.type === 'problem') return event.fatal && event.requestId === undefined;
  if (event.type !== 'state') return false;
  return event.state === 'failed' || event.state === 'done' || (owner.endsAt === 'compile' && event.state === 'ready');
}

/** One engine event, folded into its owner's model (the engine's greeting into every graph's). */
export function receiveEvent(state: GraphRunsState, event: EngineEvent): GraphRunsState {
  if (event.type === 'hello') {
    const models = Object.fromEntries(Object.entries(state.models).map(([graph, model]) => [graph, reduceRun(model, event)]));
    return { ...state, models };
  }
  const target = state.engineGraph ?? state.shown;
  const model = reduceRun(state.models[target] ?? initialRun(), event);
  const ended = state.owner !== null && endsOwner(state.owner, event);
  // A graph off screen keeps nothing but its previous runs.
  const settled = target !== state.shown && (ended || state.owner === null) ? settle(model) : model;
  return { ...state, owner: ended ? null : state.owner, models: { ...state.models, [target]: settled } };
}

/** The problems and divergence on screen dismissed. */
export function dismissShown(state: GraphRunsState): GraphRunsState {
  return { ...state, models: { ...state.models, [state.shown]: dismissProblems(shownModel(state)) } };
}
