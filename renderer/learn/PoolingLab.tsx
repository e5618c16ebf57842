// Pooling, step by step: a 2×2 window with stride 2 over a 4×4 map, max or average; and backward,
// where each output's gradient goes (only to the max, or shared equally by average pooling).
import { useMemo, useState } from 'react';
import { formatNumber } from './convolution.ts';
import { GridView } from './GridView.tsx';
import { pool, poolBackward, WORKED_MAP, type PoolKind } from './pooling.ts';
import { StepControls } from './StepControls.tsx';
import { useStepper } from './useStepper.ts';

/** The gradient each output cell sends back in the backward view. */
const OUTPUT_GRADIENT = [
  [1, 2],
  [3, 4],
];

function Toggle<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: readonly (readonly [T, string])[]; onChange: (value: T) => void }) {
  return (
    <div className="learn-toggle" role="radiogroup" aria-label={label}>
      {options.map(([option, text]) => (
        <button key={option} type="button" role="radio" aria-checked={value === option} className={value === option ? 'active' : ''} onClick={() => onChange(option)}>
          {text}
        </button>
      ))}
    </div>
  );
}

export function PoolingLab() {
  const [kind, setKind] = useState<PoolKind>('max');
  const [direction, setDirection] = useState<'forward' | 'backward'>('forward');
  const pooling = useMemo(() => pool(WORKED_MAP, kind), [kind]);
  const stepper = useStepper(pooling.steps.length);
  const current = pooling.steps[stepper.index];
  const window = new Set(current.cells.map(([row, column]) => `${row},${column}`));
  const winner = current.winner === undefined ? undefined : new Set([`${current.winner[0]},${current.winner[1]}`]);
  const gradient = useMemo(() => poolBackward(WORKED_MAP, pooling, OUTPUT_GRADIENT), [pooling]);
  const values = current.cells.map(([row, column]) => WORKED_MAP[row][column]);
  return (
    <section className="learn-lab" aria-label="Pooling lab">
      <p className="learn-lead">Pooling shrinks a feature map: a 2×2 window steps by 2 and keeps one number per window, so the next layer sees a smaller map and small shifts matter less.</p>
      <div className="learn-controls">
        <Toggle label="Pooling" value={kind} options={[['max', 'Max pooling'], ['average', 'Average pooling']]} onChange={setKind} />
        <Toggle label="Pass" value={direction} options={[['forward', 'Forward'], ['backward', 'Backward (gradients)']]} onChange={setDirection} />
      </div>
      {direction === 'forward' ? (
        <>
          <div className="learn-row">
            <GridView grid={WORKED_MAP} label="Feature map (4×4)" highlighted={window} strong={winner} />
            <GridView grid={pooling.output} label="Pooled (2×2)" filled={stepper.index + 1} strong={new Set([`${current.outputRow},${current.outputColumn}`])} />
          </div>
          <div className="learn-equation" data-testid="pool-equation">
            {kind === 'max' ? `max(${values.join(', ')}) = ${formatNumber(current.result)}` : `(${values.join(' + ')}) / ${values.length} = ${formatNumber(current.result)}`}
          </div>
          <StepControls stepper={stepper} label="pool" />
        </>
      ) : (
        <BackwardView kind={kind} gradient={gradient} />
      )}
    </section>
  );
}

function BackwardView({ kind, gradient }: { kind: PoolKind; gradient: readonly (readonly number[])[] }) {
  return (
    <>
      <div className="learn-row">
        <GridView grid={OUTPUT_GRADIENT} label="Gradient of each pooled cell" />
        <GridView grid={gradient} label="Gradient reaching the feature map" strong={new Set(gradient.flatMap((row, rowIndex) => row.map((value, column) => (value !== 0 ? `${rowIndex},${column}` : '')).filter((key) => key !== '')))} />
      </div>
      <p className="learn-note" data-testid="pool-backward-note">
        {kind === 'max'
          ? 'Max pooling passes each gradient only to the cell that won its window; the other three cells get 0, because nudging them would not change the output.'
          : 'Average pooling shares each gradient equally: every cell of the window moved the mean by a quarter of its change.'}
      </p>
    </>
  );
}
