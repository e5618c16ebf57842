// The Learn panel's worker requests: inference on chosen examples (initial or the run's weights)
// checked against the layers' arithmetic done by hand here, and an activation's inputs binned.
import { describe, expect, it } from 'vitest';
import { freshWeights } from '../../../engine/export/weights.ts';
import { analyzeGraph } from '../../../engine/graph/index.ts';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import { activationInputStats } from '../../../engine/worker/activationInputs.ts';
import { readExamples } from '../graph/examples.ts';
import { createHarness } from './hostHarness.ts';

const xo = () => structuredClone(readExamples().find((example) => example.name === 'xo-cnn.json')!.document);
const floats = (tensor: { data: ArrayBuffer }) => new Float32Array(tensor.data);
const NODES = ['input1', 'conv2d1', 'relu1', 'maxpool2d1', 'dense1'];
type Inferred = Extract<EngineEvent, { type: 'examplesInferred' }>;

async function infer(harness: ReturnType<typeof createHarness>, weights: 'run' | 'initial', requestId: number): Promise<Inferred> {
  await harness.send({ type: 'inferExamples', requestId, document: xo(), weights, examples: [{ label: 0 }, { label: 1, nth: 2 }], nodeIds: NODES, parameterNodeIds: ['conv2d1', 'dense1'] });
  const answer = harness.of('examplesInferred').find((event) => event.requestId === requestId);
  if (answer === undefined) throw new Error(JSON.stringify(harness.of('problem')));
  return answer;
}

/** Output (row, column, filter) of example `example` of a valid 3×3 convolution, 9×9×1 in, 7×7×4 out, weights [3, 3, 1, 4]. */
function convolutionCell(input: Float32Array, weights: Float32Array, bias: Float32Array, example: number, row: number, column: number, filter: number): number {
  let sum = bias[filter];
  for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) sum += input[example * 81 + (row + dy) * 9 + column + dx] * weights[(dy * 3 + dx) * 4 + filter];
  return sum;
}

describe('inferExamples', () => {
  it('runs the chosen X and O through the seeded initial weights, each layer as its arithmetic says', async () => {
    const harness = createHarness();
    const answer = await infer(harness, 'initial', 3);
    expect(answer.steps).toBe(0);
    // xo alternates X (0) and O (1): the first X is example 0, the third O is example 5.
    expect(answer.examples).toEqual([{ index: 0, label: 0, className: 'X' }, { index: 5, label: 1, className: 'O' }]);
    const fresh = freshWeights(analyzeGraph(xo()).document!).weights;
    const weights = floats(answer.parameters.conv2d1.weights);
    const bias = floats(answer.parameters.conv2d1.bias);
    expect([...weights]).toEqual([...fresh.get('conv2d1/weights')!]);
    const input = floats(answer.outputs.input1);
    const conv = floats(answer.outputs.conv2d1);
    expect(answer.outputs.conv2d1.shape).toEqual([2, 7, 7, 4]);
    // Example 1, row 2, column 3, filter 1: the nine products and the bias, by hand.
    expect(conv[49 * 4 + (2 * 7 + 3) * 4 + 1]).toBeCloseTo(convolutionCell(input, weights, bias, 1, 2, 3, 1), 5);
    const relu = floats(answer.outputs.relu1);
    expect([...relu]).toEqual([...conv].map((value) => Math.max(0, value)));
    const pooled = floats(answer.outputs.maxpool2d1);
    expect(answer.outputs.maxpool2d1.shape).toEqual([2, 3, 3, 4]);
    // Pooled (0, 0) of filter 2, example 0: the largest of relu (0..1, 0..1).
    expect(pooled[2]).toBe(Math.max(relu[2], relu[4 + 2], relu[28 + 2], relu[28 + 4 + 2]));
    const logits = floats(answer.outputs.dense1);
    const probabilities = floats(answer.probabilities!);
    const share = Math.exp(logits[0]) / (Math.exp(logits[0]) + Math.exp(logits[1]));
    expect(probabilities[0]).toBeCloseTo(share, 5);
    expect(answer.classNames).toEqual(['X', 'O']);
  });

  it('reads the latest run\'s weights after training, and those tell the X from the O', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: xo(), backend: 'cpu' });
    await harness.send({ type: 'start', settings: { steps: 120, telemetryRate: 1e9 } });
    await harness.send({ type: 'readWeights', requestId: 1, nodeId: 'conv2d1' });
    const [read] = harness.of('weights');
    const answer = await infer(harness, 'run', 2);
    expect(answer.steps).toBe(120);
    expect([...floats(answer.parameters.conv2d1.weights)]).toEqual([...floats(read.tensors.weights)]);
    const probabilities = floats(answer.probabilities!);
    expect(probabilities[0]).toBeGreaterThan(0.5);
    expect(probabilities[3]).toBeGreaterThan(0.5);
  });

  it('refuses the run\'s weights before any run, and an example that does not exist', async () => {
    const harness = createHarness();
    await harness.send({ type: 'inferExamples', requestId: 4, document: xo(), weights: 'run', examples: [{ index: 0 }], nodeIds: [], parameterNodeIds: [] });
    await harness.send({ type: 'inferExamples', requestId: 5, document: xo(), weights: 'initial', examples: [{ index: 1000 }], nodeIds: [], parameterNodeIds: [] });
    const problems = harness.of('problem');
    expect(problems.map((problem) => [problem.requestId, problem.fatal])).toEqual([[4, false], [5, false]]);
    expect(problems[0].problems[0].message).toMatch(/train it first/);
    expect(problems[1].problems[0].message).toMatch(/Example 1000 is not in xo: it holds examples 0 to 999/);
  });
});

