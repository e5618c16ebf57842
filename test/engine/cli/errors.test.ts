// Every failure of `netloom` ends in exit code 1 and one line that says what and where, never a
// stack trace (unless --debug): the top-level handler, the graph's dataset, numeric flags, data
// that does not fit the graph. Dataset paths in a graph are relative to the graph's folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withPathsFromGraphFolder } from '../../../engine/cli/loadGraph.ts';
import { main } from '../../../engine/cli/main.ts';
import type { Output } from '../../../engine/cli/output.ts';
import { parseDocument, type GraphDocument } from '../../../engine/graph/index.ts';
import { chainDocument } from '../graph/build.ts';
import { folder, netloom, root, writeJson } from './cliHarness.ts';

const xo = join(root, 'assets/examples/xo-cnn.json');
const example = (name: string) => JSON.parse(readFileSync(join(root, 'assets/examples', name), 'utf8')) as Record<string, unknown>;

/** The X-vs-O graph without its dataset. */
function noDataset(): string {
  const { dataset: _dataset, ...rest } = example('xo-cnn.json');
  return writeJson('no-dataset.json', rest);
}

/** Exit code 1 and exactly one line, on standard error, matching `pattern`. */
function expectOneLine(result: { code: number; out: string[]; error: string[] }, pattern: RegExp) {
  expect(result.code).toBe(1);
  expect(result.error).toHaveLength(1);
  expect(result.error[0]).toMatch(pattern);
  expect(result.error[0]).not.toMatch(/\n|^\s+at /);
}

