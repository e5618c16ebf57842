// `netloom train`, `eval` and `predict`: JSON lines, checkpoints that resume exactly, exit codes.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import { generatedDatasets } from '../../../engine/data/builtin/index.ts';
import { readNpy } from '../../../engine/data/readers/npy.ts';
import { npyBytes } from '../data/fixtures.ts';
import { readExamples } from '../graph/examples.ts';
import { folder, jsonLines, netloom, root, stepLosses, writeJson } from './cliHarness.ts';

const xo = join(root, 'assets/examples/xo-cnn.json');

/** The X-vs-O CNN with batch norm and dropout, so a resume must restore their state too. */
function regularizedXo(): string {
  const document = JSON.parse(readFileSync(xo, 'utf8'));
  const conv = document.nodes.find((node: { type: string }) => node.type === 'Conv2D');
  document.nodes.push({ id: 'norm', type: 'BatchNorm', params: {}, position: { x: 0, y: 200 } }, { id: 'drop', type: 'Dropout', params: { rate: 0.3 }, position: { x: 0, y: 300 } });
  const out = document.edges.find((edge: { source: string }) => edge.source === conv.id);
  document.edges.push({ id: 'norm-in', source: conv.id, target: 'norm' }, { id: 'drop-in', source: 'norm', target: 'drop' });
  out.source = 'drop';
  document.training.optimizer = { type: 'adam', learningRate: 0.01 };
  return writeJson('regularized-xo.json', document);
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe('netloom train', () => {
  it('prints one JSON object a line and ends with done', async () => {
    const result = await netloom('train', xo, '--steps', '30', '--jsonl');
    expect(result.code).toBe(0);
    const lines = jsonLines(result.out);
    expect(lines.filter((line) => line.type === 'step')).toHaveLength(30);
    expect(lines.at(-1)).toMatchObject({ type: 'done', steps: 30, reason: 'finished' });
    const losses = stepLosses(result.out);
    expect(losses.slice(-5).reduce((a, b) => a + b) / 5).toBeLessThan(losses.slice(0, 5).reduce((a, b) => a + b) / 5);
  });

  it('an interrupted and resumed run matches an uninterrupted one, bit for bit', async () => {
    const graph = regularizedXo();
    const whole = await netloom('train', graph, '--steps', '24', '--batch', '16', '--jsonl');
    const checkpoint = join(folder, 'half.ckpt');
    const first = await netloom('train', graph, '--steps', '12', '--batch', '16', '--jsonl', '--save', checkpoint);
    const second = await netloom('train', graph, '--steps', '12', '--batch', '16', '--jsonl', '--resume', checkpoint);
    expect([whole.code, first.code, second.code]).toEqual([0, 0, 0]);
    expect(stepLosses(first.out)).toEqual(stepLosses(whole.out).slice(0, 12));
    expect(stepLosses(second.out)).toEqual(stepLosses(whole.out).slice(12));
    expect(jsonLines(second.out).find((line) => line.type === 'step')).toMatchObject({ step: 13 });
  });

  it('eval prints metrics and predict writes probabilities', async () => {
    const checkpoint = join(folder, 'xo.ckpt');
    expect((await netloom('train', xo, '--epochs', '3', '--save', checkpoint)).code).toBe(0);
    const evaluation = await netloom('eval', xo, '--weights', checkpoint);
    const metrics = JSON.parse(evaluation.out[0]) as { examples: number; accuracy: number; confusion: number[][] };
    expect(metrics.examples).toBe(200);
    expect(metrics.accuracy).toBeGreaterThan(0.95);
    expect(metrics.confusion.flat().reduce((a, b) => a + b)).toBe(200);
    // Eight held-out X and O images, written by the tests' own NPY writer (numpy's version 1.0 layout).
    const images = generatedDatasets.xo({ seed: 4242, count: 8 });
    const input = join(folder, 'x.npy');
    const output = join(folder, 'y.npy');
    writeFileSync(input, npyBytes('<f4', [8, 9, 9, 1], images.inputs.values));
    const predicted = await netloom('predict', xo, '--weights', checkpoint, '--input', input, '--output', output);
    expect(predicted.code).toBe(0);
    const written = await readNpy(createNodeFileSource(), output);
    expect(written.shape).toEqual([8, 2]);
    // Byte for byte the file numpy.save writes for these values: magic, version 1.0, the padded header, little-endian float32.
    expect(Buffer.from(readFileSync(output)).equals(Buffer.from(npyBytes('<f4', [8, 2], written.values)))).toBe(true);
    const rows = Array.from({ length: 8 }, (_, row) => [written.values[2 * row], written.values[2 * row + 1]]);
    for (const [first, second] of rows) expect(first + second).toBeCloseTo(1, 5);
    const labels = images.targets.kind === 'class' ? Array.from(images.targets.values) : [];
    const right = rows.filter(([first, second], row) => (second > first ? 1 : 0) === labels[row]).length;
    expect(right).toBeGreaterThanOrEqual(7);
  });

  it('exits 1 with a clear message on bad input', async () => {
    const missing = await netloom('train', join(folder, 'nope.json'));
    expect(missing).toMatchObject({ code: 1, error: [expect.stringMatching(/Cannot read .*nope\.json: no such file/)] });
    const csv = join(folder, 'bad.csv');
    execFileSync('sh', ['-c', `printf 'a,b\\n1,2\\n3,oops\\n' > ${csv}`]);
    const badData = await netloom('train', xo, '--data', csv);
    expect(badData.code).toBe(1);
    expect(badData.error.join('\n')).toMatch(/bad\.csv line 3, column "b": the field \(4 characters\) is not a number/);
    expect((await netloom('train', xo, '--steps', 'many')).error[0]).toMatch(/--steps must be a whole number/);
  });

  it('exits 2 when training diverges, naming the node', async () => {
    const document = JSON.parse(readFileSync(join(root, 'assets/examples/sine-lstm.json'), 'utf8'));
    document.nodes.splice(1, 1, { id: 'wide', type: 'Dense', params: { units: 64 }, position: { x: 0, y: 0 } });
    document.nodes[0].params = { kind: 'vector', features: 2 };
    document.edges = [
      { id: 'a', source: document.nodes[0].id, target: 'wide' },
      { id: 'b', source: 'wide', target: document.nodes[2].id },
      { id: 'c', source: document.nodes[2].id, target: document.nodes[3].id },
    ];
    document.dataset = { source: 'builtin', name: 'xor', options: { targets: 'value' } };
    document.training = { task: 'regress', optimizer: { type: 'sgd', learningRate: 10 }, batchSize: 4, validationSplit: 0, epochs: 200 };
    const result = await netloom('train', writeJson('diverge.json', document), '--jsonl');
    expect(result.code).toBe(2);
    const diverged = jsonLines(result.out).find((line) => line.type === 'diverged');
    expect(diverged?.nodeId).toMatch(/^(wide|dense1)$/);
    expect(diverged?.message).toMatch(/diverged at step \d+/);
  });
});

describe('every example trains a few steps from the command line', () => {
  for (const { name, document } of readExamples()) {
    if (name === 'fashion-cnn.json') continue;
    it(name, async () => {
      const gan = (document.training as { task?: string }).task === 'gan';
      const steps = name === 'gru-waveforms.json' ? 60 : gan ? 10 : 25;
      const result = await netloom('train', join(root, 'assets/examples', name), '--steps', String(steps), '--batch', gan ? '8' : '16', '--jsonl');
      expect(result.code, result.error.join('\n')).toBe(0);
      const losses = stepLosses(result.out, gan ? 'discriminator' : 'loss');
      expect(losses).toHaveLength(steps);
      const window = gan ? 3 : 6;
      expect(losses.slice(-window).reduce((a, b) => a + b)).toBeLessThan(losses.slice(0, window).reduce((a, b) => a + b));
    }, 60_000);
  }
});
