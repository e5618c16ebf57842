// The Learn panel's LSTM cell: one LSTM of the latest run over one dataset example, every step's
// gates, cell and hidden state as the kernel computes them, with each gate's sum split into its
// parts (W·x_t, U·h_{t−1}, b) so the panel can fill the equations in. The run's weights are copied
// into a batch-of-one copy of its graph on the reference backend: the run itself is not touched.
import { createBatcher, documentNormalization } from '../data/index.ts';
import type { EngineEvent, LearnDynamicsRequest, LstmCellValues } from '../protocol/index.ts';
import { dataInputOf } from '../train/loops/feed.ts';
import { SupervisedTask } from '../train/loops/supervisedTask.ts';
import { Model } from '../train/model.ts';
import type { TrainingRun } from '../train/run.ts';
import { copyWeights } from './inferenceCopies.ts';

type LstmCellEvent = Extract<EngineEvent, { type: 'lstmCell' }>;

/** One unit's weights: for each gate i, f, g, o its input weights (one per feature), hidden weights (one per unit) and bias. */
export interface UnitWeights {
  readonly input: readonly (readonly number[])[];
  readonly hidden: readonly (readonly number[])[];
  readonly bias: readonly number[];
}

export interface UnitStep {
  /** The sums before the activations, i, f, g, o. */
  readonly sums: readonly number[];
  readonly inputGate: number;
  readonly forgetGate: number;
  readonly candidate: number;
  readonly outputGate: number;
  readonly cell: number;
  readonly hidden: number;
}

const sigmoid = (value: number) => 1 / (1 + Math.exp(-value));

/** The LSTM equations for one unit at one step: z = W·x + U·h_{t−1} + b per gate; i, f, o = σ(z), g = tanh(z); c = f·c_{t−1} + i·g; h = o·tanh(c). */
export function lstmUnitStep(weights: UnitWeights, x: readonly number[], previousHidden: readonly number[], previousCell: number): UnitStep {
  const sums = [0, 1, 2, 3].map((gate) => {
    const fromInput = x.reduce((sum, value, feature) => sum + value * weights.input[gate][feature], 0);
    const fromHidden = previousHidden.reduce((sum, value, unit) => sum + value * weights.hidden[gate][unit], 0);
    return fromInput + fromHidden + weights.bias[gate];
  });
  const [inputGate, forgetGate, outputGate] = [sigmoid(sums[0]), sigmoid(sums[1]), sigmoid(sums[3])];
  const candidate = Math.tanh(sums[2]);
  const cell = forgetGate * previousCell + inputGate * candidate;
  return { sums, inputGate, forgetGate, candidate, outputGate, cell, hidden: outputGate * Math.tanh(cell) };
}

export interface LstmArrays {
  readonly steps: number;
  readonly features: number;
  readonly units: number;
  /** [T, F] */
  readonly input: ArrayLike<number>;
  /** [H], the state before the first step. */
  readonly initialHidden: ArrayLike<number>;
  /** [T, H] */
  readonly hidden: ArrayLike<number>;
  /** [F, 4H], [H, 4H], [4H], gates stacked i, f, g, o. */
  readonly inputWeights: ArrayLike<number>;
  readonly hiddenWeights: ArrayLike<number>;
  readonly bias: ArrayLike<number>;
}

/** Each gate's sum split in its parts, [T, 4, H] each: W·x_t, U·h_{t−1}, b. */
export function gateParts(arrays: LstmArrays): { fromInput: Float32Array; fromHidden: Float32Array; bias: Float32Array } {
  const { steps, features, units } = arrays;
  const columns = 4 * units;
  const size = steps * columns;
  const parts = { fromInput: new Float32Array(size), fromHidden: new Float32Array(size), bias: new Float32Array(size) };
  for (let step = 0; step < steps; step++) {
    const previous = (unit: number) => (step === 0 ? arrays.initialHidden[unit] : arrays.hidden[(step - 1) * units + unit]);
    for (let column = 0; column < columns; column++) {
      let fromInput = 0;
      for (let feature = 0; feature < features; feature++) fromInput += arrays.input[step * features + feature] * arrays.inputWeights[feature * columns + column];
      let fromHidden = 0;
      for (let unit = 0; unit < units; unit++) fromHidden += previous(unit) * arrays.hiddenWeights[unit * columns + column];
      parts.fromInput[step * columns + column] = fromInput;
      parts.fromHidden[step * columns + column] = fromHidden;
      parts.bias[step * columns + column] = arrays.bias[column];
    }
  }
  return parts;
}

