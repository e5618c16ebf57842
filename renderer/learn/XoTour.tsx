// X versus O: the bundled X-vs-O CNN walked through for one X and one O. The engine worker runs
// the two examples through the graph (the latest run's weights, or the initial ones before any
// training, said so with an offer to train); each step shows its maps and one sentence.
import { useMemo, useState } from 'react';
import type { GraphDocument } from '../../engine/graph/index.ts';
import type { EngineEvent } from '../../engine/protocol/index.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { trainOpenGraph, useEngineAnswer, useLearnNetwork, useRunVersion, type LearnNetwork } from './learnNetwork.ts';
import { largestMagnitude, MapView } from './MapView.tsx';
import { shortNumber } from './networkTensors.ts';
import { StepControls } from './StepControls.tsx';
import { useStepper } from './useStepper.ts';
import { tourData, tourLayers, tourSteps, votes, type TourData, type TourLayers, type TourStep } from './xoTour.ts';

type Inferred = Extract<EngineEvent, { type: 'examplesInferred' }>;

export function XoTour() {
  const network = useLearnNetwork();
  if (network === null) return <p className="learn-note">The tour runs the open graph in the engine: open the X vs O example in the app.</p>;
  return <TourOnNetwork network={network} />;
}

function useTourAnswer(network: LearnNetwork, document: GraphDocument, layers: TourLayers | { problem: string }, nth: number) {
  const { version, running } = useRunVersion(network);
  const ask =
    'problem' in layers
      ? null
      : () =>
          network.runs.engine().inferExamples({
            document,
            weights: network.runs.hasRunOnScreen() ? 'run' : 'initial',
            examples: [{ label: 0, nth }, { label: 1, nth }],
            nodeIds: [layers.input, layers.convolution, layers.activation, layers.pooling, layers.scores],
            parameterNodeIds: [layers.convolution, layers.scores],
          });
  const key = useMemo(() => JSON.stringify([document.nodes, document.edges, document.dataset, nth, version]), [document, nth, version]);
  return { ...useEngineAnswer(ask, key), running };
}

function TourOnNetwork({ network }: { network: LearnNetwork }) {
  const { document } = useEditorState(network.store);
  const layers = useMemo(() => tourLayers(document), [document]);
  const [nth, setNth] = useState(0);
  const { answer, error, running } = useTourAnswer(network, document, layers, nth);
  const steps = useMemo(() => (answer === null || 'problem' in layers ? null : tourSteps(tourData(answer, layers), layers)), [answer, layers]);
  const stepper = useStepper(steps?.length ?? 0, 4000);
  if ('problem' in layers) return <TourProblem problem={layers.problem} network={network} />;
  const step = steps?.[stepper.index];
  return (
    <section className="learn-lab" aria-label="X versus O tour">
      <p className="learn-lead">How a small CNN tells an X from an O, layer by layer, on two images from its dataset.</p>
      <div className="learn-network-bar" data-testid="tour-weights">
        {answer === null ? <span>Running the examples through the network…</span> : <WeightsNote answer={answer} running={running} onTrain={() => trainOpenGraph(network)} />}
        <button type="button" onClick={() => setNth(nth + 1)} data-testid="tour-another">
          Another {answer?.classNames?.[0] ?? 'X'} and {answer?.classNames?.[1] ?? 'O'}
        </button>
      </div>
      {error !== null && <p className="learn-problem">{error}</p>}
      {steps !== null && step !== undefined && answer !== null && (
        <>
          <StepList steps={steps} index={stepper.index} onPick={stepper.setIndex} />
          <StepControls stepper={stepper} label="tour" />
          <div className="learn-tour-text">
            <h3 data-testid="tour-title">{step.title}</h3>
            <p className="learn-tour-sentence" data-testid="tour-sentence">
              {step.sentence}
            </p>
          </div>
          {step.name === 'votes' ? <VotesView data={tourData(answer, layers)} /> : <StepMaps step={step} names={answer.classNames ?? ['X', 'O']} />}
        </>
      )}
    </section>
  );
}

