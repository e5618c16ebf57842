// Each graph's run state: the dock shows the graph on screen; a run's events go to its own graph
// even after another graph opened; a graph left keeps only its curves, as previous runs that come
// back on that graph alone; a Train abandoned while compiling ends at the compile's answer.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import { beginTrain, initialGraphRuns, leaveRun, receiveEvent, runOnScreen, showGraph, shownModel, waitingForOther, type GraphRunsState } from '../../../renderer/dashboard/graphRuns.ts';
import { steps } from './events.ts';

const compiled = (parameterCount: number): EngineEvent => ({ type: 'compiled', backend: 'cpu', description: 'CPU', threads: 1, parameterCount, nodeIds: ['input', 'dense1'] });
const state = (value: 'ready' | 'running' | 'done' | 'failed'): EngineEvent => ({ type: 'state', state: value });
const progress: EngineEvent = { type: 'progress', epoch: 1, epochs: 3, step: 148, totalSteps: 420, samplesPerSecond: 900, secondsLeft: 20 };
const done: EngineEvent = { type: 'done', reason: 'finished', steps: 125, epochs: 5, losses: { loss: 0.1 } };

function fold(start: GraphRunsState, events: readonly EngineEvent[]): GraphRunsState {
  return events.reduce(receiveEvent, start);
}

/** X vs O trained to the end: 125 steps, 114 parameters. */
function finishedXo(): GraphRunsState {
  const hello: EngineEvent = { type: 'hello', protocolVersion: 1, backends: ['wasm', 'cpu'], crossOriginIsolated: true };
  const trained = beginTrain(fold(initialGraphRuns('xo#1'), [hello]));
  return fold(trained, [compiled(114), state('ready'), state('running'), steps(1, 125), progress, done, state('done')]);
}

describe('graph runs', () => {
  it('keeps a finished run on its graph while it is on screen, and ends its ownership at done', () => {
    const finished = finishedXo();
    expect(finished.owner).toBeNull();
    expect(shownModel(finished)).toMatchObject({ parameterCount: 114, state: 'done', done: { steps: 125 } });
    expect(shownModel(finished).curves.losses.loss.steps).toHaveLength(125);
  });

  it('opening another graph after a finished run shows a clean dock that keeps what the engine said of itself', () => {
    const lenet = showGraph(finishedXo(), 'lenet#2');
    const model = shownModel(lenet);
    expect(model).toMatchObject({ state: 'idle', parameterCount: null, progress: null, done: null, previousRuns: [], snapshots: [], run: 0 });
    expect(model.curves.losses).toEqual({});
    expect(model.backends).toEqual(['wasm', 'cpu']);
    expect(model.crossOriginIsolated).toBe(true);
  });

  it('gives a previous run only to its own graph: back on X vs O, its run is faint; on LeNet, nothing', () => {
    const back = showGraph(showGraph(finishedXo(), 'lenet#2'), 'xo#1');
    const model = shownModel(back);
    expect(model.state).toBe('idle');
    expect(model.previousRuns.map((run) => run.label)).toEqual(['Run 1']);
    expect(model.previousRuns[0].curves.losses.loss.steps).toHaveLength(125);
    expect(shownModel(showGraph(back, 'lenet#2')).previousRuns).toEqual([]);
    // The next run on X vs O is run 2; its start keeps run 1 as the one previous run.
    const again = beginTrain(back);
    expect(shownModel(again).run).toBe(2);
    expect(shownModel(again).previousRuns.map((run) => run.label)).toEqual(['Run 1']);
  });

  it('sends what is left of a run stopped for another graph to its own graph, not the dock on screen', () => {
    const mlp = fold(beginTrain(initialGraphRuns('mlp#3')), [compiled(101_770), state('running'), steps(1, 148), progress]);
    expect(runOnScreen(mlp)).toBe(true);
    const left = showGraph(leaveRun(mlp, true), 'sine#4');
    expect(runOnScreen(left)).toBe(false);
    expect(waitingForOther(left)).toBe(true);
    const after = fold(left, [steps(149, 150), progress, { ...done, reason: 'stopped', steps: 150 }, state('done')]);
    expect(shownModel(after)).toMatchObject({ state: 'idle', progress: null, parameterCount: null, done: null });
    expect(shownModel(after).curves.losses).toEqual({});
    expect(after.owner).toBeNull();
    expect(waitingForOther(after)).toBe(false);
    // The stopped run is settled on its own graph: its 150 steps are its previous run.
    const mlpModel = after.models['mlp#3'];
    expect(mlpModel.state).toBe('idle');
    expect(mlpModel.previousRuns[0].curves.losses.loss.steps).toHaveLength(150);
  });

  it('ends a Train abandoned while compiling at the compile\u2019s answer (no start follows)', () => {
    const compiling = beginTrain(initialGraphRuns('mlp#3'));
    const left = showGraph(leaveRun(compiling, false), 'sine#4');
    const after = fold(left, [compiled(101_770), state('ready')]);
    expect(after.owner).toBeNull();
    expect(shownModel(after).parameterCount).toBeNull();
    expect(after.models['mlp#3'].parameterCount).toBeNull();
  });

  it('keeps a started run\u2019s ownership through ready: it ends at done or failed', () => {
    const started = fold(beginTrain(initialGraphRuns('mlp#3')), [compiled(10), state('ready')]);
    expect(runOnScreen(started)).toBe(true);
    expect(fold(started, [state('failed')]).owner).toBeNull();
  });
});

describe('answers about a finished run', () => {
  it('go to the graph that ran, not the graph on screen (histograms of X vs O never reach LeNet)', () => {
    const lenet = showGraph(finishedXo(), 'lenet#2');
    const histograms: EngineEvent = { type: 'histograms', step: 125, epoch: 4, nodeId: 'conv2d1', parameters: [] };
    const watched: EngineEvent = { type: 'watched', step: 125, nodeId: 'conv2d1', sample: 0, tensor: { shape: [1, 2], data: new Float32Array(2).buffer } };
    const after = fold(lenet, [histograms, watched]);
    expect(shownModel(after).histograms).toEqual({});
    expect(shownModel(after).watched).toEqual({});
    expect(after.models['xo#1'].watched).toEqual({});
    expect(after.models['xo#1'].previousRuns).toHaveLength(1);
  });
});
