import { describe, expect, it } from 'vitest';
import { FrameBatcher } from '../../../renderer/dashboard/frameBatcher.ts';
import { RunStarter, shouldProbe, watchRequest } from '../../../renderer/dashboard/runStarter.ts';

describe('RunStarter', () => {
  it('compiles, then starts with the settings once compiled', () => {
    const starter = new RunStarter();
    const document = { format: 'netloom.graph' };
    expect(starter.begin(document, { epochs: 3 })).toEqual({ type: 'compile', document, backend: 'auto' });
    expect(starter.starting).toBe(true);
    expect(starter.receive({ type: 'state', state: 'compiling' })).toBeNull();
    expect(starter.receive({ type: 'compiled', backend: 'cpu', parameterCount: 10, nodeIds: [] })).toEqual({ type: 'start', settings: { epochs: 3 } });
    expect(starter.starting).toBe(false);
    expect(starter.receive({ type: 'compiled', backend: 'cpu', parameterCount: 10, nodeIds: [] })).toBeNull();
  });

  it('compiles on the backend the settings force, and starts the run on it', () => {
    const starter = new RunStarter();
    expect(starter.begin({}, { epochs: 2, backend: 'cpu' })).toEqual({ type: 'compile', document: {}, backend: 'cpu' });
    expect(starter.receive({ type: 'compiled', backend: 'cpu', parameterCount: 1, nodeIds: [] })).toEqual({ type: 'start', settings: { epochs: 2, backend: 'cpu' } });
  });

  it('drops the start when compiling fails', () => {
    const starter = new RunStarter();
    starter.begin({}, {});
    expect(starter.receive({ type: 'problem', problems: [{ message: 'bad' }], fatal: true })).toBeNull();
    expect(starter.starting).toBe(false);
    expect(starter.receive({ type: 'compiled', backend: 'cpu', parameterCount: 1, nodeIds: [] })).toBeNull();
    starter.begin({}, {});
    starter.receive({ type: 'problem', problems: [{ message: 'warning' }], fatal: false });
    expect(starter.starting).toBe(true);
    starter.receive({ type: 'state', state: 'failed' });
    expect(starter.starting).toBe(false);
  });

  it('watches the selected node and probes only while the run rests', () => {
    expect(watchRequest('conv1')).toEqual({ type: 'watch', nodeIds: ['conv1'], sample: 0 });
    expect(watchRequest(null)).toEqual({ type: 'watch', nodeIds: [], sample: 0 });
    expect(shouldProbe('paused', ['conv1'], 'conv1')).toBe(true);
    expect(shouldProbe('done', ['conv1'], 'conv1')).toBe(true);
    expect(shouldProbe('running', ['conv1'], 'conv1')).toBe(false);
    expect(shouldProbe('paused', ['conv1'], 'dense9')).toBe(false);
    expect(shouldProbe('paused', ['conv1'], null)).toBe(false);
  });
});

describe('FrameBatcher', () => {
  function manualFrames() {
    const pending: (() => void)[] = [];
    const schedule = (callback: () => void) => {
      pending.push(callback);
      return () => pending.splice(pending.indexOf(callback), 1);
    };
    return { schedule, runFrame: () => pending.splice(0).forEach((callback) => callback()), pending };
  }

  it('delivers everything pushed within a frame as one batch', () => {
    const frames = manualFrames();
    const batches: number[][] = [];
    const batcher = new FrameBatcher<number>((items) => batches.push([...items]), frames.schedule);
    batcher.push(1);
    batcher.push(2);
    batcher.push(3);
    expect(frames.pending.length).toBe(1);
    frames.runFrame();
    batcher.push(4);
    frames.runFrame();
    frames.runFrame();
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('drains for a caller that applies the queue itself, and disposes', () => {
    const frames = manualFrames();
    const batches: number[][] = [];
    const batcher = new FrameBatcher<number>((items) => batches.push([...items]), frames.schedule);
    batcher.push(1);
    expect(batcher.drain()).toEqual([1]);
    expect(frames.pending.length).toBe(0);
    batcher.push(2);
    batcher.dispose();
    frames.runFrame();
    expect(batches).toEqual([]);
  });
});
