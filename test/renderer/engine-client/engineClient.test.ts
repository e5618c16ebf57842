// The engine client over a fake worker: requests go out, events reach subscribers, answers
// resolve their promise, and a crash or fatal problem rejects what is waiting.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.ts';
import { EngineClient, type WorkerPort } from '../../../renderer/engine-client/engineClient.ts';

function fakeWorker() {
  const sent: EngineRequest[] = [];
  const state = { terminated: false };
  const handlers: Record<string, ((value: never) => void)[]> = { message: [], error: [] };
  const port: WorkerPort = {
    postMessage: (message) => void sent.push(message),
    addEventListener: (type: string, listener: (value: never) => void) => void handlers[type].push(listener),
    terminate: () => void (state.terminated = true),
  } as WorkerPort;
  const emit = (event: EngineEvent) => handlers.message.forEach((listener) => listener({ data: event } as never));
  const crash = (message: string) => handlers.error.forEach((listener) => listener({ message } as never));
  return { port, sent, emit, crash, state };
}

describe('EngineClient', () => {
  it('sends requests and passes events to subscribers', () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const seen: string[] = [];
    const unsubscribe = client.subscribe((event) => seen.push(event.type));
    client.send({ type: 'pause' });
    worker.emit({ type: 'state', state: 'paused' });
    unsubscribe();
    worker.emit({ type: 'state', state: 'running' });
    expect(worker.sent).toEqual([{ type: 'pause' }]);
    expect(seen).toEqual(['state']);
  });

  it('replays the engine\'s hello to a subscriber that comes after it', () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    worker.emit({ type: 'hello', protocolVersion: 1, backends: ['wasm', 'cpu'], crossOriginIsolated: true });
    const seen: EngineEvent[] = [];
    client.subscribe((event) => seen.push(event));
    worker.emit({ type: 'state', state: 'idle' });
    expect(seen).toEqual([
      { type: 'hello', protocolVersion: 1, backends: ['wasm', 'cpu'], crossOriginIsolated: true },
      { type: 'state', state: 'idle' },
    ]);
  });

  it('resolves a probe with its answer, matched by request id', async () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const first = client.probe('conv1', [0]);
    const second = client.probe('dense1', [1]);
    const data = new Float32Array([1, 2]).buffer;
    worker.emit({ type: 'probed', requestId: 2, nodeId: 'dense1', tensor: { shape: [1, 2], data } });
    worker.emit({ type: 'probed', requestId: 1, nodeId: 'conv1', tensor: { shape: [1, 1], data } });
    expect((await second).nodeId).toBe('dense1');
    expect((await first).nodeId).toBe('conv1');
  });

  it('asks for examples and resolves with the answer, or rejects with the problem', async () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const cell = client.findExamples({ kind: 'cell', truth: 1, predicted: 0 }, 8);
    const wrong = client.findExamples({ kind: 'mostWrong' });
    expect(worker.sent).toEqual([
      { type: 'findExamples', requestId: 1, query: { kind: 'cell', truth: 1, predicted: 0 }, limit: 8 },
      { type: 'findExamples', requestId: 2, query: { kind: 'mostWrong' }, limit: undefined },
    ]);
    worker.emit({ type: 'examples', requestId: 1, query: { kind: 'cell', truth: 1, predicted: 0 }, step: 5, total: 0, validationCount: 10, examples: [], classNames: ['a', 'b'] });
    worker.emit({ type: 'problem', fatal: false, requestId: 2, problems: [{ message: 'There are no predictions yet: train first.' }] });
    expect((await cell).total).toBe(0);
    await expect(wrong).rejects.toThrow(/train first/);
  });

  it('replaces a crashed worker with a fresh one, so the next run goes to a live engine', () => {
    const first = fakeWorker();
    const second = fakeWorker();
    const client = new EngineClient(first.port, () => second.port);
    const problems: string[] = [];
    const states: string[] = [];
    client.subscribe((event) => {
      if (event.type === 'problem') problems.push(event.problems[0]?.message ?? '');
      if (event.type === 'state') states.push(event.state);
    });
    first.crash('out of memory');
    expect(first.state.terminated).toBe(true);
    expect(problems).toEqual(['The engine worker crashed: out of memory. A fresh engine is ready: press Train to start again.']);
    client.send({ type: 'pause' });
    expect(first.sent).toEqual([]);
    expect(second.sent).toEqual([{ type: 'pause' }]);
    first.emit({ type: 'state', state: 'running' });
    second.emit({ type: 'state', state: 'paused' });
    expect(states).toEqual(['paused']);
    expect(problems).toHaveLength(1);
  });

  it('a crashed worker becomes a fatal problem and rejects waiting requests', async () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const problems: EngineEvent[] = [];
    client.subscribe((event) => problems.push(event));
    const waiting = client.readWeights('dense1');
    worker.crash('out of memory');
    await expect(waiting).rejects.toThrow(/crashed: out of memory/);
    expect(problems[0]).toMatchObject({ type: 'problem', fatal: true });
  });
});
