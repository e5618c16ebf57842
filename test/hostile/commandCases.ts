// Generated command lines and graph files: numeric flags with every kind of bad value, unknown
// and missing options, graph paths that are not graphs, and graphs that validate but would need
// far more memory than any machine has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayerStep } from '../engine/graph/build.ts';
import type { CaseRequest } from './caseServer.ts';
import { integer, pick, seededRandom, vectorClassifier, writeFile, writeGraph } from './workspace.ts';

const ROOT = join(import.meta.dirname, '../..');
export const XO = join(ROOT, 'assets/examples/xo-cnn.json');

const BAD_NUMBERS = ['abc', '-1', '0', '1e30', '1e400', 'NaN', 'Infinity', '-Infinity', '0x10', '', ' ', '1.5', '99999999999999999999', '9007199254740993', '-0', '1_000', '２', '1e-5', '--1', '4294967296', '3 4', '\u0000'];
const NUMERIC_FLAGS = ['--epochs', '--steps', '--batch', '--seed'];

function flagCases(random: () => number): CaseRequest[] {
  const cases: CaseRequest[] = [];
  for (const flag of NUMERIC_FLAGS) {
    for (const value of BAD_NUMBERS) {
      if (value === '0' && flag === '--seed') continue;
      if (value === '-0' && flag === '--seed') continue;
      if (value === '4294967296' && flag === '--steps') continue;
      cases.push({ id: `train ${flag} ${JSON.stringify(value)}`, argv: ['train', XO, `${flag}=${value}`] });
    }
  }
  for (const value of ['gpu', 'WASM ', '', 'cpu,wasm', '../wasm', 'webgpu2']) cases.push({ id: `--backend ${JSON.stringify(value)}`, argv: ['train', XO, `--backend=${value}`, '--steps', '1'] });
  const commands = ['train', 'eval', 'predict', 'validate'];
  for (const command of commands) {
    cases.push({ id: `${command} with no graph`, argv: [command] });
    cases.push({ id: `${command} two graphs`, argv: [command, XO, XO] });
    cases.push({ id: `${command} unknown flag`, argv: [command, XO, `--${pick(random, ['lr', 'epoch', 'weight', 'dat', 'x'])}`, '1'] });
    cases.push({ id: `${command} a flag without its value`, argv: [command, XO, pick(random, ['--data', '--weights', '--input', '--output', '--save', '--resume'])] });
  }
  for (const flag of ['--weights', '--resume']) {
    for (const path of ['/nonexistent/x.ckpt', ROOT, '/dev/null', XO, join(ROOT, 'package.json')]) {
      const command = flag === '--resume' ? ['train', XO, '--steps', '1'] : ['eval', XO];
      cases.push({ id: `${flag} ${path}`, argv: [...command, flag, path] });
    }
  }
  cases.push({ id: 'unknown command', argv: ['trian', XO] });
  return cases;
}

