// The Learn panel's dynamics requests over a fake worker: a study's reports reach only its own
// listener and stopping it asks the worker to stop; an LSTM cell answer resolves its own request.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest, GradientCurve } from '../../../engine/protocol/index.ts';
import { EngineClient, type WorkerPort } from '../../../renderer/engine-client/engineClient.ts';
import { askLstmCell, startGradientStudy } from '../../../renderer/engine-client/learnDynamics.ts';

function fakeWorker() {
  const sent: EngineRequest[] = [];
  const listeners: ((message: MessageEvent<EngineEvent>) => void)[] = [];
  const port = {
    postMessage: (message: EngineRequest) => void sent.push(message),
    addEventListener: (type: string, listener: (message: MessageEvent<EngineEvent>) => void) => {
      if (type === 'message') listeners.push(listener);
    },
    terminate: () => undefined,
  } as WorkerPort;
  const emit = (event: EngineEvent) => listeners.forEach((listener) => listener({ data: event } as MessageEvent<EngineEvent>));
  return { port, sent, emit };
}

const curve: GradientCurve = { name: 'LSTM', kind: 'time', norms: [0.1, 1], loss: 0.3 };

describe('learn dynamics requests', () => {
  it('starts a study, hears only its reports, and stops it', () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const steps: number[] = [];
    const stop = startGradientStudy(client, { report: (report) => steps.push(report.step), ended: () => steps.push(-1) }, 40);
    const start = worker.sent[0];
    expect(start).toMatchObject({ type: 'gradientStudy', action: 'start', steps: 40 });
    const studyId = start.type === 'gradientStudy' ? start.studyId : -1;
    worker.emit({ type: 'gradientStudy', studyId, step: 5, totalSteps: 40, curves: [curve] });
    worker.emit({ type: 'gradientStudy', studyId: studyId + 100, step: 6, totalSteps: 40, curves: [curve] });
    stop();
    worker.emit({ type: 'gradientStudy', studyId, step: 7, totalSteps: 40, curves: [curve] });
    expect(steps).toEqual([5]);
    expect(worker.sent[1]).toEqual({ type: 'gradientStudy', action: 'stop', studyId });
  });

  it('does not ask a study that ended to stop', () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const ends: string[] = [];
    const stop = startGradientStudy(client, { report: () => undefined, ended: (end) => ends.push(end.reason) });
    const start = worker.sent[0];
    const studyId = start.type === 'gradientStudy' ? start.studyId : -1;
    worker.emit({ type: 'gradientStudyEnded', studyId, step: 1500, reason: 'finished' });
    stop();
    expect(ends).toEqual(['finished']);
    expect(worker.sent).toHaveLength(1);
  });

  it('resolves an LSTM cell request with its own answer', async () => {
    const worker = fakeWorker();
    const client = new EngineClient(worker.port);
    const answer = askLstmCell(client, 12);
    const request = worker.sent[0];
    expect(request).toMatchObject({ type: 'lstmCell', example: 12 });
    const requestId = request.type === 'lstmCell' ? request.requestId : -1;
    const reply = { type: 'lstmCell', graph: 'Sine LSTM', nodeId: 'lstm1', layers: ['lstm1'], example: 12, exampleCount: 1000, step: 40 } as const;
    worker.emit({ ...reply, requestId: requestId + 1, problem: 'not this one' });
    worker.emit({ ...reply, requestId });
    await expect(answer).resolves.toEqual({ ...reply, requestId });
  });
});
