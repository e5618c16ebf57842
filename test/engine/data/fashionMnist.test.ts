// Fashion-MNIST read from Debian's IDX .gz files (package fashion-mnist, in
// /usr/share/datasets/fashion-mnist): 60,000 training and 10,000 test images, 28×28, 10
// balanced classes.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import { FASHION_MNIST_DIRECTORY, fashionMnistFiles, loadFashionMnist } from '../../../engine/data/builtin/fashionMnist.ts';
import { classCounts } from '../../../engine/data/dataset.ts';
import { expectDataError } from './fixtures.ts';
import { dumpExamples } from './imageDump.ts';

const files = createNodeFileSource();
const present = existsSync(fashionMnistFiles(FASHION_MNIST_DIRECTORY, 'train').images);
const reason = `Fashion-MNIST is not installed at ${FASHION_MNIST_DIRECTORY} (Debian package fashion-mnist)`;

describe.skipIf(!present)(`Fashion-MNIST from Debian's files${present ? '' : ` (skipped: ${reason})`}`, () => {
  it('has 60,000 training images of 28×28×1 in 10 balanced classes', async () => {
    const dataset = await loadFashionMnist(files);
    expect(dataset.count).toBe(60000);
    expect(dataset.inputDims).toEqual([28, 28, 1]);
    expect(Array.from(classCounts(dataset) ?? [])).toEqual(new Array(10).fill(6000));
    expect(dataset.targets.kind === 'class' && dataset.targets.classNames[9]).toBe('Ankle boot');
    const pixels = dataset.inputs.values;
    let sum = 0;
    for (let index = 0; index < pixels.length; index++) sum += pixels[index];
    expect(sum / pixels.length / 255).toBeGreaterThan(0.2);
    expect(sum / pixels.length / 255).toBeLessThan(0.4);
    const labels = dataset.targets.kind === 'class' ? dataset.targets.values : new Int32Array(0);
    const picks = Array.from({ length: 10 }, (_, label) => [labels.indexOf(label), labels.indexOf(label, labels.indexOf(label) + 1)]).flat();
    dumpExamples(dataset, picks, 'fashion-mnist.png', 10, 2);
  });

  it('has 10,000 balanced test images', async () => {
    const dataset = await loadFashionMnist(files, FASHION_MNIST_DIRECTORY, undefined, { split: 'test' });
    expect(dataset.count).toBe(10000);
    expect(Array.from(classCounts(dataset) ?? [])).toEqual(new Array(10).fill(1000));
  });
});

describe('Fashion-MNIST elsewhere', () => {
  it('names the missing file', async () => {
    await expectDataError(loadFashionMnist(files, '/nonexistent/fashion'), { file: '/nonexistent/fashion/train-images-idx3-ubyte.gz' }, /no such file or folder/);
  });
});