describe('activation inputs', () => {
  const relu = { from: -6, to: 6, bins: 4, regions: [{ from: Number.NEGATIVE_INFINITY, to: 0, kind: 'zero' as const }] };

  it('bins values on the range, counts the shares and the dead units by hand', () => {
    // Two examples of three units: unit 0 sees -1 and -0.5 (dead), unit 1 sees 2 and -2, unit 2 sees -7 and 7.
    const stats = activationInputStats([-1, 2, -7, -0.5, -2, 7], 2, relu);
    // Bins of width 3: [-6,-3) [-3,0) [0,3) [3,6]; -7 below, 7 above.
    expect(stats.histogram.counts).toEqual([0, 3, 1, 0]);
    expect([stats.below, stats.above, stats.units, stats.values]).toEqual([1, 1, 3, 6]);
    expect(stats.zeroShare).toBeCloseTo(4 / 6, 10);
    expect([stats.deadUnits, stats.saturatedUnits]).toEqual([1, 0]);
  });

  it('counts a sigmoid\'s saturated units: every input in a vanishing tail', () => {
    const sigmoid = { from: -6, to: 6, bins: 2, regions: [{ from: Number.NEGATIVE_INFINITY, to: -2.94, kind: 'vanishing' as const }, { from: 2.94, to: Number.POSITIVE_INFINITY, kind: 'vanishing' as const }] };
    const stats = activationInputStats([4, 0.5, -9, 3], 2, sigmoid);
    // Unit 0: 4 and -9, both in tails (saturated); unit 1: 0.5 and 3, not.
    expect([stats.deadUnits, stats.saturatedUnits]).toEqual([0, 1]);
    expect(stats.vanishingShare).toBe(0.75);
  });

  it('answers for a ReLU of the running graph: the conv outputs of the latest batch', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: xo(), backend: 'cpu' });
    await harness.send({ type: 'start', settings: { steps: 5, telemetryRate: 1e9 } });
    await harness.send({ type: 'binActivationInputs', requestId: 9, nodeId: 'relu1', ...relu });
    await harness.send({ type: 'probe', requestId: 10, nodeId: 'conv2d1', samples: [0] });
    const [binned] = harness.of('activationInputsBinned');
    expect(binned).toMatchObject({ requestId: 9, nodeId: 'relu1', inputNodeId: 'conv2d1', steps: 5 });
    expect([binned.stats.samples, binned.stats.units]).toEqual([32, 196]);
    const total = binned.stats.histogram.counts.reduce((sum, count) => sum + count, 0) + binned.stats.below + binned.stats.above;
    expect(total).toBe(32 * 196);
  });
});

describe('inferExamples against the graph as it is now', () => {
  it('refuses the run\'s weights once the graph changed since it trained, naming the buffer', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: xo(), backend: 'cpu' });
    await harness.send({ type: 'start', settings: { steps: 3, telemetryRate: 1e9 } });
    const edited = xo() as { nodes: { id: string; params: Record<string, unknown> }[] };
    edited.nodes.find((node) => node.id === 'conv2d1')!.params.filters = 8;
    await harness.send({ type: 'inferExamples', requestId: 6, document: edited, weights: 'run', examples: [{ index: 0 }], nodeIds: [], parameterNodeIds: [] });
    expect(harness.of('problem')[0].problems[0].message).toBe("The latest run's conv2d1/weights holds 36 values, the graph now needs 72: it changed since it trained. Train it again.");
  });

  it('feeds the examples standardized as training does when the graph asks for it', async () => {
    const document = xo() as { dataset: Record<string, unknown> };
    document.dataset.normalization = 'standardize';
    const harness = createHarness();
    await harness.send({ type: 'inferExamples', requestId: 7, document, weights: 'initial', examples: [{ index: 4 }], nodeIds: ['input1'], parameterNodeIds: [] });
    const fed = floats(harness.of('examplesInferred')[0].outputs.input1);
    // Standardized over the training split: the one example's values are centred near 0, no longer in [0, 1].
    expect(Math.min(...fed)).toBeLessThan(-0.1);
    const plain = createHarness();
    await plain.send({ type: 'inferExamples', requestId: 8, document: xo(), weights: 'initial', examples: [{ index: 4 }], nodeIds: ['input1'], parameterNodeIds: [] });
    const raw = floats(plain.of('examplesInferred')[0].outputs.input1);
    // One affine map for the one channel: the same factor between any two pixels' differences.
    const ratio = (fed[10] - fed[0]) / (raw[10] - raw[0]);
    expect((fed[40] - fed[0]) / (raw[40] - raw[0])).toBeCloseTo(ratio, 4);
    expect(ratio).toBeGreaterThan(1);
  });
});
