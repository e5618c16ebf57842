// The hostile-input suite's named half: every input the reliability issue found crashing,
// hanging or misleading Netloom, each run through the CLI under the harness's limits.
import { execFileSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createDeflate, crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { npyBytes } from '../engine/data/fixtures.ts';
import type { CaseRequest } from './caseServer.ts';
import { refusalProblem, runCases, type CaseResult } from './harness.ts';
import { characterModel, vectorClassifier, workspace, writeFile, writeGraph } from './workspace.ts';

const XO = join(import.meta.dirname, '../../assets/examples/xo-cnn.json');

async function refused(request: CaseRequest): Promise<CaseResult> {
  const [result] = await runCases([request]);
  expect(refusalProblem(result, request.lines), request.id).toBeNull();
  return result;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A gray PNG of `side`² black pixels: a few hundred kilobytes on disk, `side`² bytes decoded. */
async function hugePng(path: string, side: number): Promise<void> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(side, 0);
  header.writeUInt32BE(side, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const deflate = createDeflate({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const row = Buffer.alloc(side + 1);
  for (let y = 0; y < side; y++) if (!deflate.write(row)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  const file = createWriteStream(path);
  file.write(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  file.write(chunk('IHDR', header));
  file.write(chunk('IDAT', Buffer.concat(parts)));
  file.end(chunk('IEND', new Uint8Array()));
  await once(file, 'finish');
}

describe('memory the graph would need', () => {
  it('a Dense layer of a million by a million is refused, naming the layer', async () => {
    const graph = writeGraph('named/dense-million.json', [{ type: 'Input', params: { kind: 'vector', features: 2 } }, { id: 'huge', type: 'Dense', params: { units: 1_000_000 } }, { type: 'Dense', params: { units: 1_000_000 } }, { type: 'Dense', params: { units: 2 } }, { type: 'SoftmaxCrossEntropy' }], { source: 'builtin', name: 'moons' });
    const result = await refused({ id: 'dense million', argv: ['train', graph, '--steps', '1'] });
    expect(result.error[0]).toMatch(/n2|huge/);
  });

  it('4096 filters at batch 4096 on MNIST are refused, naming the convolution', async () => {
    const graph = writeGraph('named/conv-4096.json', [{ type: 'Input', params: { kind: 'image', height: 28, width: 28, channels: 1 } }, { id: 'wide', type: 'Conv2D', params: { filters: 4096, kernelSize: [3, 3], padding: 'same' } }, { type: 'Flatten' }, { type: 'Dense', params: { units: 10 } }, { type: 'SoftmaxCrossEntropy' }], { source: 'builtin', name: 'mnist' }, { batchSize: 4096 });
    const result = await refused({ id: 'conv 4096', argv: ['train', graph, '--steps', '1'] });
    expect(result.error[0]).toMatch(/wide/);
  });

  it('Dense 65536 to 16384 on a 4-column CSV is refused for its data before the model is built', async () => {
    const csv = writeFile('named/four.csv', ['a,b,c,label', ...Array.from({ length: 20 }, (_, row) => `1,2,3,${row % 2}`)].join('\n'));
    const graph = writeGraph('named/wide-dense.json', [{ type: 'Input', params: { kind: 'vector', features: 65536 } }, { type: 'Dense', params: { units: 16384 } }, { type: 'Dense', params: { units: 2 } }, { type: 'SoftmaxCrossEntropy' }], { source: 'file', format: 'csv', path: csv, labelColumn: 'label' });
    const result = await refused({ id: 'wide dense on a small csv', argv: ['train', graph, '--steps', '1'] });
    expect(result.peakResidentMib).toBeLessThan(1024);
    expect(result.error[0]).toMatch(/65536|3 (features|columns|values)/);
  });
});

describe('data that is too big, endless or not a file', () => {
  const imageGraph = (folder: string) => writeGraph(`named/${folder}.json`, vectorClassifier(4, 2).slice(0, 0).concat([{ type: 'Input', params: { kind: 'image', height: 8, width: 8, channels: 1 } }, { type: 'Flatten' }, { type: 'Dense', params: { units: 2 } }, { type: 'SoftmaxCrossEntropy' }]), { source: 'file', format: 'imageFolder', path: join(workspace, 'named', folder) });

  it('a small PNG that decodes to 20000² pixels is refused before it is decoded', async () => {
    writeFile('named/huge-png/a/0.png', new Uint8Array());
    await hugePng(join(workspace, 'named/huge-png/a/0.png'), 20000);
    writeFile('named/huge-png/b/0.png', readFileSync(join(workspace, 'named/huge-png/a/0.png')));
    expect(readFileSync(join(workspace, 'named/huge-png/a/0.png')).length).toBeLessThan(4_000_000);
    const result = await refused({ id: 'huge png', argv: ['train', imageGraph('huge-png'), '--steps', '1'] });
    expect(result.peakResidentMib).toBeLessThan(1024);
    expect(result.error[0]).toMatch(/0\.png/);
  });

  it('/dev/zero as data is refused, not read until memory runs out', async () => {
    const result = await refused({ id: '/dev/zero', argv: ['train', XO, '--data', '/dev/zero', '--steps', '1'] });
    expect(result.peakResidentMib).toBeLessThan(1024);
    expect(result.error[0]).toMatch(/\/dev\/zero/);
  });

  it('a FIFO as data is refused at once, not waited on', async () => {
    const fifo = join(workspace, 'named/data.fifo');
    writeFile('named/.keep', '');
    execFileSync('mkfifo', [fifo]);
    const result = await refused({ id: 'fifo', argv: ['train', XO, '--data', fifo, '--steps', '1'] });
    expect(result.milliseconds).toBeLessThan(5000);
    expect(result.error[0]).toMatch(/data\.fifo/);
  });

  it('non-finite values are refused with the file, row and column', async () => {
    const rows = Array.from({ length: 30 }, (_, row) => (row === 1 ? '1,1e999,3,1' : `${row},2,3,${row % 2}`));
    const csv = writeFile('named/overflow.csv', ['x1,x2,x3,label', ...rows].join('\n'));
    const fromCsv = await refused({ id: 'csv 1e999', argv: ['train', writeGraph('named/overflow.json', vectorClassifier(3, 2), { source: 'file', format: 'csv', path: csv, labelColumn: 'label' }), '--steps', '1'] });
    expect(fromCsv.error[0]).toMatch(/overflow\.csv/);
    expect(fromCsv.error[0]).toMatch(/line 3|row 2/);
    expect(fromCsv.error[0]).toMatch(/x2/);
    const nan = writeFile('named/nan.npy', npyBytes('<f4', [10, 3], new Array(30).fill(Number.NaN)));
    const labels = writeFile('named/nan-labels.npy', npyBytes('<i4', [10], new Array(10).fill(0).map((_, i) => i % 2)));
    const fromNpy = await refused({ id: 'npy nan', argv: ['train', writeGraph('named/nan.json', vectorClassifier(3, 2), { source: 'file', format: 'npy', path: nan, labelPath: labels }), '--steps', '1'] });
    expect(fromNpy.error[0]).toMatch(/nan\.npy/);
  });

  it('a dataset path naming a file that is not a dataset never echoes its contents', async () => {
    const secret = writeFile('named/shadow', 'root:$6$s3cretHash$abcdef:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n');
    const result = await refused({ id: 'secret file', argv: ['train', writeGraph('named/secret.json', vectorClassifier(3, 2), { source: 'file', format: 'csv', path: secret }), '--steps', '1'] });
    expect(result.error[0]).not.toMatch(/s3cret|daemon|root:/);
  });

  it('a CSV that is not UTF-8 says where, not "within the first 0 bytes"', async () => {
    const csv = writeFile('named/latin1.csv', Buffer.concat([Buffer.from('x1,x2,x3,label\n1,2,3,0\n'), Buffer.from([0x63, 0x61, 0x66, 0xe9]), Buffer.from(',2,3,1\n')]));
    const result = await refused({ id: 'latin-1 csv', argv: ['train', writeGraph('named/latin1.json', vectorClassifier(3, 2), { source: 'file', format: 'csv', path: csv, labelColumn: 'label' }), '--steps', '1'] });
    expect(result.error[0]).not.toMatch(/first 0 bytes/);
  });

  it('a text with more characters than the Embedding has ids is refused, naming the layer', async () => {
    const text = writeFile('named/alphabet.txt', 'abcdefghijklmnopqrstuvwxyz'.repeat(20));
    const graph = writeGraph('named/alphabet.json', characterModel(8, 8), { source: 'file', format: 'text', path: text, options: { window: 8 } }, {}, 'sequence');
    const result = await refused({ id: 'vocabulary', argv: ['train', graph, '--steps', '1'] });
    expect(result.error[0]).toMatch(/n1/);
    expect(result.error[0]).toMatch(/26/);
  });
});

describe('command lines', () => {
  const checkpoint = join(workspace, 'named/xo.ckpt');
  beforeAll(async () => {
    writeFile('named/out/.keep', '');
    const [saved] = await runCases([{ id: 'checkpoint', argv: ['train', XO, '--steps', '2', '--save', checkpoint] }]);
    expect(saved.code).toBe(0);
  });
  const noData = () => writeGraph('named/no-data.json', vectorClassifier(2, 2), undefined);

  it('a graph with no dataset: train and eval say so', async () => {
    for (const argv of [['train', noData()], ['eval', noData(), '--weights', checkpoint]]) {
      const result = await refused({ id: argv[0], argv });
      expect(result.error[0]).toMatch(/dataset/);
    }
  });

  it('--seed 1e30 is refused', async () => {
    const result = await refused({ id: 'seed', argv: ['train', XO, '--seed', '1e30'] });
    expect(result.error[0]).toMatch(/--seed/);
  });

  it('--save into a missing folder or onto a folder is refused before any training', async () => {
    for (const path of [join(workspace, 'missing/x.ckpt'), join(workspace, 'named/out')]) {
      const result = await refused({ id: `save ${path}`, argv: ['train', XO, '--epochs', '1', '--save', path] });
      expect(result.outLines).toBe(0);
      expect(result.error[0]).toContain(path);
    }
  });

  it('predict --output into a missing folder is refused', async () => {
    const input = writeFile('named/x.npy', npyBytes('<f4', [2, 9, 9, 1], new Array(162).fill(0.5)));
    const result = await refused({ id: 'predict output', argv: ['predict', XO, '--weights', checkpoint, '--input', input, '--output', join(workspace, 'missing/y.npy')] });
    expect(result.error[0]).toMatch(/missing/);
  });
});

describe('graph documents', () => {
  it('a graph file that starts with a UTF-8 byte order mark is read', async () => {
    const path = writeFile('named/bom.json', `\ufeff${readFileSync(XO, 'utf8')}`);
    const [result] = await runCases([{ id: 'bom', argv: ['validate', path] }]);
    expect(result.code).toBe(0);
  });

  it('params named like Object.prototype members are unknown params, warned about and ignored', async () => {
    const names = ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty'];
    const requests = names.map((name) => {
      const document = JSON.parse(readFileSync(XO, 'utf8'));
      document.nodes[1].params = JSON.parse(`{"${name}": 3}`);
      return { id: name, argv: ['validate', writeFile(`named/param-${name}.json`, JSON.stringify(document))] };
    });
    const results = await runCases(requests);
    results.forEach((result, index) => {
      const text = [...result.out, ...result.error].join('\n');
      expect(result.code, text).toBe(0);
      expect(text).toMatch(new RegExp(`warning: node \\S+ \\(${names[index]}\\): Conv2D has no param "${names[index]}"; it is ignored`));
      expect(text).not.toMatch(/undefined/);
    });
  });

  it('a document without training settings reports its other problems too', async () => {
    const base = JSON.parse(readFileSync(XO, 'utf8'));
    delete base.training;
    const breakers: [string, (document: typeof base) => void, RegExp][] = [
      ['a cycle', (document) => document.edges.push({ id: 'back', source: document.nodes.at(-2).id, target: document.nodes[1].id }), /cycle/i],
      ['a dangling edge', (document) => document.edges.push({ id: 'dangling', source: document.nodes[0].id, target: 'nowhere' }), /nowhere/],
      ['a duplicate id', (document) => document.nodes.push({ ...document.nodes[1] }), new RegExp(base.nodes[1].id)],
    ];
    for (const [name, breakIt, expected] of breakers) {
      const document = structuredClone(base);
      breakIt(document);
      const result = await refused({ id: name, argv: ['validate', writeFile(`named/no-training-${name.replaceAll(' ', '-')}.json`, JSON.stringify(document))], lines: 'each' });
      const text = [...result.out, ...result.error].join('\n');
      expect(text, name).toMatch(/training/);
      expect(text, name).toMatch(expected);
    }
  });
});
