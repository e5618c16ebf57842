// The engine client's requests for the generative labs: each goes out with its own id, its answer
// resolves it without reaching the run's subscribers, and a problem naming it rejects it.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.ts';
import { EngineClient, type WorkerPort } from '../../../renderer/engine-client/engineClient.ts';

function fakeWorker() {
  const sent: EngineRequest[] = [];
  const listeners: ((message: { data: EngineEvent }) => void)[] = [];
  const port = {
    postMessage: (message: EngineRequest) => void sent.push(message),
    addEventListener: (type: string, listener: (message: { data: EngineEvent }) => void) => void (type === 'message' && listeners.push(listener)),
    terminate: () => undefined,
  } as unknown as WorkerPort;
  return { port, sent, emit: (event: EngineEvent) => listeners.forEach((listener) => listener({ data: event })) };
}

describe('EngineClient and the generative labs', () => {
  it('asks for latent codes, decodes and snapshots quietly, each answer resolving its own request', async () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const seen: string[] = [];
    client.subscribe((event) => seen.push(event.type));
    const codes = client.latentCodes(500);
    const decoded = client.decodeLatent([0.5, -1]);
    const snapshot = client.ganSnapshot(24);
    expect(worker.sent).toEqual([
      { type: 'latentCodes', requestId: 1, count: 500 },
      { type: 'decodeLatent', requestId: 2, points: [0.5, -1], projection: undefined },
      { type: 'ganSnapshot', requestId: 3, gridSize: 24 },
    ]);
    const images = { count: 1, height: 1, width: 1, channels: 1, data: new ArrayBuffer(4) };
    worker.emit({ type: 'decoded', requestId: 2, images, points: new ArrayBuffer(8) });
    const bounds = { xMin: 0, xMax: 1, yMin: 0, yMax: 1 };
    worker.emit({ type: 'latent', requestId: 1, step: 9, codeSize: 2, count: 0, points: new ArrayBuffer(0), labels: [], classNames: [], indices: [], projection: null, bounds });
    worker.emit({ type: 'problem', problems: [{ message: 'The GAN lab reads a GAN\'s run: press Train on a GAN graph first.' }], fatal: false, requestId: 3 });
    expect((await decoded).images.count).toBe(1);
    expect((await codes).step).toBe(9);
    await expect(snapshot).rejects.toThrow('press Train on a GAN graph first');
    expect(seen).toEqual([]);
  });
});
