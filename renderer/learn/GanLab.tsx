// The GAN lab: the discriminator's mean verdict on real and generated examples and both losses over
// time, warnings with their reasons when one side overpowers the other or the samples collapse,
// and for 2-D data the discriminator's heat map under the points with the generator's warped noise
// grid; a one-step mode pauses the run and trains one discriminator step, then one generator step.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineEvent, GanPlane } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { appendRow, ganWarnings, lossAt, type GanRow } from './ganDynamics.ts';
import { GanPlaneView } from './GanPlaneView.tsx';
import { LineChart } from './LineChart.tsx';
import { useRunAnswer, useRunView, type LabRuns, type LabSeries } from './useRunAnswer.ts';

/** Points per side of the heat map's and the warped grid's grids. */
export const GAN_GRID = 32;

const REAL_COLOUR = '#2ea05c';
const FAKE_COLOUR = '#9652be';

function Controls({ client, state, step }: { client: EngineClient; state: string; step: number }) {
  const oneStep = () => {
    if (state === 'running') client.send({ type: 'pause' });
    client.send({ type: 'step' });
  };
  return (
    <div className="learn-steps">
      {state === 'running' ? (
        <button type="button" onClick={() => client.send({ type: 'pause' })}>
          Pause
        </button>
      ) : (
        <button type="button" disabled={state !== 'paused'} onClick={() => client.send({ type: 'resume' })}>
          Resume
        </button>
      )}
      <button type="button" disabled={state !== 'paused' && state !== 'running'} onClick={oneStep} data-testid="gan-one-step" title="Pause, then train one discriminator step and one generator step">
        One step (D, then G)
      </button>
      <span className="learn-step-count" data-testid="gan-step">
        Step {step} · {state}
      </span>
    </div>
  );
}

type Snapshot = Extract<EngineEvent, { type: 'ganState' }>;

const LEAD = 'A GAN trains two networks against each other: the discriminator D learns to score real examples 1 and generated ones 0, the generator G learns to make examples D scores 1.';

/** The lab's history: a row per snapshot, with the losses the dashboard's curves hold at its step. */
function useGanRows(snapshot: Snapshot | null, losses: Readonly<Record<string, LabSeries>> | undefined): GanRow[] {
  const [rows, setRows] = useState<GanRow[]>([]);
  const latest = useRef(losses);
  latest.current = losses;
  useEffect(() => {
    if (snapshot === null) return;
    const generator = lossAt(latest.current?.generator, snapshot.step);
    const discriminator = lossAt(latest.current?.discriminator, snapshot.step);
    setRows((previous) => appendRow(previous, snapshot, { generator, discriminator }));
  }, [snapshot]);
  return rows;
}

export function GanLab({ runs }: { runs?: LabRuns }) {
  const view = useRunView(runs);
  const ask = useCallback((engine: EngineClient) => engine.ganSnapshot(GAN_GRID), []);
  const { answer: snapshot, error } = useRunAnswer(view, ask, 1000);
  const rows = useGanRows(snapshot, view?.model.curves.losses);
  const client = view?.client ?? null;
  if (view === null || client === null || snapshot === null) {
    return (
      <section className="learn-lab" aria-label="GAN lab">
        <p className="learn-lead">{LEAD}</p>
        <p className="learn-note" data-testid="gan-waiting">
          {error ?? 'Train a GAN to see its dynamics here: open the example “GAN on a ring of Gaussians” from the start page and press Train.'}
        </p>
      </section>
    );
  }
  return (
    <section className="learn-lab" aria-label="GAN lab">
      <p className="learn-lead">{LEAD} At the balance D scores both sides 0.5: it can no longer tell them apart.</p>
      <Controls client={client} state={view.model.state} step={view.model.lastStep} />
      <Scores snapshot={snapshot} losses={view.model.curves.losses} />
      <div className="learn-warnings" data-testid="gan-warnings">
        {ganWarnings(rows).map((warning) => (
          <div key={warning.kind} className="learn-warning" role="status" data-kind={warning.kind}>
            <strong>{warning.title}.</strong> {warning.explanation}
          </div>
        ))}
      </div>
      <div className="learn-row">
        {snapshot.plane !== null && <PlaneFigure plane={snapshot.plane} />}
        <Charts rows={rows} losses={view.model.curves.losses} />
      </div>
      {error !== null && <p className="learn-problem">{error}</p>}
    </section>
  );
}

function Scores({ snapshot, losses: curves }: { snapshot: Snapshot; losses: Readonly<Record<string, LabSeries>> }) {
  const [generator, discriminator] = [lossAt(curves.generator, snapshot.step), lossAt(curves.discriminator, snapshot.step)];
  const losses = Number.isFinite(generator) && Number.isFinite(discriminator) ? ` · loss G ${generator.toFixed(3)}, D ${discriminator.toFixed(3)}` : '';
  return (
    <p className="learn-formula" data-testid="gan-scores">
      Step {snapshot.step}: D(real) = {snapshot.realScore.toFixed(3)} · D(fake) = {snapshot.fakeScore.toFixed(3)}
      {losses} · spread of the samples {(snapshot.generatedSpread / snapshot.realSpread).toFixed(2)}× the data&apos;s
      {snapshot.modes !== null && ` · modes covered ${snapshot.modes.covered} of ${snapshot.modes.total}`}
    </p>
  );
}

function PlaneFigure({ plane }: { plane: GanPlane }) {
  const [showGrid, setShowGrid] = useState(true);
  return (
    <figure className="learn-grid-figure">
      <GanPlaneView plane={plane} showGrid={showGrid} />
      <figcaption className="learn-plane-caption">
        Background: D&apos;s probability “real” (green: real, purple: fake). Dots: real points (green) and generated ones (purple). Lines: where G sends a grid over its noise (±{plane.noiseExtent}).{' '}
        <label>
          <input type="checkbox" checked={showGrid} onChange={(event) => setShowGrid(event.target.checked)} /> grid
        </label>
      </figcaption>
    </figure>
  );
}

function Charts({ rows, losses }: { rows: readonly GanRow[]; losses: Readonly<Record<string, LabSeries>> }) {
  const steps = rows.map((row) => row.step);
  return (
    <div className="learn-plots">
      <LineChart
        title="D's mean verdict (since this lab opened)"
        range={[0, 1]}
        testId="gan-verdicts"
        series={[
          { label: 'D(real)', colour: REAL_COLOUR, steps, values: rows.map((row) => row.realScore) },
          { label: 'D(fake)', colour: FAKE_COLOUR, steps, values: rows.map((row) => row.fakeScore) },
        ]}
      />
      <LineChart
        title="Losses"
        testId="gan-losses"
        series={[
          { label: 'generator', colour: FAKE_COLOUR, steps: losses.generator?.steps ?? [], values: losses.generator?.values ?? [] },
          { label: 'discriminator', colour: REAL_COLOUR, steps: losses.discriminator?.steps ?? [], values: losses.discriminator?.values ?? [] },
        ]}
      />
    </div>
  );
}
