// The Learn panel's gradient study: five small networks trained side by side in the worker, on
// the reference (cpu) backend so a user's run on another backend is left alone. The recurrent three
// see the same batches, the two MLPs the same batches; a few times a second the gradient norms of
// the step just taken go out as one `gradientStudy` event. One study per host; a start stops the
// one before, `stop` (the panel closed) ends it before its next step.
import { createRandom } from '../data/random.ts';
import { generateMoons } from '../data/builtin/moons.ts';
import type { EngineEvent, GradientCurve, LearnDynamicsRequest } from '../protocol/index.ts';
import {
  fillFirstStepBatch,
  fillPointsBatch,
  lossAndAccuracy,
  measuredNorms,
  mlpDocument,
  recurrentDocument,
  SEQUENCE_STEPS,
  STUDY_BATCH,
  studiedNetwork,
  type StudiedNetwork,
} from './learnGradientModels.ts';

/** Steps a study trains when the request names none. */
export const STUDY_STEPS = 1500;
/** Milliseconds between the norms sent to the panel. */
export const STUDY_REPORT_MS = 250;

export interface StudyDependencies {
  readonly send: (event: EngineEvent) => void;
  readonly yieldControl?: () => Promise<void>;
  /** The clock (tests give their own). */
  readonly now?: () => number;
}

/** Each host's study under way: its id, and whether it was asked to stop. */
const studies = new WeakMap<object, { readonly studyId: number; stopped: boolean }>();

export async function handleGradientStudy(owner: object, request: Extract<LearnDynamicsRequest, { type: 'gradientStudy' }>, dependencies: StudyDependencies): Promise<void> {
  const current = studies.get(owner);
  if (current !== undefined && (request.action === 'start' || current.studyId === request.studyId)) current.stopped = true;
  if (request.action === 'stop') return;
  const study = { studyId: request.studyId, stopped: false };
  studies.set(owner, study);
  const { studyId } = study;
  const total = request.steps ?? STUDY_STEPS;
  let step = 0;
  try {
    await trainStudy({
      total,
      deps: dependencies,
      stopped: () => study.stopped,
      progress: (done) => (step = done),
      report: (done, curves) => dependencies.send({ type: 'gradientStudy', studyId, step: done, totalSteps: total, curves }),
    });
    dependencies.send({ type: 'gradientStudyEnded', studyId, step, reason: study.stopped ? 'stopped' : 'finished' });
  } catch (cause) {
    const problem = `The gradient study stopped at step ${step}: ${cause instanceof Error ? cause.message : String(cause)}`;
    dependencies.send({ type: 'gradientStudyEnded', studyId, step, reason: 'failed', problem });
  } finally {
    if (studies.get(owner) === study) studies.delete(owner);
  }
}

interface StudyLoop {
  readonly total: number;
  readonly deps: StudyDependencies;
  readonly stopped: () => boolean;
  readonly progress: (done: number) => void;
  readonly report: (step: number, curves: GradientCurve[]) => void;
}

/** The study's networks with the batches they share. */
export function studyNetworks(): { recurrent: StudiedNetwork[]; mlps: StudiedNetwork[] } {
  return {
    recurrent: (['SimpleRNN', 'LSTM', 'GRU'] as const).map((type) => studiedNetwork(type, 'time', recurrentDocument(type))),
    mlps: (['Sigmoid', 'ReLU'] as const).map((activation) => studiedNetwork(`${activation} MLP`, 'depth', mlpDocument(activation))),
  };
}

/** Trains every network `total` steps (or until stopped), reporting every STUDY_REPORT_MS and after the last step; returns the steps taken. */
export async function trainStudy(loop: StudyLoop): Promise<number> {
  const now = loop.deps.now ?? (() => performance.now());
  const pause = loop.deps.yieldControl ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const { recurrent, mlps } = studyNetworks();
  const random = createRandom(11);
  const moons = generateMoons({ count: 1000, seed: 3, noise: 0.1 });
  const sequences = { inputs: new Float32Array(STUDY_BATCH * SEQUENCE_STEPS), labels: new Float32Array(STUDY_BATCH) };
  const points = { inputs: new Float32Array(STUDY_BATCH * 2), labels: new Int32Array(STUDY_BATCH) };
  let lastReport = Number.NEGATIVE_INFINITY;
  let step = 0;
  try {
    while (step < loop.total && !loop.stopped()) {
      fillFirstStepBatch(random, sequences.inputs, sequences.labels);
      fillPointsBatch(random, moons, points.inputs, points.labels);
      for (const network of recurrent) trainOn(network, sequences);
      for (const network of mlps) trainOn(network, points);
      step++;
      loop.progress(step);
      if (step === loop.total || now() - lastReport >= STUDY_REPORT_MS) {
        lastReport = now();
        loop.report(step, [...(await curvesOf(recurrent, sequences.labels)), ...(await curvesOf(mlps, points.labels))]);
      }
      await pause();
    }
  } finally {
    for (const network of [...recurrent, ...mlps]) network.model.dispose();
  }
  return step;
}

/** Writes a batch into a network's input and target and takes one training step. */
export function trainOn(network: StudiedNetwork, batch: { inputs: Float32Array; labels: Float32Array | Int32Array }): void {
  network.model.write(network.model.inputBuffer('input'), batch.inputs);
  network.model.write(network.model.targetBuffer(), batch.labels);
  network.trainer.advance();
}

async function curvesOf(networks: readonly StudiedNetwork[], labels: Float32Array | Int32Array): Promise<GradientCurve[]> {
  const curves: GradientCurve[] = [];
  for (const network of networks) {
    const { loss, accuracy } = await lossAndAccuracy(network.model, labels);
    curves.push({ name: network.name, kind: network.kind, norms: await measuredNorms(network), loss, accuracy });
  }
  return curves;
}
