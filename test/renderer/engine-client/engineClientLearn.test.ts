// The client's Learn panel requests: numbered, answered by their own events, their problems
// rejecting the asker only (the dock never sees them).
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

describe('EngineClient learn requests', () => {
  it('resolves inferExamples with its answer and rejects binActivationInputs with its problem, both kept from the dock', async () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const seen: string[] = [];
    client.subscribe((event) => seen.push(event.type));
    const inferred = client.inferExamples({ document: {}, weights: 'initial', examples: [{ label: 0 }], nodeIds: ['conv2d1'], parameterNodeIds: [] });
    const binned = client.binActivationInputs({ nodeId: 'relu1', from: -6, to: 6, bins: 4, regions: [] });
    expect(worker.sent.map((request) => [request.type, 'requestId' in request ? request.requestId : null])).toEqual([['inferExamples', 1], ['binActivationInputs', 2]]);
    worker.emit({ type: 'examplesInferred', requestId: 1, weights: 'initial', steps: 0, examples: [{ index: 0, label: 0, className: 'X' }], outputs: {}, parameters: {} });
    worker.emit({ type: 'problem', requestId: 2, fatal: false, problems: [{ message: 'Nothing has trained yet: press Train, and the histogram follows the run.' }] });
    expect((await inferred).examples[0].className).toBe('X');
    await expect(binned).rejects.toThrow('Nothing has trained yet');
    expect(seen).toEqual([]);
  });
});
