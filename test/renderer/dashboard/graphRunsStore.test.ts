// The store over a fake engine: Train compiles then starts; leaving a training graph stops the run
// (or, mid-compile, sends no start); Train on the next graph waits for the stopped run to end; and a
// graph's identity is its source and structure when opened, kept through edits.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.ts';
import { EngineClient, type WorkerPort } from '../../../renderer/engine-client/engineClient.ts';
import { graphIdentity, hashText, IdentityKeeper } from '../../../renderer/dashboard/graphIdentity.ts';
import { GraphRunsStore } from '../../../renderer/dashboard/graphRunsStore.ts';
import { example } from '../documents.ts';
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
  // Each emit is one frame: its events are applied together when it ends.
  const emit = (...events: EngineEvent[]) => {
    events.forEach((event) => listeners.forEach((listener) => listener({ data: event } as MessageEvent<EngineEvent>)));
    frames.splice(0).forEach((frame) => frame());
  };
  const runs = new GraphRunsStore(
    () => new EngineClient(port),
    (callback) => {
      frames.push(callback);
      return () => {
        const index = frames.indexOf(callback);
        if (index >= 0) frames.splice(index, 1);
      };
    },
  );
  runs.connect();
  return { runs, sent, emit, types: () => sent.map((request) => request.type) };
}

const compiled: EngineEvent = { type: 'compiled', backend: 'cpu', description: 'CPU', threads: 1, parameterCount: 114, nodeIds: ['input'] };

describe('GraphRunsStore', () => {
  it('stops the run on screen when another graph opens, and holds Train on that graph until the run ends', () => {
    const engine = fakeEngine();
    engine.runs.show('xo#1');
    engine.runs.train({ graph: 'xo' }, { epochs: 400 });
    engine.emit(compiled, { type: 'state', state: 'ready' });
    expect(engine.types()).toEqual(['compile', 'start']);
    engine.emit({ type: 'state', state: 'running' }, steps(1, 40));
    expect(engine.runs.runGoing()).toBe(true);
    engine.runs.stopForLeaving();
    engine.runs.show('lenet#2');
    expect(engine.types()).toEqual(['compile', 'start', 'stop']);
    expect(engine.runs.runGoing()).toBe(false);
    expect(engine.runs.getView()).toMatchObject({ graph: 'lenet#2', waiting: true, model: { state: 'idle', parameterCount: null } });
    engine.runs.train({ graph: 'lenet' }, {});
    expect(engine.types()).toHaveLength(3);
    engine.emit(steps(41, 42), { type: 'done', reason: 'stopped', steps: 42, epochs: 0, losses: {} }, { type: 'state', state: 'done' });
    expect(engine.runs.getView()).toMatchObject({ waiting: false, model: { state: 'idle', curves: { losses: {} } } });
    engine.runs.train({ graph: 'lenet' }, {});
    expect(engine.types()).toEqual(['compile', 'start', 'stop', 'compile']);
  });

  it('sends no start for a Train left while its graph compiles, and no stop', () => {
    const engine = fakeEngine();
    engine.runs.show('xo#1');
    engine.runs.train({ graph: 'xo' }, {});
    engine.runs.stopForLeaving();
    engine.runs.show('lenet#2');
    engine.emit(compiled, { type: 'state', state: 'ready' });
    expect(engine.types()).toEqual(['compile']);
    expect(engine.runs.getView()).toMatchObject({ waiting: false, model: { parameterCount: null } });
  });
});

describe('graph identity', () => {
  it('hashes text with FNV-1a', () => {
    // Reference values of 32-bit FNV-1a.
    expect(hashText('')).toBe('811c9dc5');
    expect(hashText('a')).toBe('e40c292c');
  });

  it('is the file (else the graph\u2019s name) and its structure, not its positions', () => {
    const xo = example('xo-cnn').document;
    const moved = { ...xo, nodes: xo.nodes.map((node) => ({ ...node, position: { x: node.position.x + 50, y: 0 } })) };
    expect(graphIdentity(moved, null, 1)).toBe(graphIdentity(xo, null, 2));
    expect(graphIdentity(xo, null, 1)).toMatch(/^X vs O CNN#[0-9a-f]{8}$/);
    expect(graphIdentity(xo, 'xo.json', 1)).toMatch(/^xo\.json#/);
    const wider = { ...xo, nodes: xo.nodes.map((node) => (node.type === 'Dense' ? { ...node, params: { ...node.params, units: 7 } } : node)) };
    expect(graphIdentity(wider, null, 1)).not.toBe(graphIdentity(xo, null, 1));
    expect(graphIdentity({ ...xo, nodes: xo.nodes.slice(0, 1), edges: [] }, null, 4)).toBe('new graph 4');
  });

  it('keeps an opening\u2019s identity through its edits', () => {
    const keeper = new IdentityKeeper();
    const xo = example('xo-cnn').document;
    const first = keeper.identityOf(xo, null, 3);
    expect(keeper.identityOf({ ...xo, nodes: xo.nodes.slice(1) }, null, 3)).toBe(first);
    expect(keeper.identityOf({ ...xo, nodes: xo.nodes.slice(1) }, null, 4)).not.toBe(first);
  });
});
