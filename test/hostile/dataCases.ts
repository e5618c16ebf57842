// Generated data files of every reader, each broken by construction: a non-number or non-finite
// cell, a ragged row, bytes that are not UTF-8, a truncated or mislabelled binary, an image header
// that claims billions of pixels. Each is trained on with a graph that fits the intact file.
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { gzip, idxBytes, npyBytes, pngBytes } from '../engine/data/fixtures.ts';
import type { CaseRequest } from './caseServer.ts';
import { characterModel, imageClassifier, integer, pick, seededRandom, vectorClassifier, workspace, writeFile, writeGraph } from './workspace.ts';

const ROWS = 40;
const BAD_NUMBERS = ['abc', '1.2.3', '--', '0x1G', '∞', '1e999', '-1e400', 'NaN', 'nan', 'Infinity', '-inf', '1,5', '١٢', '1e', '.', '+-1'];

function csvRows(random: () => number): string[][] {
  return Array.from({ length: ROWS }, (_, row) => [...Array.from({ length: 3 }, () => (random() * 4 - 2).toFixed(3)), String(row % 2)]);
}

function csvText(rows: readonly (readonly string[])[]): string {
  return ['x1,x2,x3,label', ...rows.map((row) => row.join(','))].join('\n') + '\n';
}

function trainOn(id: string, graph: string, extra: readonly string[] = []): CaseRequest {
  return { id, argv: ['train', graph, '--steps', '2', ...extra] };
}

function csvCase(index: number, random: () => number): CaseRequest {
  const rows = csvRows(random);
  const row = integer(random, 0, ROWS - 1);
  const column = integer(random, 0, 2);
  const kind = index % 5;
  let bytes: Uint8Array | string;
  if (kind === 0 || kind === 1) {
    rows[row][column] = pick(random, BAD_NUMBERS);
    bytes = csvText(rows);
  } else if (kind === 2) {
    if (random() < 0.5) rows[row].push('1');
    else rows[row].splice(column, 1);
    bytes = csvText(rows);
  } else if (kind === 3) {
    const text = new TextEncoder().encode(csvText(rows));
    const at = text.indexOf(0x2c, integer(random, 20, text.length - 20));
    const invalid = pick(random, [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]]);
    bytes = new Uint8Array([...text.subarray(0, at + 1), ...invalid, ...text.subarray(at + 1)]);
  } else {
    rows[row][column] = `${rows[row][column]}${pick(random, ['\u0000', 'e5e5', ' 7', '"', '$'])}`;
    bytes = csvText(rows);
  }
  const path = writeFile(`csv/${index}.csv`, bytes);
  const graph = writeGraph(`csv/${index}.json`, vectorClassifier(3, 2), { source: 'file', format: 'csv', path, labelColumn: 'label' });
  return trainOn(`csv ${index} (kind ${kind}, row ${row}, column ${column})`, graph);
}

function npyCase(index: number, random: () => number): CaseRequest {
  const values = Array.from({ length: ROWS * 3 }, () => random() * 2 - 1);
  let bytes = npyBytes('<f4', [ROWS, 3], values);
  const kind = index % 5;
  if (kind === 0) bytes = bytes.subarray(0, integer(random, 0, bytes.length - 1));
  else if (kind === 1) {
    values[integer(random, 0, values.length - 1)] = pick(random, [Number.NaN, Infinity, -Infinity]);
    bytes = npyBytes('<f4', [ROWS, 3], values);
  } else if (kind === 2) bytes = npyBytes(pick(random, ['<c8', '|O', '<U3', '>f2', '<m8', '|b1x', '<f16']), [ROWS, 3], values);
  else if (kind === 3) bytes = npyBytes('<f4', [ROWS * integer(random, 2, 1000), 3], values);
  else {
    bytes = bytes.slice();
    bytes[integer(random, 0, 6)] ^= 1 << integer(random, 0, 7);
  }
  const labels = writeFile(`npy/${index}-labels.npy`, npyBytes('<i4', [ROWS], Array.from({ length: ROWS }, (_, row) => row % 2)));
  const path = writeFile(`npy/${index}.npy`, bytes);
  const graph = writeGraph(`npy/${index}.json`, vectorClassifier(3, 2), { source: 'file', format: 'npy', path, labelPath: labels });
  return trainOn(`npy ${index} (kind ${kind})`, graph);
}

function idxImages(random: () => number): Uint8Array {
  return idxBytes(0x08, [ROWS, 8, 8], Array.from({ length: ROWS * 64 }, () => integer(random, 0, 255)));
}

