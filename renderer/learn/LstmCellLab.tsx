// The LSTM cell, step by step, on the user's trained LSTM: the worker runs the latest run's LSTM
// over one dataset example (engine/worker/learnCell.ts) and this lab steps t = 1..T through its
// gates, cell and hidden state, drawn as the cell diagram with the equations filled in beside it.
import { useEffect, useState } from 'react';
import { askLstmCell, type LstmCellAnswer } from '../engine-client/learnDynamics.ts';
import { CellDiagram } from './CellDiagram.tsx';
import { cellEquation, cellStep, forgetSentence, gateEquation, hiddenEquation, type CellStepView, type Equation } from './lstmCell.ts';
import { useLearnEngine, type LearnEngine } from './learnEngine.ts';
import { SequenceStrip } from './SequenceStrip.tsx';
import { Subscripted } from './Subscripted.tsx';
import { StepControls } from './StepControls.tsx';
import { useStepper } from './useStepper.ts';

/** The worker's answer for an example, asked again when the example changes or on Refresh. */
function useCellAnswer(engine: LearnEngine | null, example: number, layer: string | undefined, refresh: number): { answer: LstmCellAnswer | null; asking: boolean } {
  const [answer, setAnswer] = useState<LstmCellAnswer | null>(null);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (engine === null) return undefined;
    let active = true;
    setAsking(true);
    void askLstmCell(engine.client(), example, layer).then((next) => {
      if (!active) return;
      setAnswer(next);
      setAsking(false);
    });
    return () => {
      active = false;
    };
  }, [engine, example, layer, refresh]);
  return { answer, asking };
}

function EquationLines({ equation, testId }: { equation: Equation; testId: string }) {
  return (
    <div className="learn-cell-equation" data-testid={testId}>
      <div>
        <Subscripted text={equation.formula} />
      </div>
      <div className="learn-cell-numbers">{equation.numbers}</div>
    </div>
  );
}

function Equations({ view }: { view: CellStepView }) {
  return (
    <div className="learn-equation learn-cell-equations" data-testid="cell-equations">
      {view.gates.map((gate) => (
        <EquationLines key={gate.key} equation={gateEquation(gate)} testId={`cell-equation-${gate.key}`} />
      ))}
      <EquationLines equation={cellEquation(view)} testId="cell-equation-cell" />
      <EquationLines equation={hiddenEquation(view)} testId="cell-equation-hidden" />
    </div>
  );
}

function NeedsTraining({ engine, problem }: { engine: LearnEngine; problem: string }) {
  const open = engine.openExample;
  return (
    <div className="learn-cell-needs" data-testid="cell-problem">
      <p className="learn-problem">{problem}</p>
      {open !== undefined && (
        <button
          type="button"
          className="learn-button"
          onClick={() => {
            void open('sine-lstm').then(() => engine.close?.());
          }}
        >
          Open the Sine LSTM example
        </button>
      )}
      <p className="learn-note">The Sine LSTM example trains in seconds: open it, press Train in the dock, and come back to this lab.</p>
    </div>
  );
}

function Cell({ answer, unit, setUnit }: { answer: LstmCellAnswer; unit: number; setUnit: (unit: number) => void }) {
  const values = answer.values;
  const stepper = useStepper(values?.steps ?? 1);
  if (values === undefined) return null;
  const view = cellStep(values, stepper.index, Math.min(unit, values.units - 1));
  return (
    <>
      <div className="learn-controls">
        <StepControls stepper={stepper} label="cell" />
        <label className="learn-choice">
          Unit
          <select value={view.unit} onChange={(event) => setUnit(Number(event.target.value))} aria-label="Unit">
            {Array.from({ length: values.units }, (_, index) => (
              <option key={index} value={index}>
                {index + 1} of {values.units}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="learn-row">
        <CellDiagram view={view} />
        <div className="learn-cell-side">
          <Equations view={view} />
          <p className="learn-note" data-testid="cell-sentence">
            {forgetSentence(view)}
          </p>
          <SequenceStrip values={values} unit={view.unit} step={view.step} />
        </div>
      </div>
    </>
  );
}

interface Choices {
  readonly example: number;
  readonly setExample: (example: number) => void;
  readonly setLayer: (layer: string) => void;
  readonly refresh: () => void;
  readonly asking: boolean;
}

/** Where the values come from, and the example, layer and refresh that choose them. */
function SourceControls({ answer, choices }: { answer: LstmCellAnswer; choices: Choices }) {
  const count = answer.exampleCount;
  return (
    <div className="learn-controls">
      <span className="learn-step-count" data-testid="cell-source">
        {answer.graph} · {answer.nodeId} · after {answer.step} training steps
      </span>
      <label className="learn-choice">
        Example
        <input type="number" className="learn-number" min={0} max={Math.max(0, count - 1)} value={choices.example} onChange={(event) => choices.setExample(Math.max(0, Math.min(count - 1, Math.floor(Number(event.target.value)) || 0)))} aria-label="Example" />
        <span className="learn-step-count">of {count}</span>
      </label>
      {answer.layers.length > 1 && (
        <label className="learn-choice">
          Layer
          <select value={answer.nodeId} onChange={(event) => choices.setLayer(event.target.value)} aria-label="Layer">
            {answer.layers.map((id) => (
              <option key={id}>{id}</option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="learn-button" onClick={choices.refresh} disabled={choices.asking} title="Read the weights again after more training">
        Refresh
      </button>
      {answer.problem !== undefined && <span className="learn-problem">{answer.problem}</span>}
    </div>
  );
}

export function LstmCellLab() {
  const engine = useLearnEngine();
  const [example, setExample] = useState(0);
  const [unit, setUnit] = useState(0);
  const [refresh, setRefresh] = useState(0);
  const [layer, setLayer] = useState<string | undefined>(undefined);
  const { answer, asking } = useCellAnswer(engine, example, layer, refresh);
  const choices: Choices = { example, setExample, setLayer, refresh: () => setRefresh((value) => value + 1), asking };
  return (
    <section className="learn-lab" aria-label="LSTM cell lab">
      <p className="learn-lead">
        An LSTM carries a cell state c along the sequence. At each step the forget gate f decides how much of it to keep, the input gate i how much of the candidate g to write, and the output gate o how much of tanh(c) to show as the hidden state h. Here are the values of your trained LSTM on one example, step by step.
      </p>
      {engine === null ? (
        <p className="learn-problem">This lab needs the engine: open the Learn panel from the app.</p>
      ) : answer === null ? (
        <p className="learn-step-count">Asking the engine…</p>
      ) : answer.problem !== undefined && answer.values === undefined && answer.exampleCount === 0 ? (
        <NeedsTraining engine={engine} problem={answer.problem} />
      ) : (
        <>
          <SourceControls answer={answer} choices={choices} />
          <Cell answer={answer} unit={unit} setUnit={setUnit} />
        </>
      )}
    </section>
  );
}
