// Weights loaded from a checkpoint file: the next Train on that graph starts from them (the start
// request carries a copy), only once and only on that graph; the dock says where they came from;
// and a graph's run counts as exportable only once the engine's run is that graph's and has trained.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.ts';
import { GraphRunsStore } from '../../../renderer/dashboard/graphRunsStore.ts';
import { weightsNoteText } from '../../../renderer/dashboard/WeightsNote.tsx';
import { EngineClient, type WorkerPort } from '../../../renderer/engine-client/engineClient.ts';
import { steps } from './events.ts';

function fakeEngine() {
  const sent: EngineRequest[] = [];
  const listeners: ((message: MessageEvent<EngineEvent>) => void)[] = [];
  const port = {
    postMessage: (message: EngineRequest) => void sent.push(message),
    addEventListener: (type: string, listener: (message: MessageEvent<EngineEvent>) => void) => void (type === 'message' && listeners.push(listener)),
    terminate: () => undefined,
  } as unknown as WorkerPort;
  const frames: (() => void)[] = [];
  const emit = (...events: EngineEvent[]) => {
    events.forEach((event) => listeners.forEach((listener) => listener({ data: event } as MessageEvent<EngineEvent>)));
    frames.splice(0).forEach((frame) => frame());
  };
  const runs = new GraphRunsStore(
    () => new EngineClient(port),
    (callback) => {
      frames.push(callback);
      return () => undefined;
    },
  );
  runs.connect();
  return { runs, sent, emit };
}

const compiled: EngineEvent = { type: 'compiled', backend: 'cpu', description: 'CPU', threads: 1, parameterCount: 114, nodeIds: ['input'] };

describe('weights loaded from a checkpoint', () => {
  it('go with the next Train of their graph only, as a copy', () => {
    const engine = fakeEngine();
    engine.runs.show('xo#1');
    const data = Uint8Array.of(1, 2, 3, 4).buffer;
    engine.runs.loadWeights({ name: 'x.ckpt', steps: 30, data });
    expect(engine.runs.getView().weights).toEqual({ name: 'x.ckpt', steps: 30, pending: true });
    expect(engine.runs.pendingWeights()?.name).toBe('x.ckpt');
    engine.runs.train({ nodes: [] }, { steps: 5 });
    engine.emit(compiled);
    const start = engine.sent.find((request) => request.type === 'start');
    expect(start?.type === 'start' && [...new Uint8Array(start.checkpoint ?? new ArrayBuffer(0))]).toEqual([1, 2, 3, 4]);
    expect(start?.checkpoint).not.toBe(data);
    expect(engine.runs.getView().weights).toEqual({ name: 'x.ckpt', steps: 30, pending: false });
    expect(engine.runs.pendingWeights()).toBeNull();
    engine.emit({ type: 'state', state: 'done' });
    engine.runs.train({ nodes: [] }, { steps: 5 });
    engine.emit(compiled);
    const starts = engine.sent.filter((request) => request.type === 'start');
    expect(starts).toHaveLength(2);
    expect(starts[1]).toEqual({ type: 'start', settings: { steps: 5 } });
    engine.runs.show('lenet#2');
    expect(engine.runs.getView().weights).toBeNull();
  });

  it('say in the dock where the weights came from', () => {
    expect(weightsNoteText({ name: 'x.ckpt', steps: 30, pending: true })).toBe('Weights loaded from x.ckpt (saved at step 30): Train continues from them.');
    expect(weightsNoteText({ name: 'x.ckpt', steps: 30, pending: false })).toBe('This run started from the weights in x.ckpt (saved at step 30).');
  });

  it("count the engine's run as the graph's only once it trained that graph", () => {
    const engine = fakeEngine();
    engine.runs.show('xo#1');
    expect(engine.runs.hasRunOnScreen()).toBe(false);
    engine.runs.train({ nodes: [] }, {});
    engine.emit(compiled, { type: 'state', state: 'running' }, steps(1, 12));
    expect(engine.runs.hasRunOnScreen()).toBe(true);
    engine.emit({ type: 'done', reason: 'finished', steps: 12, epochs: 1, losses: {} }, { type: 'state', state: 'done' });
    engine.runs.show('lenet#2');
    expect(engine.runs.hasRunOnScreen()).toBe(false);
  });
});
