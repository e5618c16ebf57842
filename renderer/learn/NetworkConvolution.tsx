// "In my network": the convolution lab on a Conv2D of the open graph. The engine worker runs one
// dataset example through the graph and returns the layer's input, its weights (learned, or the
// initial ones before any training, said so) and its output; the lab steps the window over the
// positions of one filter, writing out the products beside the engine's own output cell.
import { useMemo, useState } from 'react';
import type { GraphDocument, Params } from '../../engine/graph/index.ts';
import type { EngineEvent } from '../../engine/protocol/index.ts';
import { useEditorState } from '../document/useEditorState.ts';
import { trainOpenGraph, useEngineAnswer, useRunVersion, type LearnNetwork } from './learnNetwork.ts';
import { MapView } from './MapView.tsx';
import { agrees, convolutionGeometry, stepPosition, windowStep, type WindowStep } from './networkConvolution.ts';
import { channelGrid, kernelGrid, shortNumber, sourceOf, tensorOf } from './networkTensors.ts';
import { StepControls } from './StepControls.tsx';
import { useStepper } from './useStepper.ts';

type Inferred = Extract<EngineEvent, { type: 'examplesInferred' }>;

function Choice({ label, value, options, onChange }: { label: string; value: string; options: readonly (readonly [string, string])[]; onChange: (value: string) => void }) {
  return (
    <label className="learn-choice">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)} aria-label={label}>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function useLayerAnswer(network: LearnNetwork, document: GraphDocument, nodeId: string | undefined, example: number) {
  const { version, running } = useRunVersion(network, 1500);
  const source = nodeId === undefined ? undefined : sourceOf(document, nodeId);
  const ask =
    nodeId === undefined || source === undefined
      ? null
      : () => network.runs.engine().inferExamples({ document, weights: network.runs.hasRunOnScreen() ? 'run' : 'initial', examples: [{ index: example }], nodeIds: [source, nodeId], parameterNodeIds: [nodeId] });
  const key = useMemo(() => JSON.stringify([document.nodes, document.edges, document.dataset, nodeId, example, running ? 0 : version]), [document, nodeId, example, version, running]);
  return { ...useEngineAnswer(ask, key), source, running };
}

export function NetworkConvolution({ network }: { network: LearnNetwork }) {
  const { document, analysis, selectedNodeId } = useEditorState(network.store);
  const convolutions = document.nodes.filter((node) => node.type === 'Conv2D');
  const [chosen, setChosen] = useState<string | null>(null);
  const nodeId = convolutions.find((node) => node.id === (chosen ?? selectedNodeId))?.id ?? convolutions[0]?.id;
  const [example, setExample] = useState(0);
  const [filter, setFilter] = useState(0);
  const [channel, setChannel] = useState(0);
  const { answer, error, source, running } = useLayerAnswer(network, document, nodeId, example);
  const params = nodeId === undefined ? undefined : analysis.params.get(nodeId);
  if (nodeId === undefined) return <p className="learn-note">The open graph has no Conv2D layer: open LeNet-5 or the X vs O example to see a real convolution.</p>;
  return (
    <div className="learn-lab" data-testid="netconv">
      <div className="learn-controls">
        <Choice label="Layer" value={nodeId} options={convolutions.map((node) => [node.id, node.id])} onChange={(id) => { setChosen(id); setFilter(0); setChannel(0); }} />
        <label className="learn-choice">
          Example
          <input className="learn-example-input" type="number" min={0} value={example} onChange={(event) => setExample(Math.max(0, Math.floor(Number(event.target.value) || 0)))} aria-label="Example" />
        </label>
        {answer !== null && answer.parameters[nodeId] !== undefined && (
          <>
            <Choice label="Filter" value={String(filter)} options={Array.from({ length: answer.parameters[nodeId].weights.shape[3] }, (_, index) => [String(index), String(index + 1)])} onChange={(value) => setFilter(Number(value))} />
            {answer.parameters[nodeId].weights.shape[2] > 1 && (
              <Choice label="Input channel" value={String(channel)} options={Array.from({ length: answer.parameters[nodeId].weights.shape[2] }, (_, index) => [String(index), String(index + 1)])} onChange={(value) => setChannel(Number(value))} />
            )}
          </>
        )}
      </div>
      <WeightsBar answer={answer} running={running} onTrain={() => trainOpenGraph(network)} source={source} />
      {error !== null && <p className="learn-problem">{error}</p>}
      {answer !== null && params !== undefined && source !== undefined && answer.parameters[nodeId] !== undefined && (
        <LayerSteps answer={answer} params={params} nodeId={nodeId} source={source} filter={Math.min(filter, answer.parameters[nodeId].weights.shape[3] - 1)} channel={Math.min(channel, answer.parameters[nodeId].weights.shape[2] - 1)} />
      )}
    </div>
  );
}