function badGraphFiles(random: () => number): CaseRequest[] {
  const bodies: [string, Uint8Array | string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['binary', Uint8Array.from({ length: 512 }, () => integer(random, 0, 255))],
    ['deep nesting', `${'['.repeat(200_000)}${']'.repeat(200_000)}`],
    ['deep object', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['a number', '1e999'],
    ['a string', '"netloom"'],
    ['null', 'null'],
    ['an array', '[]'],
    ['truncated', readFileSync(XO, 'utf8').slice(0, 300)],
    ['UTF-16', Buffer.from(`\ufeff${readFileSync(XO, 'utf8')}`, 'utf16le')],
    ['huge string', `{"format":"netloom.graph","version":1,"metadata":{"name":"${'x'.repeat(3_000_000)}"}}`],
    ['many nodes', JSON.stringify({ format: 'netloom.graph', version: 1, nodes: Array.from({ length: 200_000 }, (_, i) => ({ id: `n${i}`, type: 'ReLU', params: {}, position: { x: 0, y: 0 } })), edges: [], training: { task: 'classify' } })],
  ];
  const cases: CaseRequest[] = [];
  for (const [name, body] of bodies) {
    const path = writeFile(`graphs/${name.replaceAll(' ', '-')}.json`, body);
    for (const command of ['train', 'eval', 'validate']) cases.push({ id: `${command} a graph file that is ${name}`, argv: command === 'eval' ? [command, path, '--weights', path] : [command, path], lines: 'each' });
  }
  for (const path of ['/nonexistent/graph.json', ROOT, '/dev/null', '/dev/zero', '/proc/self/status']) {
    for (const command of ['train', 'validate']) cases.push({ id: `${command} ${path}`, argv: [command, path] });
  }
  return cases;
}

/** Layer chains that validate on built-in data but need terabytes at any batch. */
function oversized(random: () => number, index: number): { steps: LayerStep[]; dataset: string; batch: number } {
  const kind = index % 4;
  if (kind === 0) {
    const units = integer(random, 1 << 18, 1 << 20);
    return { steps: [{ type: 'Input', params: { kind: 'vector', features: 2 } }, { type: 'Dense', params: { units } }, { type: 'Dense', params: { units: integer(random, 1 << 18, 1 << 20) } }, { type: 'Dense', params: { units: 2 } }, { type: 'SoftmaxCrossEntropy' }], dataset: 'moons', batch: integer(random, 1, 64) };
  }
  if (kind === 1) {
    const filters = integer(random, 2048, 4096);
    return { steps: [{ type: 'Input', params: { kind: 'image', height: 28, width: 28, channels: 1 } }, { type: 'Conv2D', params: { filters, kernelSize: [3, 3], padding: 'same' } }, { type: 'Conv2D', params: { filters, kernelSize: [integer(random, 3, 9), 3], padding: 'same' } }, { type: 'Flatten' }, { type: 'Dense', params: { units: 10 } }, { type: 'SoftmaxCrossEntropy' }], dataset: 'mnist', batch: integer(random, 2048, 4096) };
  }
  if (kind === 2) {
    return { steps: [{ type: 'Input', params: { kind: 'image', height: 28, width: 28, channels: 1 } }, { type: 'Flatten' }, { type: 'Dense', params: { units: integer(random, 1 << 19, 1 << 20) } }, { type: 'Dense', params: { units: integer(random, 1 << 19, 1 << 20) } }, { type: 'Dense', params: { units: 10 } }, { type: 'SoftmaxCrossEntropy' }], dataset: 'mnist', batch: integer(random, 1, 4096) };
  }
  return { steps: [...vectorClassifier(2, 2).slice(0, 1), { type: 'Dense', params: { units: integer(random, 1 << 16, 1 << 20) } }, { type: 'ReLU' }, { type: 'Dense', params: { units: integer(random, 1 << 16, 1 << 20) } }, { type: 'Dense', params: { units: integer(random, 1 << 16, 1 << 20) } }, { type: 'Dense', params: { units: 2 } }, { type: 'SoftmaxCrossEntropy' }], dataset: 'spirals', batch: 256 };
}

function oversizedCases(random: () => number, count: number): CaseRequest[] {
  return Array.from({ length: count }, (_, index) => {
    const { steps, dataset, batch } = oversized(random, index);
    const graph = writeGraph(`oversized/${index}.json`, steps, { source: 'builtin', name: dataset }, { batchSize: batch });
    return { id: `oversized ${index} (kind ${index % 4})`, argv: ['train', graph, '--steps', '1'] };
  });
}

export function commandCases(oversizedCount: number): CaseRequest[] {
  const random = seededRandom(17);
  const cases = [...flagCases(random), ...badGraphFiles(random), ...oversizedCases(random, oversizedCount)];
  return cases.map((request) => (request.argv[0] === 'validate' ? { ...request, lines: 'each' } : request));
}
