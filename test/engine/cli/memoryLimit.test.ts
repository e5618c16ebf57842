// Graphs that validate but cannot fit: each ends with exit 1 and one line, before anything large is
// allocated; and the --memory-limit parser.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMemoryLimit } from '../../../engine/cli/memoryLimit.ts';
import { chainDocument } from '../graph/build.ts';
import { folder, netloom, root, writeJson } from './cliHarness.ts';

const mnist = { source: 'builtin', name: 'mnist' };

function graph(name: string, document: ReturnType<typeof chainDocument>, dataset: unknown): string {
  return writeJson(name, { ...document, metadata: { name }, dataset });
}

/** MNIST → Dense 1,000,000 → ReLU → Dense 1,000,000 → 10 classes: a 1e6 × 1e6 weight matrix. */
function denseMillion(): string {
  const steps = [
    { id: 'in', type: 'Input', params: { kind: 'image', height: 28, width: 28, channels: 1 } },
    { id: 'flat', type: 'Flatten' },
    { id: 'dense1', type: 'Dense', params: { units: 1_000_000 } },
    { id: 'relu1', type: 'ReLU' },
    { id: 'dense2', type: 'Dense', params: { units: 1_000_000 } },
    { id: 'dense3', type: 'Dense', params: { units: 10 } },
    { id: 'loss', type: 'SoftmaxCrossEntropy' },
  ];
  return graph('dense-million.json', chainDocument(steps, 'classify', { batchSize: 64 }), mnist);
}

function convWide(): string {
  const steps = [
    { id: 'in', type: 'Input', params: { kind: 'image', height: 28, width: 28, channels: 1 } },
    { id: 'conv1', type: 'Conv2D', params: { filters: 4096, kernelSize: [3, 3] } },
    { id: 'flat', type: 'Flatten' },
    { id: 'dense1', type: 'Dense', params: { units: 10 } },
    { id: 'loss', type: 'SoftmaxCrossEntropy' },
  ];
  return graph('conv-4096.json', chainDocument(steps, 'classify', { batchSize: 4096 }), mnist);
}

function wideOnCsv(): string {
  const csv = join(folder, 'four-columns.csv');
  writeFileSync(csv, `a,b,c,label\n${Array.from({ length: 100 }, (_, i) => `${i % 7},${i % 5},${i % 3},${i % 2}`).join('\n')}\n`);
  const steps = [
    { id: 'in', type: 'Input', params: { kind: 'vector', features: 65536 } },
    { id: 'dense1', type: 'Dense', params: { units: 16384 } },
    { id: 'dense2', type: 'Dense', params: { units: 2 } },
    { id: 'loss', type: 'SoftmaxCrossEntropy' },
  ];
  return graph('wide-on-csv.json', chainDocument(steps, 'classify', { batchSize: 8 }), { source: 'file', path: csv, format: 'csv', labelColumn: 'label' });
}

/** Runs a command in-process and checks it ended with exit 1, one line, within `megabytes` more heap and array memory. */
async function refused(argv: string[], megabytes = 200) {
  const before = process.memoryUsage();
  const result = await netloom(...argv);
  const after = process.memoryUsage();
  expect(result.code).toBe(1);
  expect(result.out).toEqual([]);
  expect(result.error).toHaveLength(1);
  expect(result.error[0].split('\n')).toHaveLength(1);
  expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(megabytes * 2 ** 20);
  return result.error[0];
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe('graphs that cannot fit', () => {
  it('Dense 1,000,000 × 1,000,000 on MNIST: refused, naming dense2 and its parts', async () => {
    const line = await refused(['train', denseMillion(), '--steps', '1', '--memory-limit', '12G']);
    expect(line).toMatch(/^node dense2: The run needs 14\.6 TiB, more than the 12 GiB memory limit: the largest parts are node dense2's optimizer state \(7\.28 TiB\), node dense2's weights \(3\.64 TiB\) and node dense2's weight gradients \(3\.64 TiB\); make dense2 smaller\.$/);
  });

  it('Conv2D with 4096 filters at batch 4096 on MNIST: refused, asking for a lower batch size', async () => {
    const line = await refused(['train', convWide(), '--steps', '1', '--memory-limit', '12G']);
    expect(line).toMatch(/^node conv1: The run needs 127 GiB, more than the 12 GiB memory limit: the largest parts are node conv1's activations \(84\.5 GiB\), node conv1's activation gradients \(42\.3 GiB\)/);
    expect(line).toMatch(/; make conv1 smaller or lower the batch size \(4096\)\.$/);
  });

  it('Dense 65536 → 16384 on a 4-column CSV: the data check comes before the model compiles', async () => {
    const line = await refused(['train', wideOnCsv(), '--steps', '1', '--memory-limit', '64G'], 20);
    expect(line).toBe('node in: The data "four-columns.csv" has examples of 3, but Input in expects 65536. Set the Input to the data\'s shape.');
  });

  it('a model past the wasm backend\'s 4 GiB memory is refused even under a larger limit', async () => {
    const line = await refused(['train', denseMillion(), '--steps', '1', '--memory-limit', '64T', '--backend', 'wasm']);
    expect(line).toMatch(/^node dense2: One model of the run needs 14\.6 TiB, more than one model may take on the wasm backend \(3\.94 GiB\): .*, or train on the cpu backend\.$/);
  });

  it('eval and predict take the limit too', async () => {
    const evaluation = await netloom('eval', convWide(), '--weights', join(root, 'package.json'), '--memory-limit', 'lots');
    expect(evaluation).toMatchObject({ code: 1, error: ['--memory-limit must be a size such as 512M or 8G (K, M, G, T in binary units), not "lots".'] });
  });

  it('the installed command prints the one line and exits 1', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [join(root, 'engine/cli/bin.mjs'), 'train', denseMillion(), '--steps', '1', '--memory-limit', '8G'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (cause) {
      const failure = cause as { status: number; stderr: string };
      status = failure.status;
      stderr = failure.stderr;
    }
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^node dense2: The run needs 14\.6 TiB, more than the 8 GiB memory limit/);
  });
});

describe('parseMemoryLimit', () => {
  it('reads binary units, with or without B or iB, in either case', () => {
    expect(['512M', '8G', '8g', '8GiB', '1.5k', '2T', '4096', '100b'].map(parseMemoryLimit)).toEqual([512 * 2 ** 20, 8 * 2 ** 30, 8 * 2 ** 30, 8 * 2 ** 30, 1536, 2 * 2 ** 40, 4096, 100]);
  });

  it('refuses what is not a positive size, saying what it expects', () => {
    for (const bad of ['', 'lots', '-1G', '0', '8X', '1e9', 'G', '0.1b']) {
      expect(() => parseMemoryLimit(bad)).toThrow(`--memory-limit must be a size such as 512M or 8G (K, M, G, T in binary units), not "${bad}".`);
    }
  });
});