/** Splits gates [T, 4H] (i, f, g, o) into four [T, H] arrays. */
export function splitGateColumns(gates: ArrayLike<number>, steps: number, units: number): Float32Array[] {
  return [0, 1, 2, 3].map((gate) => {
    const values = new Float32Array(steps * units);
    for (let step = 0; step < steps; step++) for (let unit = 0; unit < units; unit++) values[step * units + unit] = gates[step * 4 * units + gate * units + unit];
    return values;
  });
}

const copies = new WeakMap<Model, Model>();

/** The answer to `lstmCell`: the values, or a problem that says what to do. */
export async function lstmCellAnswer(run: TrainingRun | null, request: Extract<LearnDynamicsRequest, { type: 'lstmCell' }>): Promise<LstmCellEvent> {
  const answer = { type: 'lstmCell', requestId: request.requestId, graph: '', nodeId: request.nodeId ?? '', layers: [] as readonly string[], example: request.example, exampleCount: 0, step: run?.steps ?? 0 } as const;
  try {
    if (run === null || run.steps === 0) throw new Error('Nothing has trained yet: train a graph with an LSTM layer, then open this lab again.');
    if (!(run.loop instanceof SupervisedTask)) throw new Error('The latest run is not a supervised one: train a graph with an LSTM layer first.');
    const { model, dataset } = run.loop.parts;
    const document = model.compiled.document;
    const layers = document.nodes.filter((node) => node.type === 'LSTM').map((node) => node.id);
    const lstm = document.nodes.find((node) => node.type === 'LSTM' && (request.nodeId === undefined || node.id === request.nodeId));
    if (lstm === undefined) throw new Error(`The graph that trained last (${document.metadata.name}) has no LSTM layer${request.nodeId === undefined ? '' : ` named ${request.nodeId}`}: add one and train, or open the Sine LSTM example.`);
    const counted = { ...answer, graph: document.metadata.name, nodeId: lstm.id, layers, exampleCount: dataset.count };
    if (!Number.isInteger(request.example) || request.example < 0 || request.example >= dataset.count) throw new Error(`Example ${request.example} is outside the dataset (0 to ${dataset.count - 1}).`);
    const values = await cellValues(model, lstm.id, dataset, request.example);
    return { ...counted, values };
  } catch (cause) {
    return { ...answer, problem: cause instanceof Error ? cause.message : String(cause) };
  }
}

async function cellValues(model: Model, nodeId: string, dataset: SupervisedTask['parts']['dataset'], example: number): Promise<LstmCellValues> {
  const document = model.compiled.document;
  let copy = copies.get(model);
  if (copy === undefined) {
    copy = Model.compile(document, { batchSize: 1 });
    copies.set(model, copy);
  }
  await copyWeights(model, copy, true);
  const batcher = createBatcher(dataset, { batchSize: 1, indices: Int32Array.of(example), shuffle: false, normalization: documentNormalization(document, dataset) });
  const inputs = batcher.fill(0).inputs;
  copy.write(copy.inputBuffer(dataInputOf(copy)), inputs);
  copy.forward('infer');
  const vocabulary = dataset.vocabulary;
  const symbols = dataset.inputs.kind === 'token' && vocabulary !== undefined ? Array.from(inputs, (token) => vocabulary[token] ?? `#${token}`) : undefined;
  return { ...(await readLstm(copy, nodeId)), symbols };
}

async function readLstm(copy: Model, nodeId: string): Promise<LstmCellValues> {
  const call = copy.compiled.inferForward.find((candidate) => candidate.node === nodeId && candidate.op.op === 'lstmSequence');
  if (call === undefined) throw new Error(`Layer ${nodeId} was not compiled as an LSTM.`);
  const read = async (buffer: number) => (await copy.read(buffer)).data;
  const [input, initialHidden, , inputWeights, hiddenWeights, bias] = await Promise.all(call.inputs.map(read));
  const [hidden, cell, gates] = await Promise.all(call.outputs.map(read));
  const [, steps, features] = copy.shapeOf(call.inputs[0]);
  const units = copy.shapeOf(call.inputs[1])[1];
  const parts = gateParts({ steps, features, units, input, initialHidden, hidden, inputWeights, hiddenWeights, bias });
  const [inputGate, forgetGate, candidate, outputGate] = splitGateColumns(gates, steps, units).map((values) => values.buffer as ArrayBuffer);
  const buffer = (values: ArrayLike<number>) => Float32Array.from(values).buffer as ArrayBuffer;
  return {
    steps,
    units,
    features,
    input: buffer(input),
    inputGate,
    forgetGate,
    candidate,
    outputGate,
    cell: buffer(cell),
    hidden: buffer(hidden),
    fromInput: parts.fromInput.buffer as ArrayBuffer,
    fromHidden: parts.fromHidden.buffer as ArrayBuffer,
    bias: parts.bias.buffer as ArrayBuffer,
  };
}
