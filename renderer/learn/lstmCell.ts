// The LSTM cell lab's reading of the worker's answer: one unit at one step, every gate with the
// three parts of its sum, and the equations written out with those numbers. The values are the
// kernel's own (engine/worker/learnCell.ts); here they are only picked out and formatted.
import type { LstmCellValues } from '../../engine/protocol/index.ts';

export type GateKey = 'forget' | 'input' | 'candidate' | 'output';

export interface GateView {
  readonly key: GateKey;
  readonly name: string;
  /** f, i, g, o. */
  readonly symbol: string;
  readonly activation: 'σ' | 'tanh';
  /** W·x_t, U·h_{t−1}, b. */
  readonly parts: readonly [number, number, number];
  readonly value: number;
}

export interface CellStepView {
  /** 0-based; the lab shows t = step + 1. */
  readonly step: number;
  readonly unit: number;
  /** The LSTM's input at this step (all features). */
  readonly input: readonly number[];
  /** For token data, the token read at this step (the input is its embedding). */
  readonly symbol?: string;
  readonly previousHidden: number;
  readonly previousCell: number;
  /** In the order the cell uses them: forget, input, candidate, output. */
  readonly gates: readonly GateView[];
  readonly cell: number;
  readonly hidden: number;
}

/** The gates with their column in the kernel's order i, f, g, o. */
const GATES: readonly { readonly key: GateKey; readonly name: string; readonly symbol: string; readonly activation: 'σ' | 'tanh'; readonly column: number; readonly field: 'inputGate' | 'forgetGate' | 'candidate' | 'outputGate' }[] = [
  { key: 'forget', name: 'Forget gate', symbol: 'f', activation: 'σ', column: 1, field: 'forgetGate' },
  { key: 'input', name: 'Input gate', symbol: 'i', activation: 'σ', column: 0, field: 'inputGate' },
  { key: 'candidate', name: 'Candidate', symbol: 'g', activation: 'tanh', column: 2, field: 'candidate' },
  { key: 'output', name: 'Output gate', symbol: 'o', activation: 'σ', column: 3, field: 'outputGate' },
];

function at(buffer: ArrayBuffer, index: number): number {
  return new Float32Array(buffer)[index];
}

/** One unit at one step of the answer. */
export function cellStep(values: LstmCellValues, step: number, unit: number): CellStepView {
  const { units, features } = values;
  const here = step * units + unit;
  const before = (step - 1) * units + unit;
  const gates = GATES.map((gate) => {
    const part = step * 4 * units + gate.column * units + unit;
    return {
      key: gate.key,
      name: gate.name,
      symbol: gate.symbol,
      activation: gate.activation,
      parts: [at(values.fromInput, part), at(values.fromHidden, part), at(values.bias, part)] as const,
      value: at(values[gate.field], here),
    };
  });
  return {
    step,
    unit,
    input: Array.from(new Float32Array(values.input, step * features * 4, features)),
    symbol: values.symbols?.[step],
    previousHidden: step === 0 ? 0 : at(values.hidden, before),
    previousCell: step === 0 ? 0 : at(values.cell, before),
    gates,
    cell: at(values.cell, here),
    hidden: at(values.hidden, here),
  };
}

/** A number as the equations show it: three decimals, a true minus sign, negatives in brackets where they follow an operator. */
export function formatValue(value: number, bracketed = false): string {
  const text = Math.abs(value) < 5e-4 ? '0.000' : value.toFixed(3);
  const signed = text.startsWith('-') ? `−${text.slice(1)}` : text;
  return bracketed && signed.startsWith('−') ? `(${signed})` : signed;
}

export function gateView(view: CellStepView, key: GateKey): GateView {
  const gate = view.gates.find((candidate) => candidate.key === key);
  if (gate === undefined) throw new Error(`No ${key} gate.`);
  return gate;
}

/** An equation: its symbols, then the same with the numbers (starting with “=”). */
export interface Equation {
  readonly formula: string;
  readonly numbers: string;
}

/** f_t = σ(W_f·x_t + U_f·h_{t−1} + b_f), then = σ(0.120 + (−0.340) + 1.000) = σ(0.780) = 0.686 */
export function gateEquation(gate: GateView): Equation {
  const [fromInput, fromHidden, bias] = gate.parts;
  const sum = fromInput + fromHidden + bias;
  const s = gate.symbol;
  const a = gate.activation;
  return {
    formula: `${s}_t = ${a}(W_${s}·x_t + U_${s}·h_{t−1} + b_${s})`,
    numbers: `= ${a}(${formatValue(fromInput)} + ${formatValue(fromHidden, true)} + ${formatValue(bias, true)}) = ${a}(${formatValue(sum)}) = ${formatValue(gate.value)}`,
  };
}

/** c_t = f_t·c_{t−1} + i_t·g_t with the numbers. */
export function cellEquation(view: CellStepView): Equation {
  const [forget, input, candidate] = [gateView(view, 'forget'), gateView(view, 'input'), gateView(view, 'candidate')];
  return {
    formula: 'c_t = f_t·c_{t−1} + i_t·g_t',
    numbers: `= ${formatValue(forget.value)} × ${formatValue(view.previousCell, true)} + ${formatValue(input.value)} × ${formatValue(candidate.value, true)} = ${formatValue(view.cell)}`,
  };
}

/** h_t = o_t·tanh(c_t) with the numbers. */
export function hiddenEquation(view: CellStepView): Equation {
  return { formula: 'h_t = o_t·tanh(c_t)', numbers: `= ${formatValue(gateView(view, 'output').value)} × tanh(${formatValue(view.cell)}) = ${formatValue(view.hidden)}` };
}

const SUBSCRIPT = /_(\{[^}]*\}|[A-Za-z0-9]+)/;

/** Text with its subscripts marked: `h_{t−1}` and `W_f` as pieces, each plain or subscript. */
export function subscriptPieces(text: string): { readonly text: string; readonly subscript: boolean }[] {
  const pieces: { text: string; subscript: boolean }[] = [];
  let rest = text;
  for (let match = SUBSCRIPT.exec(rest); match !== null; match = SUBSCRIPT.exec(rest)) {
    if (match.index > 0) pieces.push({ text: rest.slice(0, match.index), subscript: false });
    pieces.push({ text: match[1].replace(/^\{|\}$/g, ''), subscript: true });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest.length > 0) pieces.push({ text: rest, subscript: false });
  return pieces;
}

/** The diagram's label for the input: its first values, or the token whose embedding it is. */
export function inputLabel(view: CellStepView): string {
  if (view.symbol !== undefined) return `x_t = embedding of “${view.symbol}”`;
  return `x_t = ${view.input.slice(0, 3).map((value) => formatValue(value)).join(', ')}${view.input.length > 3 ? ', …' : ''}`;
}

/** What the forget gate does at this step, in words. */
export function forgetSentence(view: CellStepView): string {
  const forget = gateView(view, 'forget').value;
  const input = gateView(view, 'input').value;
  const keeps = `keeps ${Math.round(forget * 100)}% of the old cell state`;
  const writes = `writes ${Math.round(input * 100)}% of the candidate`;
  return `At t = ${view.step + 1}, unit ${view.unit + 1} ${keeps} and ${writes}.`;
}

/** One value of every step of a [T, ·] array (a feature or a unit), for a sparkline. */
export function seriesOf(buffer: ArrayBuffer, steps: number, width: number, index: number): number[] {
  const values = new Float32Array(buffer);
  return Array.from({ length: steps }, (_, step) => values[step * width + index]);
}
