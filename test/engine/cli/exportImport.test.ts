// `netloom export` and `netloom import`: ONNX with its parity check, the PyTorch package, and the
// package's weights back into a checkpoint that evaluates exactly as the one exported.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { folder, netloom, root } from './cliHarness.ts';

const XO = join(root, 'assets/examples/xo-cnn.json');
const LENET = join(root, 'assets/examples/lenet5.json');
const checkpoint = join(folder, 'xo.ckpt');

beforeAll(async () => {
  expect((await netloom('train', XO, '--steps', '10', '--save', checkpoint)).code).toBe(0);
}, 120_000);

describe('netloom export', () => {
  it('writes ONNX and checks it against Netloom in onnxruntime', async () => {
    const out = join(folder, 'xo.onnx');
    const result = await netloom('export', XO, '--weights', checkpoint, '--format', 'onnx', '--out', out, '--check');
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(result.out).toHaveLength(2);
    for (const line of result.out) expect(line).toMatch(/^check model (logits|probabilities): max absolute difference \S+, max relative \S+ \(onnxruntime against Netloom\): ok$/);
  });

  it('writes the PyTorch package into a folder, made when missing', async () => {
    const out = join(folder, 'made', 'xo-pytorch');
    const result = await netloom('export', XO, '--weights', checkpoint, '--format', 'pytorch', '--out', out);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['README.md', 'data.npz', 'data.py', 'model.py', 'train.py', 'weights.npz']);
  });

  it('refuses a file as the package folder, and a checkpoint of another graph, in one line', async () => {
    const file = join(folder, 'a-file.txt');
    writeFileSync(file, 'x');
    const onFile = await netloom('export', XO, '--weights', checkpoint, '--format', 'pytorch', '--out', file);
    expect(onFile.code).toBe(1);
    expect(onFile.error).toEqual([`--out ${file} is a file; a PyTorch package is a folder: give a folder path, such as ${join(folder, 'pytorch')}.`]);
    const other = await netloom('export', LENET, '--weights', checkpoint, '--format', 'onnx', '--out', join(folder, 'l.onnx'));
    expect(other.code).toBe(1);
    expect(other.error).toHaveLength(1);
    expect(other.error[0]).toContain(checkpoint);
  });
});

describe('netloom import', () => {
  it('turns the exported weights.npz back into a checkpoint that evaluates the same', async () => {
    const out = join(folder, 'round-trip');
    expect((await netloom('export', XO, '--weights', checkpoint, '--format', 'pytorch', '--out', out)).code).toBe(0);
    const back = join(folder, 'back.ckpt');
    const imported = await netloom('import', XO, '--state-dict', join(out, 'weights.npz'), '--save', back);
    expect(imported.code).toBe(0);
    const before = JSON.parse((await netloom('eval', XO, '--weights', checkpoint)).out.join('')) as { loss: number; accuracy: number };
    const after = JSON.parse((await netloom('eval', XO, '--weights', back)).out.join('')) as { loss: number; accuracy: number };
    expect(after.loss).toBe(before.loss);
    expect(after.accuracy).toBe(before.accuracy);
    const resumed = await netloom('train', XO, '--resume', back, '--steps', '3');
    expect(resumed.code).toBe(0);
  }, 120_000);

  it('says which weight does not fit, or that the file is missing, in one line', async () => {
    const out = join(folder, 'round-trip', 'weights.npz');
    const wrong = await netloom('import', LENET, '--state-dict', out, '--save', join(folder, 'wrong.ckpt'));
    expect(wrong.code).toBe(1);
    expect(wrong.error).toEqual([`${out}: conv2d1.weight has shape [4, 1, 3, 3], the graph needs [6, 1, 5, 5]: it was saved from another graph.`]);
    const missing = await netloom('import', XO, '--state-dict', join(folder, 'none.npz'), '--save', join(folder, 'none.ckpt'));
    expect(missing.error).toEqual([`Cannot read ${join(folder, 'none.npz')}: check the path given to --state-dict.`]);
    expect(existsSync(join(folder, 'wrong.ckpt'))).toBe(false);
  }, 60_000);
});
