// The Learn panel's requests about training dynamics, over the engine client: a gradient study's
// start and stop with its reports, and an LSTM's values for one example. Their answers are events
// of their own (engine/protocol/learnDynamics.ts), matched here by study and request id.
import type { EngineEvent } from '../../engine/protocol/index.ts';
import type { EngineClient } from './engineClient.ts';

export type GradientStudyReport = Extract<EngineEvent, { type: 'gradientStudy' }>;
export type GradientStudyEnd = Extract<EngineEvent, { type: 'gradientStudyEnded' }>;
export type LstmCellAnswer = Extract<EngineEvent, { type: 'lstmCell' }>;

/** What a study tells its asker. */
export interface StudyListener {
  report(report: GradientStudyReport): void;
  ended(end: GradientStudyEnd): void;
}

let nextStudy = 1;
let nextCellRequest = 1;

/** Starts a gradient study in the worker; the function returned stops it (the panel closing). */
export function startGradientStudy(client: EngineClient, listener: StudyListener, steps?: number): () => void {
  const studyId = nextStudy++;
  let ended = false;
  const unsubscribe = client.subscribe((event) => {
    if (event.type === 'gradientStudy' && event.studyId === studyId) listener.report(event);
    if (event.type === 'gradientStudyEnded' && event.studyId === studyId) {
      ended = true;
      listener.ended(event);
    }
  });
  client.send({ type: 'gradientStudy', action: 'start', studyId, steps });
  return () => {
    if (!ended) client.send({ type: 'gradientStudy', action: 'stop', studyId });
    unsubscribe();
  };
}

/** An LSTM of the latest run over one dataset example (the first LSTM of its graph unless `nodeId` names one). */
export function askLstmCell(client: EngineClient, example: number, nodeId?: string): Promise<LstmCellAnswer> {
  const requestId = nextCellRequest++;
  return new Promise((resolve) => {
    const unsubscribe = client.subscribe((event) => {
      if (event.type !== 'lstmCell' || event.requestId !== requestId) return;
      unsubscribe();
      resolve(event);
    });
    client.send({ type: 'lstmCell', requestId, example, nodeId });
  });
}
