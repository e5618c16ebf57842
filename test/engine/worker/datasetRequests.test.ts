// Files a user gives, kept in the worker, previewed and trained on; and what a graph naming a
// file that is not there says (after a reload, or Fashion-MNIST in the web build).
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EngineRequest, FileToAdd } from '../../../engine/protocol/index.ts';
import { EngineHost } from '../../../engine/worker/host.ts';
import { SessionFiles } from '../../../engine/worker/sessionFiles.ts';
import { FASHION_MNIST_FOLDER } from '../../../engine/data/addedFiles.ts';
import { pngBytes } from '../data/fixtures.ts';

function appHost() {
  const events: EngineEvent[] = [];
  const sessionFiles = new SessionFiles();
  const host = new EngineHost((event) => events.push(event), { files: sessionFiles.source(), sessionFiles, fashionMnistDirectory: FASHION_MNIST_FOLDER, yieldControl: () => new Promise((resolve) => setImmediate(resolve)) });
  const send = (request: EngineRequest) => host.handle(request);
  const of = <Type extends EngineEvent['type']>(type: Type) => events.filter((event): event is Extract<EngineEvent, { type: Type }> => event.type === type);
  return { send, of, events };
}

/** 3 features, 2 classes: class "b" when the features sum past 1.5. */
function csvText(rows: number): string {
  const lines = ['f1,f2,f3,kind'];
  for (let row = 0; row < rows; row++) {
    const values = [0, 1, 2].map((column) => ((row * 7 + column * 3) % 10) / 10);
    lines.push(`${values.join(',')},${values[0] + values[1] + values[2] > 1.5 ? 'b' : 'a'}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('files a user gives, in the worker', () => {
  it('adds a CSV, guesses its text label column, and previews its rows, types and classes', async () => {
    const app = appHost();
    const files: FileToAdd[] = [{ path: 'points.csv', blob: new File([csvText(40)], 'points.csv') }];
    await app.send({ type: 'addFiles', requestId: 1, files });
    expect(app.of('problem')).toEqual([]);
    const dataset = app.of('filesAdded')[0].dataset;
    expect(dataset).toEqual({ source: 'file', path: 'points.csv', format: 'csv', labelColumn: 'kind' });
    await app.send({ type: 'previewDataset', requestId: 2, dataset });
    const { preview } = app.of('datasetPreview')[0];
    expect(preview).toMatchObject({ count: 40, inputDims: [3], classes: 2, classNames: ['a', 'b'], targetKind: 'class' });
    // 7r mod 10 takes each of 0..9 once per 10 rows; with a = that, a + (a+3)%10 + (a+6)%10 is past 15
    // for a = 3, 6, 9 only (18, 17, 16; a = 2 gives 15, not past): 3 of every 10 rows are "b".
    expect(preview.classCounts).toEqual([28, 12]);
    expect(preview.imbalance).toEqual({ ratio: 28 / 12, flagged: true });
    expect(preview.table?.columns).toEqual([
      { name: 'f1', type: 'number', role: 'input' },
      { name: 'f2', type: 'number', role: 'input' },
      { name: 'f3', type: 'number', role: 'input' },
      { name: 'kind', type: 'text', role: 'label' },
    ]);
    expect(preview.table?.rows[1]).toEqual(['0.7', '0', '0.3', 'a']);
    expect(app.of('datasetProgress').at(-1)).toMatchObject({ requestId: 2, what: 'points.csv', unit: 'bytes' });
  });

  it('adds a zipped image folder and previews sample images with labels, one class flagged as small', async () => {
    const app = appHost();
    const on = pngBytes(4, 4, 1, () => 200);
    const off = pngBytes(4, 4, 1, () => 10);
    const zip = zipSync({ 'lamps/on/1.png': on, 'lamps/on/2.png': on, 'lamps/on/3.png': on, 'lamps/off/1.png': off });
    await app.send({ type: 'addFiles', requestId: 1, files: [{ path: 'lamps.zip', blob: new Blob([zip]) }] });
    const dataset = app.of('filesAdded')[0].dataset;
    expect(dataset).toEqual({ source: 'file', path: 'lamps.zip/lamps', format: 'imageFolder' });
    await app.send({ type: 'previewDataset', requestId: 2, dataset });
    const { preview } = app.of('datasetPreview')[0];
    expect(preview).toMatchObject({ count: 4, inputDims: [4, 4, 1], classNames: ['off', 'on'], classCounts: [1, 3], imbalance: { ratio: 3, flagged: true } });
    expect(preview.images?.labels).toEqual(['off', 'on', 'on', 'on']);
    expect(Array.from(new Uint8Array(preview.images?.data ?? new ArrayBuffer(0)).subarray(0, 2))).toEqual([10, 10]);
    expect(new Uint8Array(preview.images?.data ?? new ArrayBuffer(0))[16]).toBe(200);
  });

  it('after a reload (files gone) a graph naming one says "file not found ... add it again", never a crash', async () => {
    const app = appHost();
    await app.send({ type: 'previewDataset', requestId: 3, dataset: { source: 'file', path: 'points.csv', format: 'csv', labelColumn: 'kind' } });
    expect(app.of('problem')[0]).toMatchObject({ fatal: false, requestId: 3, problems: [{ file: 'points.csv' }] });
    expect(app.of('problem')[0].problems[0].message).toMatch(/points\.csv: file not found: it is neither among the files added in this session .* add it again in the Dataset panel/);
  });

  it('Fashion-MNIST without its files says which four to add, and no disk path', async () => {
    const app = appHost();
    await app.send({ type: 'previewDataset', requestId: 4, dataset: { source: 'builtin', name: 'fashion-mnist' } });
    const message = app.of('problem')[0].problems[0].message;
    expect(message).toMatch(/^Fashion-MNIST: its files are not in this page; add its four IDX files \(train-images-idx3-ubyte\.gz, .*\) under "Add your own" in the Dataset panel$/);
    expect(message).not.toMatch(/\/usr\/share/);
  });
});