function idxCase(index: number, random: () => number): CaseRequest {
  let images = idxImages(random);
  let labels = idxBytes(0x08, [ROWS], Array.from({ length: ROWS }, (_, row) => row % 2));
  const kind = index % 6;
  if (kind === 0) images = images.subarray(0, integer(random, 0, images.length - 1));
  else if (kind === 1) {
    images = images.slice();
    images[integer(random, 0, 3)] = pick(random, [0x01, 0x07, 0x0a, 0x0f, 0xff]);
  } else if (kind === 2) {
    images = images.slice();
    new DataView(images.buffer).setUint32(4 + 4 * integer(random, 0, 2), pick(random, [0xffffffff, 0x7fffffff, 65536, 0]), false);
  } else if (kind === 3) labels = idxBytes(0x08, [ROWS - integer(random, 1, 10)], Array.from({ length: ROWS }, () => 0));
  else if (kind === 4) {
    const values = Array.from({ length: ROWS * 64 }, () => random());
    values[integer(random, 0, values.length - 1)] = pick(random, [Number.NaN, Infinity, -Infinity]);
    images = idxBytes(0x0d, [ROWS, 8, 8], values);
  } else images = gzip(images).subarray(0, integer(random, 10, 60));
  const suffix = kind === 5 ? '.gz' : '';
  const path = writeFile(`idx/${index}-images.idx${suffix}`, images);
  const labelPath = writeFile(`idx/${index}-labels.idx`, labels);
  const graph = writeGraph(`idx/${index}.json`, imageClassifier(8, 8, 1, 2), { source: 'file', format: 'idx', path, labelPath });
  return trainOn(`idx ${index} (kind ${kind})`, graph);
}

/** A PNG whose IHDR claims `width`×`height` (its checksum fixed), the rest as written. */
function pngClaiming(width: number, height: number): Uint8Array {
  const bytes = pngBytes(8, 8, 1, (x, y) => (x * y) % 256).slice();
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width, false);
  view.setUint32(20, height, false);
  view.setUint32(29, crc32(bytes.subarray(12, 29)) >>> 0, false);
  return bytes;
}

function imageCase(index: number, random: () => number): CaseRequest {
  const folder = `images/${index}`;
  for (const name of ['a', 'b']) for (let image = 0; image < 6; image++) writeFile(`${folder}/${name}/${image}.png`, pngBytes(8, 8, 1, () => integer(random, 0, 255)));
  const kind = index % 4;
  const target = `${folder}/${pick(random, ['a', 'b'])}/${integer(random, 0, 5)}.png`;
  if (kind === 0) writeFile(target, pngClaiming(integer(random, 20000, 65535), integer(random, 20000, 65535)));
  else if (kind === 1) writeFile(target, Uint8Array.from({ length: integer(random, 0, 400) }, () => integer(random, 0, 255)));
  else if (kind === 2) writeFile(target, pngBytes(8, 8, 1, () => 0).subarray(0, integer(random, 0, 32)));
  else writeFile(target, pngClaiming(integer(random, 1, 8) * 1_000_000, 1));
  const path = join(workspace, folder);
  const graph = writeGraph(`${folder}.json`, imageClassifier(8, 8, 1, 2), { source: 'file', format: 'imageFolder', path });
  return trainOn(`images ${index} (kind ${kind})`, graph);
}

function textCase(index: number, random: () => number): CaseRequest {
  const vocabulary = integer(random, 4, 24);
  const kind = index % 3;
  let bytes: Uint8Array | string;
  if (kind === 0) {
    const alphabet = Array.from({ length: vocabulary + integer(random, 1, 40) }, (_, code) => String.fromCodePoint(0x41 + code));
    bytes = Array.from({ length: 400 }, (_, at) => alphabet[at % alphabet.length]).join('');
  } else if (kind === 1) {
    const text = new TextEncoder().encode('abcd'.repeat(100));
    bytes = new Uint8Array([...text.subarray(0, 50), 0xff, 0xfe, ...text.subarray(50)]);
  } else bytes = 'ab'.repeat(integer(random, 0, 3));
  const path = writeFile(`text/${index}.txt`, bytes);
  const graph = writeGraph(`text/${index}.json`, characterModel(vocabulary, 8), { source: 'file', format: 'text', path, options: { window: 8 } }, {}, 'sequence');
  return trainOn(`text ${index} (kind ${kind}, vocabulary ${vocabulary})`, graph);
}

/** `count` cases of each reader, seeded. */
export function dataCases(count: number): CaseRequest[] {
  const random = seededRandom(13);
  const cases: CaseRequest[] = [];
  for (let index = 0; index < count; index++) cases.push(csvCase(index, random), npyCase(index, random), idxCase(index, random));
  for (let index = 0; index < Math.ceil(count / 2); index++) cases.push(imageCase(index, random), textCase(index, random));
  return cases;
}
