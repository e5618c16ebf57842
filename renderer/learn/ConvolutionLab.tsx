// Convolution, step by step: an editable input and filter, stride and padding with the output-size
// formula evaluated live, and the filter sliding one position per step with its products written out.
import { useMemo, useState } from 'react';
import { convolve, outputSize, WORKED_INPUT, WORKED_KERNEL, type Grid } from './convolution.ts';
import { channelEquations, inputChannels, stackFilters } from './convolutionExamples.ts';
import { GridView, padGrid } from './GridView.tsx';
import { selectedType, useLearnNetwork } from './learnNetwork.ts';
import { NetworkConvolution } from './NetworkConvolution.tsx';
import { StepControls } from './StepControls.tsx';
import { useStepper } from './useStepper.ts';

function edited(grid: Grid, row: number, column: number, value: number): Grid {
  return grid.map((cells, index) => (index === row ? cells.map((cell, position) => (position === column ? value : cell)) : cells));
}

function NumberChoice({ label, value, options, onChange }: { label: string; value: number; options: readonly number[]; onChange: (value: number) => void }) {
  return (
    <label className="learn-choice">
      {label}
      <select value={value} onChange={(event) => onChange(Number(event.target.value))} aria-label={label}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}

function useConvolutionState() {
  const [input, setInput] = useState<Grid>(WORKED_INPUT);
  const [kernel, setKernel] = useState<Grid>(WORKED_KERNEL);
  const [stride, setStride] = useState(1);
  const [padding, setPadding] = useState(0);
  const [channels, setChannels] = useState(1);
  const [filters, setFilters] = useState(1);
  const fit = outputSize(input.length, kernel.length, padding, stride);
  const result = useMemo(() => ('problem' in fit ? null : convolve(inputChannels(input, channels), stackFilters(kernel, channels, filters), { stride, padding })), [fit, input, kernel, stride, padding, channels, filters]);
  return { input, setInput, kernel, setKernel, stride, setStride, padding, setPadding, channels, setChannels, filters, setFilters, fit, result };
}

/** The worked example, or "In my network": the same view on a Conv2D of the open graph. */
export function ConvolutionLab() {
  const network = useLearnNetwork();
  // Opened on a selected Conv2D (from its inspector), the lab starts on that layer.
  const [mode, setMode] = useState<'example' | 'network'>(() => (selectedType(network) === 'Conv2D' ? 'network' : 'example'));
  const modes = [['example', 'Worked example'], ['network', 'In my network']] as const;
  return (
    <section className="learn-lab" aria-label="Convolution lab">
      {network !== null && (
        <div className="learn-toggle" role="radiogroup" aria-label="Convolution source">
          {modes.map(([name, label]) => (
            <button key={name} type="button" role="radio" aria-checked={mode === name} className={mode === name ? 'active' : ''} onClick={() => setMode(name)} data-testid={`conv-mode-${name}`}>
              {label}
            </button>
          ))}
        </div>
      )}
      {network !== null && mode === 'network' ? <NetworkConvolution network={network} /> : <WorkedConvolution />}
    </section>
  );
}

function WorkedConvolution() {
  const state = useConvolutionState();
  const stepper = useStepper(state.result?.steps.length ?? 0);
  const current = state.result?.steps[stepper.index];
  const window = new Set(current?.products.filter((product) => product.channel === 0).map((product) => `${product.row},${product.column}`));
  const cellsPerFilter = (state.result?.size ?? 0) ** 2;
  return (
    <div className="learn-lab">
      <p className="learn-lead">A filter slides over the input. At each position it multiplies the cells under it by its weights and adds the products: one output cell per position.</p>
      <div className="learn-controls">
        <NumberChoice label="Stride" value={state.stride} options={[1, 2, 3]} onChange={state.setStride} />
        <NumberChoice label="Padding" value={state.padding} options={[0, 1, 2]} onChange={state.setPadding} />
        <NumberChoice label="Input channels" value={state.channels} options={[1, 3]} onChange={state.setChannels} />
        <NumberChoice label="Filters" value={state.filters} options={[1, 2]} onChange={state.setFilters} />
        <span className={'problem' in state.fit ? 'learn-formula learn-problem' : 'learn-formula'} data-testid="conv-formula">
          Output size: {state.fit.formula}
          {'problem' in state.fit ? ` — ${state.fit.problem}` : ''}
        </span>
      </div>
      <div className="learn-row">
        <GridView grid={padGrid(state.input, state.padding)} padding={state.padding} label={state.padding > 0 ? `Input (padded by ${state.padding})` : 'Input'} highlighted={window} />
        <GridView grid={state.kernel} label="Filter (click a cell to edit)" onEdit={(row, column, value) => state.setKernel(edited(state.kernel, row, column, value))} />
        {state.result?.outputs.map((output, index) => (
          <GridView key={index} grid={output} label={state.filters > 1 ? `Output of filter ${index + 1}` : 'Output'} filled={Math.max(0, Math.min(cellsPerFilter, stepper.index + 1 - index * cellsPerFilter))} strong={current?.filter === index ? new Set([`${current.outputRow},${current.outputColumn}`]) : undefined} />
        ))}
      </div>
      {current !== undefined && (
        <div className="learn-equation" data-testid="conv-equation">
          <strong>
            Filter {current.filter + 1}, output row {current.outputRow + 1}, column {current.outputColumn + 1}:
          </strong>
          {channelEquations(current, state.channels).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
      {state.result !== null && <StepControls stepper={stepper} label="conv" />}
      <InputEditor input={state.input} onChange={state.setInput} />
    </div>
  );
}

function InputEditor({ input, onChange }: { input: Grid; onChange: (grid: Grid) => void }) {
  return (
    <details className="learn-details">
      <summary>Edit the input</summary>
      <GridView grid={input} label="Input cells" onEdit={(row, column, value) => onChange(edited(input, row, column, value))} />
      <button type="button" onClick={() => onChange(WORKED_INPUT)}>
        Back to the worked example
      </button>
    </details>
  );
}
