// Saving never loses a checkpoint: --save and --output are checked before any work, a diverged
// run leaves the last good checkpoint alone, a save killed at random points or stopped by a
// file-size limit leaves the previous checkpoint loadable, and concurrent saves never mix bytes.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckpointHeader } from '../../../engine/train/checkpoint.ts';
import { asVersion1 } from '../train/checkpointFixture.ts';
import { folder, netloom, root, writeJson } from './cliHarness.ts';

const xo = join(root, 'assets/examples/xo-cnn.json');

/** A folder this process cannot create files in: a read-only one, or /sys where permissions do not bind (root). */
function readOnlyFolder(): string {
  if (process.getuid?.() === 0) return '/sys';
  const path = join(folder, 'read-only');
  mkdirSync(path, { recursive: true });
  chmodSync(path, 0o555);
  return path;
}

/** A regression that diverges within a few hundred steps (SGD at learning rate 10). */
function divergingDocument() {
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
  return document;
}

describe('--save and --output are checked before any work', () => {
  it.each([
    ['a missing folder', () => join(folder, 'missing', 'run.ckpt'), /^--save .*missing\/run\.ckpt: the folder .*missing does not exist; create it first/],
    ['a folder', () => folder, /^--save .* is a folder: give a file path, such as .*run\.ckpt\.$/],
    ['a read-only folder', () => join(readOnlyFolder(), 'run.ckpt'), /^--save .*run\.ckpt: cannot create files in .* \((EACCES|EPERM|EROFS)[^)]*\); choose a folder you can write to\.$/],
    ['a device', () => '/dev/null', /^--save \/dev\/null is not a regular file/],
  ])('--save into %s exits 1 with one line and trains nothing', async (_title, path, message) => {
    const result = await netloom('train', xo, '--steps', '5', '--jsonl', '--save', path());
    expect(result).toMatchObject({ code: 1, out: [] });
    expect(result.error).toHaveLength(1);
    expect(result.error[0]).toMatch(message);
  });

  it('predict --output into a missing folder exits 1 before reading anything', async () => {
    const result = await netloom('predict', xo, '--weights', join(folder, 'absent.ckpt'), '--input', join(folder, 'absent.npy'), '--output', join(folder, 'missing', 'y.npy'));
    expect(result.code).toBe(1);
    expect(result.error).toEqual([expect.stringMatching(/^--output .*missing\/y\.npy: the folder .*missing does not exist/)]);
  });
});

describe('a saved checkpoint', () => {
  it('survives --resume X --save X, and loads with the steps of both runs', async () => {
    const path = join(folder, 'same.ckpt');
    expect((await netloom('train', xo, '--steps', '3', '--save', path)).code).toBe(0);
    expect((await netloom('train', xo, '--steps', '4', '--resume', path, '--save', path)).code).toBe(0);
    expect(readCheckpointHeader(new Uint8Array(readFileSync(path))).header).toMatchObject({ steps: 7, trainers: [{ step: 7 }] });
    expect(readdirSync(folder).filter((name) => name.includes('same.ckpt.'))).toEqual([]);
  });

  it('is named in the one-line message when it is damaged', async () => {
    const path = join(folder, 'damaged.ckpt');
    expect((await netloom('train', xo, '--steps', '2', '--save', path)).code).toBe(0);
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1] ^= 0x10;
    writeFileSync(path, bytes);
    for (const result of [await netloom('train', xo, '--steps', '2', '--resume', path), await netloom('eval', xo, '--weights', path)]) {
      expect(result.code).toBe(1);
      expect(result.error).toEqual([`${path}: checkpoint checksum does not match its contents (a byte changed, or the file was cut short); the file is damaged or was not written by Netloom: use another checkpoint, or train again.`]);
    }
  });

  it('in format version 1 (no checksum) still resumes, with a note', async () => {
    const path = join(folder, 'version1.ckpt');
    expect((await netloom('train', xo, '--steps', '2', '--save', path)).code).toBe(0);
    writeFileSync(path, asVersion1(new Uint8Array(readFileSync(path))));
    const resumed = await netloom('train', xo, '--steps', '1', '--jsonl', '--resume', path);
    expect(resumed.code).toBe(0);
    expect(resumed.error).toEqual([`note: ${path} is a version-1 checkpoint, without a checksum; --save writes version 2, which has one.`]);
    expect(resumed.out.map((line) => JSON.parse(line) as { type: string; step?: number }).find((line) => line.type === 'step')?.step).toBe(3);
  });

  it('is not overwritten by a run that diverges', async () => {
    const graph = writeJson('diverging.json', divergingDocument());
    const path = join(folder, 'good.ckpt');
    expect((await netloom('train', graph, '--steps', '1', '--save', path)).code).toBe(0);
    const good = readFileSync(path);
    const diverged = await netloom('train', graph, '--resume', path, '--save', path);
    expect(diverged.code).toBe(2);
    expect(diverged.error.at(-1)).toBe(`not saved: training diverged; ${path} keeps its previous contents.`);
    expect(readFileSync(path).equals(good)).toBe(true);
  });
});
