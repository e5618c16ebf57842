// The one engine and every graph's run state (graphRuns.ts), as an external store the dock reads
// with useSyncExternalStore. Lives as long as the window: a run goes on while the start page shows.
// Events are batched per animation frame into one pass of the pure functions.
import type { EngineEvent, EngineRequest, RunSettings } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { FrameBatcher, type Schedule } from './frameBatcher.ts';
import { IdentityKeeper } from './graphIdentity.ts';
import { beginTrain, dismissShown, initialGraphRuns, leaveRun, receiveEvent, runOnScreen, showGraph, shownModel, waitingForOther, type GraphRunsState } from './graphRuns.ts';
import type { RunModel } from './runModel.ts';
import { RunStarter } from './runStarter.ts';

/** What the dock shows. */
export interface GraphRunsView {
  /** The identity of the graph on screen, whose model this is. */
  readonly graph: string;
  readonly model: RunModel;
  /** Train was pressed on this graph and it is compiling. */
  readonly starting: boolean;
  /** Another graph's run is still ending; Train waits for it. */
  readonly waiting: boolean;
  readonly client: EngineClient | null;
  /** Weights loaded from a checkpoint file for the graph on screen: the next Train starts from them (pending), or the run did. */
  readonly weights: LoadedWeightsNote | null;
}

/** A checkpoint file loaded for a graph (checked by the engine to fit it). */
export interface LoadedWeights {
  readonly name: string;
  readonly steps: number;
  readonly data: ArrayBuffer;
}

export interface LoadedWeightsNote {
  readonly name: string;
  readonly steps: number;
  /** True until Train starts from them. */
  readonly pending: boolean;
}

export class GraphRunsStore {
  private state: GraphRunsState = initialGraphRuns('');
  private view: GraphRunsView | null = null;
  private client: EngineClient | null = null;
  private detach: (() => void) | null = null;
  private batcher: FrameBatcher<EngineEvent> | null = null;
  private readonly starter = new RunStarter();
  private readonly listeners = new Set<() => void>();
  /** Each opening's identity, kept here so it outlives the dock (the start page unmounts it). */
  readonly identities = new IdentityKeeper();
  /** Per graph: a checkpoint file loaded for its next Train, or the one its run started from. */
  private readonly weights = new Map<string, LoadedWeights & { readonly pending: boolean }>();

  constructor(
    private readonly startClient: () => EngineClient,
    private readonly schedule?: Schedule,
  ) {}

  /** Starts the engine, once (the dock opening). */
  connect(): void {
    if (this.client !== null) return;
    const client = this.startClient();
    const events = new FrameBatcher<EngineEvent>((batch) => this.apply(batch), this.schedule);
    const unsubscribe = client.subscribe((event) => {
      const request = this.starter.receive(event);
      if (request !== null) client.send(request);
      events.push(event);
    });
    this.client = client;
    this.batcher = events;
    this.detach = () => {
      unsubscribe();
      events.dispose();
    };
    this.changed();
  }

  getView = (): GraphRunsView => {
    const weights = this.weights.get(this.state.shown);
    const note = weights === undefined ? null : { name: weights.name, steps: weights.steps, pending: weights.pending };
    this.view ??= { graph: this.state.shown, model: shownModel(this.state), starting: runOnScreen(this.state) && this.starter.starting, waiting: waitingForOther(this.state), client: this.client, weights: note };
    return this.view;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The graph on screen (its identity) changed. */
  show(graph: string): void {
    this.update((state) => showGraph(state, graph));
  }

  /** Whether the graph on screen has a run going (being set up, training or paused). */
  runGoing(): boolean {
    this.update((state) => state);
    return runOnScreen(this.state);
  }

  /** Stops the run on screen because another graph opens: what is left of it goes to its own graph. */
  stopForLeaving(): void {
    if (!this.runGoing()) return;
    const startSent = !this.starter.starting;
    this.starter.cancel();
    if (startSent) this.client?.send({ type: 'stop' });
    this.update((state) => leaveRun(state, startSent));
  }

  train(document: unknown, settings: RunSettings): void {
    if (this.client === null || waitingForOther(this.state)) return;
    this.update(beginTrain);
    const weights = this.weights.get(this.state.shown);
    const checkpoint = weights?.pending === true ? weights.data.slice(0) : undefined;
    if (weights !== undefined) this.weights.set(this.state.shown, { ...weights, pending: false });
    this.client.send(this.starter.begin(document, settings, checkpoint));
    this.changed();
  }

  /** The engine, started if it is not yet (exports and the code view ask it too). */
  engine(): EngineClient {
    this.connect();
    return this.client as EngineClient;
  }

  /** Whether the engine's latest run is the graph on screen's and has trained: its weights are that graph's. */
  hasRunOnScreen(): boolean {
    this.update((state) => state);
    return this.state.engineGraph === this.state.shown && shownModel(this.state).lastStep > 0;
  }

  /** A checkpoint file for the graph on screen: the next Train starts from it. */
  loadWeights(weights: LoadedWeights): void {
    this.weights.set(this.state.shown, { ...weights, pending: true });
    this.changed();
  }

  /** The loaded checkpoint of the graph on screen, while the next Train is still to start from it. */
  pendingWeights(): LoadedWeights | null {
    const weights = this.weights.get(this.state.shown);
    return weights?.pending === true ? weights : null;
  }

  send(request: EngineRequest): void {
    this.client?.send(request);
  }

  dismiss(): void {
    this.update(dismissShown);
  }

  dispose(): void {
    this.detach?.();
    this.detach = null;
    this.starter.cancel();
    this.client?.terminate();
    this.client = null;
    this.batcher = null;
    this.changed();
  }

  private apply(batch: readonly EngineEvent[]): void {
    this.state = batch.reduce(receiveEvent, this.state);
    this.changed();
  }

  /** Applies the events still queued, then `change`. */
  private update(change: (state: GraphRunsState) => GraphRunsState): void {
    const queued = this.batcher?.drain() ?? [];
    const next = change(queued.reduce(receiveEvent, this.state));
    if (next === this.state) return;
    this.state = next;
    this.changed();
  }

  private changed(): void {
    this.view = null;
    for (const listener of this.listeners) listener();
  }
}