function TourProblem({ problem, network }: { problem: string; network: LearnNetwork }) {
  return (
    <section className="learn-lab learn-network-message" aria-label="X versus O tour">
      <p>{problem}</p>
      {network.openExample !== undefined && (
        <button type="button" onClick={() => void network.openExample?.('xo-cnn')} data-testid="tour-open-example">
          Open the X vs O example
        </button>
      )}
    </section>
  );
}

function StepList({ steps, index, onPick }: { steps: readonly TourStep[]; index: number; onPick: (index: number) => void }) {
  return (
    <ol className="learn-tour-steps" aria-label="Tour steps">
      {steps.map((candidate, position) => (
        <li key={candidate.name}>
          <button type="button" className={position === index ? 'active' : ''} onClick={() => onPick(position)}>
            {position + 1}. {candidate.title}
          </button>
        </li>
      ))}
    </ol>
  );
}

function WeightsNote({ answer, running, onTrain }: { answer: Inferred; running: boolean; onTrain: () => void }) {
  const examples = answer.examples.map((example) => `${example.className ?? ''} #${example.index}`).join(' and ');
  if (answer.weights === 'run') return <span>Learned weights after {answer.steps} training steps{running ? ' (training: the tour follows the run)' : ''} · examples {examples}</span>;
  return (
    <>
      <span className="learn-untrained">Untrained: these are the network&apos;s random initial weights.</span>
      <button type="button" onClick={onTrain} disabled={running} data-testid="tour-train">
        {running ? 'Training…' : 'Train'}
      </button>
      <span>examples {examples}</span>
    </>
  );
}

function StepMaps({ step, names }: { step: TourStep; names: readonly string[] }) {
  // One colour scale per step, shared by the X and the O, so their maps compare.
  const scale = Math.max(...step.rows.flatMap((row) => row.filter((map) => map.own !== true).map((map) => largestMagnitude(map.grid))));
  return (
    <div className="learn-lab" data-testid={`tour-step-${step.name}`}>
      {step.rows.map((row, index) => (
        <div key={index} className="learn-tour-example">
          {step.rows.length > 1 && <h4>{names[index]}</h4>}
          {row.map((map) => (
            <MapView key={map.caption} grid={map.grid} caption={map.caption} scale={map.own === true ? undefined : scale} cell={map.own === true ? Math.min(step.cell, 18) : step.cell} />
          ))}
        </div>
      ))}
    </div>
  );
}

function VotesView({ data }: { data: TourData }) {
  return (
    <div className="learn-row" data-testid="tour-step-votes">
      {[0, 1].map((example) => (
        <VotesTable key={example} data={data} example={example} />
      ))}
    </div>
  );
}

/** One example's votes: each filter's for each class, the bias, the engine's scores and probabilities. */
function VotesTable({ data, example }: { data: TourData; example: number }) {
  const counted = votes(data.pooling, example, data.denseWeights, data.denseBias);
  const classes = data.classNames.length;
  const scores = [...data.scores.values.slice(example * classes, (example + 1) * classes)];
  const probabilities = [...data.probabilities.values.slice(example * classes, (example + 1) * classes)];
  const winner = probabilities.indexOf(Math.max(...probabilities));
  const row = (label: string, values: readonly number[], cell: (value: number, column: number) => string, testId?: string, className?: string) => (
    <tr key={label} className={className}>
      <td>{label}</td>
      {values.map((value, column) => (
        <td key={column} className={testId === 'probability' && column === winner ? 'learn-vote-winner' : undefined} data-testid={testId === undefined ? undefined : `tour-${testId}-${example}-${column}`}>
          {cell(value, column)}
        </td>
      ))}
    </tr>
  );
  return (
    <table className="learn-votes" data-testid={`tour-votes-${example}`}>
      <caption>The {data.classNames[example]}</caption>
      <thead>
        <tr>
          <th>Votes</th>
          {data.classNames.map((name) => (
            <th key={name}>for {name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {counted.byFilter.map((values, filter) => row(`filter ${filter + 1}`, values, (value) => shortNumber(value)))}
        {row('bias', counted.bias, (value) => shortNumber(value))}
        {row('score', scores, (value) => shortNumber(value), 'score', 'learn-votes-total')}
        {row('probability', probabilities, (value) => `${(value * 100).toFixed(1)}%`, 'probability')}
      </tbody>
    </table>
  );
}
