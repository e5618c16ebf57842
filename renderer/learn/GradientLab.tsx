// Vanishing and exploding gradients, measured: five small networks train in the engine worker
// while this lab is open (a SimpleRNN, an LSTM and a GRU of 16 units on one sequence task; a
// 10-layer MLP with sigmoids and one with ReLUs on the two moons) and their gradient norms per
// time step and per layer are drawn as they arrive. Closing the lab stops the study.
import { useCallback, useEffect, useState } from 'react';
import type { GradientCurve } from '../../engine/protocol/index.ts';
import { startGradientStudy, type GradientStudyEnd, type GradientStudyReport } from '../engine-client/learnDynamics.ts';
import { curveClass, GradientChart } from './GradientChart.tsx';
import { reachSentence } from './gradientStudy.ts';
import { Subscripted } from './Subscripted.tsx';
import { useLearnEngine } from './learnEngine.ts';

interface StudyState {
  readonly first: GradientStudyReport | null;
  readonly latest: GradientStudyReport | null;
  readonly end: GradientStudyEnd | null;
}

const EMPTY: StudyState = { first: null, latest: null, end: null };

/** Runs a study while `running` (and the lab is open): its first and latest reports, and how it ended. */
function useGradientStudy(running: boolean, run: number): StudyState {
  const engine = useLearnEngine();
  const [state, setState] = useState<StudyState>(EMPTY);
  useEffect(() => {
    if (engine === null || !running) return undefined;
    setState(EMPTY);
    return startGradientStudy(engine.client(), {
      report: (report) => setState((previous) => ({ first: previous.first ?? report, latest: report, end: null })),
      ended: (end) => setState((previous) => ({ ...previous, end })),
    });
  }, [engine, running, run]);
  return state;
}

function Legend({ curves }: { curves: readonly GradientCurve[] }) {
  return (
    <ul className="learn-legend">
      {curves.map((curve) => (
        <li key={curve.name}>
          <span className={`learn-legend-key ${curveClass(curve.name)}`} />
          {curve.name}
          <span className="learn-legend-loss">
            loss {curve.loss.toFixed(3)}
            {curve.accuracy === undefined ? '' : ` · ${Math.round(curve.accuracy * 100)}% right`}
          </span>
        </li>
      ))}
    </ul>
  );
}

const TIME_NOTE = 'Each network reads 30 random values and must output the first one, so only step 1 matters. Far below 1, almost nothing reaches step 1 for its weights to learn from; above 1, step 1 moves the loss more than the last step: the network has learned that step 1 is the one that counts. The LSTM starts with its forget gate\'s bias at 1, as Keras starts it; all three train with Adam.';
const DEPTH_NOTE = 'Ten Dense layers of 16 units, then the output layer, on the two moons, trained with plain SGD. A sigmoid\'s derivative is at most 0.25, so every layer back multiplies the gradient by a quarter or less; ReLU\'s is 1 where a unit is active.';

function ChartColumn({ kind, curves, start, title, note }: { kind: GradientCurve['kind']; curves: readonly GradientCurve[]; start: readonly GradientCurve[]; title: string; note: string }) {
  const shown = curves.filter((curve) => curve.kind === kind);
  return (
    <div className="learn-chart-column">
      <GradientChart title={title} curves={shown} start={start.filter((curve) => curve.kind === kind)} testId={`gradient-${kind}`} />
      <Legend curves={shown} />
      <p className="learn-note">{note}</p>
      <p className="learn-reach" data-testid={`gradient-${kind}-reach`}>
        <Subscripted text={reachSentence(shown)} />
      </p>
    </div>
  );
}

function statusText(state: StudyState, running: boolean): string {
  const { latest, end } = state;
  if (end?.reason === 'failed') return end.problem ?? 'The study failed.';
  if (end !== null) return `${end.reason === 'finished' ? 'Finished' : 'Stopped'} after ${end.step} steps.`;
  if (!running) return latest === null ? 'Stopped.' : `Stopped at step ${latest.step}.`;
  if (latest === null) return 'Building the five networks in the engine…';
  return `Training in the engine: step ${latest.step} of ${latest.totalSteps}.`;
}

export function GradientLab() {
  const engine = useLearnEngine();
  const [running, setRunning] = useState(true);
  const [run, setRun] = useState(0);
  const state = useGradientStudy(running, run);
  const restart = useCallback(() => {
    setRunning(true);
    setRun((count) => count + 1);
  }, []);
  const curves = state.latest?.curves ?? [];
  const start = state.first?.curves ?? [];
  const live = running && state.end === null;
  return (
    <section className="learn-lab" aria-label="Gradient lab">
      <p className="learn-lead">
        Backpropagation multiplies the gradient by one factor for every time step or layer it goes back through. Factors below 1 make it shrink exponentially (it vanishes: the early steps and layers stop learning); above 1 it grows (it explodes). Five small networks are training in Netloom&apos;s engine right now; each chart shows how much of the gradient reaches each step or layer, relative to the one nearest the loss, on a log scale.
      </p>
      {engine === null ? (
        <p className="learn-problem">This lab needs the engine: open the Learn panel from the app.</p>
      ) : (
        <>
          <div className="learn-controls">
            <button type="button" className="learn-button" onClick={live ? () => setRunning(false) : restart} data-testid="gradient-toggle">
              {live ? 'Stop' : 'Train again'}
            </button>
            <span className={state.end?.reason === 'failed' ? 'learn-problem' : 'learn-step-count'} data-testid="gradient-status">
              {statusText(state, running)}
            </span>
          </div>
          <div className="learn-row">
            <ChartColumn kind="time" curves={curves} start={start} title="Through time: ‖∂L/∂x_t‖ ÷ ‖∂L/∂x_30‖ (time step t)" note={TIME_NOTE} />
            <ChartColumn kind="depth" curves={curves} start={start} title="Through depth: ‖∂L/∂W_l‖ ÷ ‖∂L/∂W_11‖ (layer l)" note={DEPTH_NOTE} />
          </div>
          <p className="learn-note">Solid: now. Dashed: at the first step. Measured on the batch of the latest step.</p>
        </>
      )}
    </section>
  );
}
