// One LSTM step drawn as the cell diagram: the cell state running along the top through the
// forget gate's × and the input's +, the four gates fed by h_{t−1} and x_t from below, and the
// output gate scaling tanh(c_t) into h_t. Every box and wire carries the chosen unit's value.
import type { ReactNode } from 'react';
import { formatValue, gateView, inputLabel, type CellStepView, type GateKey } from './lstmCell.ts';
import { SvgSubscripted } from './Subscripted.tsx';

const WIDTH = 660;
const HEIGHT = 360;
const CELL_Y = 64;
const GATE_Y = 236;
const BOX = { width: 74, height: 52 };
const GATE_X: Readonly<Record<GateKey, number>> = { forget: 170, input: 270, candidate: 360, output: 480 };
const HIDDEN_Y = 318;
/** Where x_t joins h_{t−1} on its way to the gates. */
const X_ENTRY = 215;

function Operator({ x, y, symbol }: { x: number; y: number; symbol: string }) {
  return (
    <g className="learn-cell-operator">
      <circle cx={x} cy={y} r={13} />
      <text x={x} y={y + 5} textAnchor="middle">
        {symbol}
      </text>
    </g>
  );
}

function Gate({ view, gate }: { view: CellStepView; gate: GateKey }) {
  const entry = gateView(view, gate);
  const x = GATE_X[gate];
  // σ gates fill by their value in [0, 1]; the candidate by its size in [−1, 1].
  const strength = entry.activation === 'σ' ? entry.value : Math.abs(entry.value);
  return (
    <g className={`learn-cell-gate learn-cell-gate-${gate}`} data-testid={`cell-gate-${gate}`}>
      <rect x={x - BOX.width / 2} y={GATE_Y - BOX.height / 2} width={BOX.width} height={BOX.height} rx={6} style={{ fillOpacity: 0.15 + 0.7 * strength }} />
      <text x={x} y={GATE_Y - 6} textAnchor="middle" className="learn-cell-gate-name">
        {entry.symbol} = {entry.activation}(…)
      </text>
      <text x={x} y={GATE_Y + 15} textAnchor="middle" className="learn-cell-value">
        {formatValue(entry.value)}
      </text>
    </g>
  );
}

function Wire({ points, children }: { points: readonly (readonly [number, number])[]; children?: ReactNode }) {
  return (
    <>
      <polyline className="learn-cell-wire" points={points.map(([x, y]) => `${x},${y}`).join(' ')} />
      {children}
    </>
  );
}

function Label({ x, y, text, anchor = 'middle' }: { x: number; y: number; text: string; anchor?: 'start' | 'middle' | 'end' }) {
  return (
    <text x={x} y={y} textAnchor={anchor} className="learn-cell-label">
      <SvgSubscripted text={text} />
    </text>
  );
}

export function CellDiagram({ view }: { view: CellStepView }) {
  const { forget, input, candidate, output } = GATE_X;
  const product = (input + candidate) / 2;
  const squash = 580;
  return (
    <svg className="learn-cell-diagram" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`LSTM cell at step ${view.step + 1}`} data-testid="cell-diagram">
      <rect className="learn-cell-body" x={110} y={28} width={510} height={258} rx={14} />
      <Wire points={[[20, CELL_Y], [WIDTH - 20, CELL_Y]]} />
      <Label x={20} y={CELL_Y - 12} anchor="start" text={`c_{t−1} = ${formatValue(view.previousCell)}`} />
      <Label x={WIDTH - 20} y={CELL_Y - 12} anchor="end" text={`c_t = ${formatValue(view.cell)}`} />
      <Wire points={[[20, HIDDEN_Y], [output, HIDDEN_Y]]} />
      <Label x={20} y={HIDDEN_Y + 22} anchor="start" text={`h_{t−1} = ${formatValue(view.previousHidden)}`} />
      <Wire points={[[X_ENTRY, HEIGHT - 4], [X_ENTRY, HIDDEN_Y]]} />
      <Label x={X_ENTRY + 8} y={HEIGHT - 8} anchor="start" text={inputLabel(view)} />
      {(Object.keys(GATE_X) as GateKey[]).map((gate) => (
        <Wire key={gate} points={[[GATE_X[gate], HIDDEN_Y], [GATE_X[gate], GATE_Y + BOX.height / 2]]} />
      ))}
      <Wire points={[[forget, GATE_Y - BOX.height / 2], [forget, CELL_Y + 13]]} />
      <Operator x={forget} y={CELL_Y} symbol="×" />
      <Wire points={[[input, GATE_Y - BOX.height / 2], [input, 150], [product - 13, 150]]} />
      <Wire points={[[candidate, GATE_Y - BOX.height / 2], [candidate, 150], [product + 13, 150]]} />
      <Operator x={product} y={150} symbol="×" />
      <Wire points={[[product, 137], [product, CELL_Y + 13]]} />
      <Operator x={product} y={CELL_Y} symbol="+" />
      <Wire points={[[squash, CELL_Y], [squash, 120]]} />
      <g className="learn-cell-operator">
        <rect x={squash - 28} y={120} width={56} height={26} rx={13} />
        <text x={squash} y={138} textAnchor="middle">
          tanh
        </text>
      </g>
      <Wire points={[[squash, 146], [squash, 187]]} />
      <Wire points={[[output, GATE_Y - BOX.height / 2], [output, 200], [squash - 13, 200]]} />
      <Operator x={squash} y={200} symbol="×" />
      <Wire points={[[squash, 213], [squash, 300], [WIDTH - 20, 300]]} />
      <Label x={WIDTH - 20} y={292} anchor="end" text={`h_t = ${formatValue(view.hidden)}`} />
      {(Object.keys(GATE_X) as GateKey[]).map((gate) => (
        <Gate key={gate} view={view} gate={gate} />
      ))}
    </svg>
  );
}