/** Points in a CSV: two features and a label of `classes` classes. */
function pointsCsv(path: string, classes: number) {
  const rows = Array.from({ length: 60 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},c${i % classes}`);
  writeFileSync(path, `x,y,label\n${rows.join('\n')}\n`);
}

function pointsGraph(units: number, path: string) {
  const document = chainDocument([{ type: 'Input', params: { kind: 'vector', features: 2 } }, { type: 'Dense', params: { units } }, { type: 'SoftmaxCrossEntropy' }]);
  return { ...document, dataset: { source: 'file', path, format: 'csv', labelColumn: 'label' } };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe('the top-level handler', () => {
  const throwing: (lines: string[]) => Output = (lines) => ({
    out: () => {
      throw new TypeError('the terminal went away');
    },
    error: (text) => lines.push(text),
    write: (text) => lines.push(text),
  });
  const invalid = () => writeJson('invalid.json', chainDocument([{ type: 'Input' }, { type: 'Dense', params: { units: 0 } }, { type: 'SoftmaxCrossEntropy' }]));

  it('turns an unexpected error into one line naming the command and the file', async () => {
    const lines: string[] = [];
    const path = invalid();
    expect(await main(['validate', path], throwing(lines))).toBe(1);
    expect(lines).toEqual([`netloom validate ${path} failed: TypeError: the terminal went away (an internal error; run again with --debug for its stack trace).`]);
  });

  it('--debug, anywhere, adds the stack trace', async () => {
    const lines: string[] = [];
    const path = invalid();
    expect(await main(['--debug', 'validate', path], throwing(lines))).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`netloom validate ${path} failed: TypeError: the terminal went away (an internal error; its stack trace follows).`);
    expect(lines[1]).toMatch(/^TypeError: the terminal went away\n\s+at /);
  });

  it('the installed bin prints one line and exits 1', () => {
    const result = spawnSync(process.execPath, ['engine/cli/bin.mjs', 'train', noDataset()], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/no-dataset\.json names no dataset: pass one with --data PATH/)]);
  });
});

describe('the installed bin', () => {
  /** `netloom train` on X-vs-O with `code` run 1 s in (through --import), so it strikes mid-run. */
  function trainWith(code: string, ...extra: string[]) {
    const inject = `data:text/javascript,setTimeout(() => { ${code} }, 1000)`;
    return spawnSync(process.execPath, ['--import', inject, 'engine/cli/bin.mjs', 'train', xo, '--epochs', '200', ...extra], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  }

  it('an unhandled rejection ends the run with one line and exit code 1', () => {
    const result = trainWith('Promise.reject(new Error("late rejection"))');
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual(['netloom train: internal error: late rejection (run again with --debug for its stack trace)']);
  });

  it('an exception thrown in a callback, under --debug, adds its stack', () => {
    const result = trainWith('throw new RangeError("thrown in a timer")', '--debug');
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toBe('netloom train: internal error: thrown in a timer');
    expect(lines[1]).toBe('RangeError: thrown in a timer');
    expect(lines[2]).toMatch(/^\s+at /);
  });
});

describe('a graph that names no dataset', () => {
  it('train says so, with what to do', async () => {
    expectOneLine(await netloom('train', noDataset(), '--steps', '1'), /^\S*no-dataset\.json names no dataset: pass one with --data PATH, or add a "dataset" section to the graph/);
  });

  it('eval says so, with what to do', async () => {
    const checkpoint = join(folder, 'errors-xo.ckpt');
    expect((await netloom('train', xo, '--steps', '1', '--save', checkpoint)).code).toBe(0);
    expectOneLine(await netloom('eval', noDataset(), '--weights', checkpoint), /no-dataset\.json names no dataset: pass one with --data PATH/);
  });

  it('--data supplies it', async () => {
    const text = join(folder, 'supplied.txt');
    writeFileSync(text, 'the cat sat on the mat. '.repeat(40));
    const { dataset: _dataset, ...graph } = example('char-lstm.json');
    const result = await netloom('train', writeJson('char-no-data.json', graph), '--data', relative(process.cwd(), text), '--steps', '2', '--batch', '4');
    expect(result.error).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe('numeric flags', () => {
  it.each([
    ['--seed', '1e30'],
    ['--seed', '4294967296'],
    ['--seed', '0x10'],
    ['--seed', ''],
    ['--seed=-1'],
    ['--seed', '1.5'],
    ['--epochs', '1e20'],
    ['--epochs', '100001'],
    ['--epochs', '0'],
    ['--batch', '0'],
    ['--batch', '65537'],
    ['--steps', 'Infinity'],
    ['--steps', 'NaN'],
    ['--steps', '9007199254740992'],
    ['--steps', ' 5'],
    ['--steps', '99999999999999999999999999999999999999999999999999'],
  ].map((flag) => ({ flag })))('$flag is refused before anything runs', async ({ flag }) => {
    const name = flag[0].replace(/=.*/, '').slice(2);
    expectOneLine(await netloom('train', xo, ...flag), new RegExp(`^--${name} must be a whole number from \\d+ to \\d+, written in digits; ".*" is not\\.$`));
  });

  it('the bounds themselves are accepted', async () => {
    const result = await netloom('train', xo, '--seed', '4294967295', '--epochs', '100000', '--batch', '1', '--steps', '1', '--jsonl');
    expect(result.code).toBe(0);
  });
});

describe('data that does not fit the graph', () => {
  it('a text with more distinct characters than the Embedding holds names the node, its vocabulary and the count', async () => {
    const text = join(folder, 'wide.txt');
    const alphabet = Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x4e00 + i)).join('');
    writeFileSync(text, alphabet.repeat(30));
    const graph = { ...example('char-lstm.json'), dataset: { source: 'file', path: 'wide.txt', format: 'text' } };
    expectOneLine(await netloom('train', writeJson('wide.json', graph), '--steps', '1'), /^node embedding1: The data "\S*wide\.txt" has 40 distinct tokens, but the Embedding's vocabulary is 32\. Set vocabulary to at least 40\.$/);
  });

  it('more classes than the loss head receives scores names the node that gives them', async () => {
    pointsCsv(join(folder, 'three.csv'), 3);
    expectOneLine(await netloom('train', writeJson('three.json', pointsGraph(2, 'three.csv')), '--steps', '1'), /^node n1: The data "\S*three\.csv" has 3 classes, but this node gives n2 only 2 scores\. Give it 3 units, one per class\.$/);
  });
});

describe('dataset paths in a graph', () => {
  it('are relative to the graph file, not the working directory', async () => {
    const sub = join(folder, 'project', 'graphs');
    mkdirSync(sub, { recursive: true });
    pointsCsv(join(sub, 'points.csv'), 2);
    const path = join(sub, 'points.json');
    writeFileSync(path, JSON.stringify(pointsGraph(2, 'points.csv')));
    expect(process.cwd()).not.toBe(sub);
    const result = await netloom('train', path, '--steps', '3', '--jsonl');
    expect(result.error).toEqual([]);
    expect(result.code).toBe(0);
  });

  const parsed = (path: string, labelPath?: string) => parseDocument({ ...pointsGraph(2, path), dataset: { source: 'file', path, format: 'idx', labelPath } }).document as GraphDocument;

  it('resolve a relative path against the graph folder, as seen from the working directory', () => {
    const resolved = withPathsFromGraphFolder(parsed('images.idx', '../labels.idx'), 'graphs/mnist/net.json', '/home/user/work');
    expect(resolved.dataset).toMatchObject({ path: 'graphs/mnist/images.idx', labelPath: 'graphs/labels.idx' });
  });

  it('leave absolute paths and built-in sets as they are', () => {
    const resolved = withPathsFromGraphFolder(parsed('/data/images.idx', '/data/labels.idx'), '/elsewhere/net.json', '/home/user/work');
    expect(resolved.dataset).toMatchObject({ path: '/data/images.idx', labelPath: '/data/labels.idx' });
    const builtin = parseDocument(example('xo-cnn.json')).document as GraphDocument;
    expect(withPathsFromGraphFolder(builtin, '/elsewhere/xo.json').dataset).toEqual({ source: 'builtin', name: 'xo', normalization: 'none' });
  });

  it('a graph outside the working directory gets an absolute path', () => {
    const resolved = withPathsFromGraphFolder(parsed('images.idx'), '/srv/graphs/net.json', '/home/user/work');
    expect(resolved.dataset).toMatchObject({ path: '/srv/graphs/images.idx' });
  });
});
