// The client's export requests: their progress reaches the asker, their answers and problems
// resolve or reject it, and none of it reaches the run's subscribers (the dock).
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.ts';
import { EngineClient, type WorkerPort } from '../../../renderer/engine-client/engineClient.ts';

function fakeWorker() {
  const sent: EngineRequest[] = [];
  const listeners: ((value: never) => void)[] = [];
  const port = {
    postMessage: (message: EngineRequest) => void sent.push(message),
    addEventListener: (type: string, listener: (value: never) => void) => void (type === 'message' && listeners.push(listener)),
    terminate: () => undefined,
  } as WorkerPort;
  const emit = (event: EngineEvent) => listeners.forEach((listener) => listener({ data: event } as never));
  return { port, sent, emit };
}

describe('EngineClient exports', () => {
  it('hears the progress and the files of an export, and keeps them from the dock', async () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const seen: string[] = [];
    client.subscribe((event) => seen.push(event.type));
    const stages: string[] = [];
    const answer = client.exportGraph({ nodes: [] }, { format: 'onnx', weights: { kind: 'initial' } }, (stage) => stages.push(stage));
    expect(worker.sent).toEqual([{ type: 'export', requestId: 1, document: { nodes: [] }, format: 'onnx', weights: { kind: 'initial' } }]);
    worker.emit({ type: 'exportProgress', requestId: 1, stage: 'Building the ONNX models' });
    worker.emit({ type: 'exported', requestId: 1, files: [], weights: 'the initial weights (seeded, untrained)' });
    worker.emit({ type: 'state', state: 'idle' });
    expect((await answer).weights).toBe('the initial weights (seeded, untrained)');
    expect(stages).toEqual(['Building the ONNX models']);
    expect(seen).toEqual(['state']);
  });

  it("rejects with the worker's problem, which the dock never shows", async () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const seen: string[] = [];
    client.subscribe((event) => seen.push(event.type));
    const answer = client.pytorchCode({});
    worker.emit({ type: 'problem', requestId: 1, fatal: false, problems: [{ message: 'The graph has a problem (node dense1): no input.' }] });
    await expect(answer).rejects.toThrow('The graph has a problem (node dense1): no input.');
    const probe = client.probe('dense1', [0]);
    worker.emit({ type: 'problem', requestId: 2, fatal: false, problems: [{ message: 'Node dense1 has no output yet: start a run first.' }] });
    await expect(probe).rejects.toThrow('start a run first');
    expect(seen).toEqual(['problem']);
  });
});
