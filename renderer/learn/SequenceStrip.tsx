// The whole sequence at a glance under the cell: the input's first feature, and the chosen unit's
// cell and hidden state over every step, with the step on screen marked.
import type { LstmCellValues } from '../../engine/protocol/index.ts';
import { seriesOf } from './lstmCell.ts';
import { SvgSubscripted } from './Subscripted.tsx';

const WIDTH = 420;
const ROW = 46;

function Sparkline({ label, values, step }: { label: string; values: readonly number[]; step: number }) {
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  const x = (index: number) => 70 + (index / Math.max(1, values.length - 1)) * (WIDTH - 80);
  const y = (value: number) => 6 + (1 - (value - low) / span) * (ROW - 12);
  const points = values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  return (
    <g>
      <text className="learn-tick" x={0} y={ROW / 2 + 4}>
        <SvgSubscripted text={label} />
      </text>
      <line className="learn-gridline" x1={70} x2={WIDTH - 10} y1={y(0)} y2={y(0)} />
      <polyline className="learn-sparkline" points={points} />
      <circle className="learn-sparkline-now" cx={x(step)} cy={y(values[step] ?? 0)} r={4} />
    </g>
  );
}

/** The tokens read, the one at this step marked. */
function Symbols({ symbols, step }: { symbols: readonly string[]; step: number }) {
  const x = (index: number) => 70 + (index / Math.max(1, symbols.length - 1)) * (WIDTH - 80);
  return (
    <g>
      <text className="learn-tick" x={0} y={ROW / 2 + 4}>
        <SvgSubscripted text="x_t" />
      </text>
      {symbols.map((symbol, index) => (
        <text key={index} x={x(index)} y={ROW / 2 + 5} textAnchor="middle" className={index === step ? 'learn-symbol-now' : 'learn-symbol'}>
          {symbol === ' ' ? '␣' : symbol}
        </text>
      ))}
    </g>
  );
}

export function SequenceStrip({ values, unit, step }: { values: LstmCellValues; unit: number; step: number }) {
  const rows = [
    { label: 'x_t', series: seriesOf(values.input, values.steps, values.features, 0) },
    { label: `c_t (${unit + 1})`, series: seriesOf(values.cell, values.steps, values.units, unit) },
    { label: `h_t (${unit + 1})`, series: seriesOf(values.hidden, values.steps, values.units, unit) },
  ];
  return (
    <svg className="learn-sequence-strip" viewBox={`0 0 ${WIDTH} ${ROW * rows.length}`} role="img" aria-label="The sequence over time" data-testid="cell-sequence">
      {rows.map((row, index) => (
        <g key={row.label} transform={`translate(0, ${index * ROW})`}>
          {index === 0 && values.symbols !== undefined ? <Symbols symbols={values.symbols} step={step} /> : <Sparkline label={row.label} values={row.series} step={step} />}
        </g>
      ))}
    </svg>
  );
}
