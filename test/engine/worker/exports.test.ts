// The app's export through the engine host: ONNX files with their parity check, the PyTorch package
// as a zip, model.py for the code view, and the check that a checkpoint fits a graph; every failure
// comes back as a problem for its request, with the message the user sees.
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ModelProto } from '../../../engine/export/onnx/schema.ts';
import { fileStem, onnxFileName } from '../../../engine/worker/exports.ts';
import { readExamples } from '../graph/examples.ts';
import { createHarness } from './hostHarness.ts';

type Document = Record<string, unknown> & { nodes: { id: string; type: string; params: Record<string, unknown> }[]; edges: unknown[] };
const example = (name: string) => structuredClone(readExamples().find((candidate) => candidate.name === name)!.document) as Document;

async function trained(steps: number) {
  const harness = createHarness();
  await harness.send({ type: 'compile', document: example('xo-cnn.json'), backend: 'cpu' });
  await harness.send({ type: 'start', settings: { steps, backend: 'cpu' } });
  return harness;
}

describe('export in the engine worker', () => {
  it('names files as the CLI does', () => {
    expect(fileStem('X vs O CNN')).toBe('x-vs-o-cnn');
    expect(fileStem('!!!')).toBe('graph');
    expect(onnxFileName('dcgan', 'model')).toBe('dcgan.onnx');
    expect(onnxFileName('dcgan', 'generator')).toBe('dcgan.generator.onnx');
  });

  it("exports the latest run's weights to ONNX and checks them in onnxruntime", async () => {
    const harness = await trained(5);
    await harness.send({ type: 'export', requestId: 1, document: example('xo-cnn.json'), format: 'onnx', weights: { kind: 'run' } });
    const [exported] = harness.of('exported');
    expect(exported.weights).toBe("the latest run's weights (step 5)");
    expect(exported.files.map((file) => file.name)).toEqual(['x-vs-o-cnn.onnx']);
    const model = ModelProto.decode(new Uint8Array(exported.files[0].data)) as unknown as { opset_import: { version: unknown }[]; graph: { output: { name: string }[] } };
    expect(Number(model.opset_import[0].version)).toBe(17);
    expect(model.graph.output.map((output) => output.name)).toEqual(['logits', 'probabilities']);
    expect(exported.parity?.map((result) => [result.output, result.passed])).toEqual([
      ['logits', true],
      ['probabilities', true],
    ]);
    for (const result of exported.parity ?? []) expect(result.maxRelative).toBeLessThanOrEqual(1e-4);
    expect(harness.of('exportProgress').map((event) => event.stage)).toEqual(['Building the ONNX models', 'Checking the model in onnxruntime']);
  }, 60_000);

  it("refuses the run's weights for a graph changed since, saying so", async () => {
    const harness = await trained(3);
    const changed = example('xo-cnn.json');
    changed.nodes.find((node) => node.id === 'conv2d1')!.params.filters = 6;
    await harness.send({ type: 'export', requestId: 10, document: changed, format: 'onnx', weights: { kind: 'run' } });
    const [problem] = harness.of('problem');
    expect(problem).toMatchObject({ requestId: 10, fatal: false });
    expect(problem.problems[0].message).toMatch(/^The latest run's weights do not fit the graph as it is now \(was it changed since\?\): .*conv2d1/);
    expect(harness.of('exported')).toHaveLength(0);
  }, 60_000);

  it("exports an autoencoder's encoder beside the whole model from the seeded weights", async () => {
    const harness = createHarness();
    await harness.send({ type: 'export', requestId: 2, document: example('dense-autoencoder.json'), format: 'onnx', layout: 'nhwc', weights: { kind: 'initial' } });
    const [exported] = harness.of('exported');
    expect(exported.weights).toBe('the initial weights (seeded, untrained)');
    expect(exported.files.map((file) => file.name)).toEqual(['dense-autoencoder.onnx', 'dense-autoencoder.encoder.onnx']);
    expect(exported.parity?.every((result) => result.passed)).toBe(true);
  }, 60_000);

  it('exports a GAN as its generator and its discriminator, each checked', async () => {
    const harness = createHarness();
    await harness.send({ type: 'export', requestId: 11, document: example('dcgan-mnist.json'), format: 'onnx', weights: { kind: 'initial' } });
    const [exported] = harness.of('exported');
    expect(exported.files.map((file) => file.name)).toEqual(['dcgan-for-mnist.generator.onnx', 'dcgan-for-mnist.discriminator.onnx']);
    expect(exported.parity?.map((result) => [result.part, result.output, result.passed])).toEqual([
      ['generator', 'sample', true],
      ['discriminator', 'logits', true],
      ['discriminator', 'probabilities', true],
    ]);
  }, 60_000);

  it('exports the PyTorch package as one zip', async () => {
    const harness = createHarness();
    await harness.send({ type: 'export', requestId: 3, document: example('xo-cnn.json'), format: 'pytorch', weights: { kind: 'initial' } });
    const [exported] = harness.of('exported');
    expect(exported.files.map((file) => file.name)).toEqual(['x-vs-o-cnn-pytorch.zip']);
    const entries = unzipSync(new Uint8Array(exported.files[0].data));
    expect(Object.keys(entries).sort()).toEqual(['README.md', 'data.npz', 'data.py', 'model.py', 'train.py', 'weights.npz'].map((name) => `x-vs-o-cnn-pytorch/${name}`));
    expect(strFromU8(entries['x-vs-o-cnn-pytorch/model.py'])).toContain('self.conv2d1 = nn.Conv2d(');
    expect(exported.parity).toBeUndefined();
  }, 60_000);

  it('refuses run weights when nothing has trained, naming what to do', async () => {
    const harness = createHarness();
    await harness.send({ type: 'export', requestId: 4, document: example('xo-cnn.json'), format: 'onnx', weights: { kind: 'run' } });
    expect(harness.of('problem')[0]).toMatchObject({ requestId: 4, fatal: false, problems: [{ message: 'There is no run of this graph in this session to export: train it first, or export its initial weights.' }] });
  });

  it("gives model.py for the code view, and the graph's problem when it has one", async () => {
    const harness = createHarness();
    await harness.send({ type: 'pytorchCode', requestId: 5, document: example('xo-cnn.json') });
    expect(harness.of('code')[0].code).toMatch(/class \w+\(nn\.Module\)/);
    const broken = example('xo-cnn.json');
    broken.edges = [];
    await harness.send({ type: 'pytorchCode', requestId: 6, document: broken });
    const [problem] = harness.of('problem');
    expect(problem.requestId).toBe(6);
    expect(problem.problems[0].message).toMatch(/^The graph has a problem \(node \w+\): [^.]+\. \S/);
  });

  it('checks that a checkpoint fits the graph before Train starts from it', async () => {
    const harness = await trained(4);
    await harness.send({ type: 'saveCheckpoint', requestId: 7 });
    const data = harness.of('checkpoint')[0].data;
    await harness.send({ type: 'checkWeights', requestId: 8, document: example('xo-cnn.json'), name: 'x.ckpt', data: data.slice(0) });
    expect(harness.of('weightsChecked')[0]).toEqual({ type: 'weightsChecked', requestId: 8, name: 'x.ckpt', steps: 4, epoch: 0 });
    await harness.send({ type: 'checkWeights', requestId: 9, document: example('mnist-mlp.json'), name: 'x.ckpt', data: data.slice(0) });
    const [problem] = harness.of('problem');
    expect(problem.requestId).toBe(9);
    expect(problem.problems[0].message).toMatch(/^x\.ckpt: /);
  }, 60_000);
});