function WeightsBar({ answer, running, onTrain, source }: { answer: Inferred | null; running: boolean; onTrain: () => void; source: string | undefined }) {
  if (answer === null) return <div className="learn-network-bar">Running the example through the network…</div>;
  const shown = answer.examples[0];
  const what = `dataset example ${shown.index}${shown.className === undefined ? '' : ` (class ${shown.className})`}, as it reaches this layer from ${source ?? 'its input'}`;
  return (
    <div className="learn-network-bar" data-testid="netconv-weights">
      {answer.weights === 'run' ? (
        <span>Learned weights after {answer.steps} training steps · {what}</span>
      ) : (
        <>
          <span className="learn-untrained">Initial weights: this graph has not trained yet, so the filter is random.</span>
          <button type="button" onClick={onTrain} disabled={running}>
            {running ? 'Training…' : 'Train'}
          </button>
          <span>{what}</span>
        </>
      )}
    </div>
  );
}

function LayerSteps({ answer, params, nodeId, source, filter, channel }: { answer: Inferred; params: Params; nodeId: string; source: string; filter: number; channel: number }) {
  const input = tensorOf(answer.outputs[source]);
  const output = tensorOf(answer.outputs[nodeId]);
  const weights = tensorOf(answer.parameters[nodeId].weights);
  const bias = answer.parameters[nodeId].bias === undefined ? 0 : tensorOf(answer.parameters[nodeId].bias).values[filter];
  const geometry = convolutionGeometry(params, input.shape);
  const stepper = useStepper(geometry.outputHeight * geometry.outputWidth, 600);
  const position = stepPosition(geometry, stepper.index);
  const step = windowStep(geometry, input, weights, bias, filter, position.row, position.column);
  const here = step.products.filter((product) => product.channel === channel);
  const window = new Set(here.map((product) => `${product.row},${product.column}`));
  const windowGrid = Array.from({ length: geometry.kernel[0] }, (_, row) => here.slice(row * geometry.kernel[1], (row + 1) * geometry.kernel[1]).map((product) => product.value));
  const outputGrid = channelGrid(output, 0, filter);
  const engineValue = outputGrid[position.row][position.column];
  return (
    <>
      <div className="learn-row">
        <MapView grid={channelGrid(input, 0, channel)} caption={`Input${geometry.channels > 1 ? `, channel ${channel + 1} of ${geometry.channels}` : ''} (${geometry.inputHeight}×${geometry.inputWidth})`} highlighted={window} testId="netconv-input" />
        <MapView grid={windowGrid} caption="Window" cell={40} testId="netconv-window" />
        <MapView grid={kernelGrid(weights, channel, filter)} caption={`Filter ${filter + 1}${geometry.channels > 1 ? `, channel ${channel + 1}` : ''}`} cell={40} testId="netconv-kernel" />
        <MapView grid={outputGrid} caption={`Output of filter ${filter + 1}, from the engine (${geometry.outputHeight}×${geometry.outputWidth})`} filled={stepper.index + 1} strong={new Set([`${position.row},${position.column}`])} testId="netconv-output" />
      </div>
      <Equation step={step} channel={channel} channels={geometry.channels} engineValue={engineValue} />
      <StepControls stepper={stepper} label="netconv" />
    </>
  );
}

function Equation({ step, channel, channels, engineValue }: { step: WindowStep; channel: number; channels: number; engineValue: number }) {
  const here = step.products.filter((product) => product.channel === channel);
  const matches = agrees(step.sum, engineValue);
  return (
    <div className="learn-equation" data-testid="netconv-equation" data-sum={step.sum} data-output={engineValue}>
      <strong>
        Output row {step.outputRow + 1}, column {step.outputColumn + 1}:
      </strong>
      <div data-testid="netconv-products">
        {channels > 1 ? `channel ${channel + 1}: ` : ''}
        {here.map((product) => `${shortNumber(product.value, 4)}×${shortNumber(product.weight, 4)}`).join(' + ')} = {shortNumber(step.channelSums[channel], 4)}
      </div>
      {channels > 1 && <div>sum over the {channels} channels = {step.channelSums.map((value) => shortNumber(value, 3)).join(' + ')}</div>}
      <div data-testid="netconv-total">
        {channels > 1 ? 'all channels: ' : ''}
        {shortNumber(step.channelSums.reduce((total, value) => total + value, 0), 4)} + bias {shortNumber(step.bias, 4)} = {shortNumber(step.sum, 4)}
      </div>
      <div className={matches ? '' : 'learn-problem'} data-testid="netconv-check">
        The engine&apos;s output here: {shortNumber(engineValue, 4)} {matches ? '✓ the same' : '✗ differs'}
      </div>
    </div>
  );
}
