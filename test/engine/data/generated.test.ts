// Every generated built-in set: the shape engine/graph/datasets.ts promises, balanced classes,
// and determinism (same seed: identical bytes; another seed: different bytes).
import { describe, expect, it } from 'vitest';
import { builtinDatasets, findBuiltinDataset } from '../../../engine/graph/datasets.ts';
import { generatedDatasets, loadBuiltinDataset } from '../../../engine/data/builtin/index.ts';
import { classCounts, inputSize, type Dataset } from '../../../engine/data/dataset.ts';
import { expectDataError } from './fixtures.ts';

/** Inputs and targets as one byte string, for comparing whole sets quickly. */
function bytes(dataset: Dataset): Buffer {
  const inputs = dataset.inputs.values;
  const targets = dataset.targets.kind === 'none' ? new Uint8Array(0) : dataset.targets.values;
  return Buffer.concat([Buffer.from(inputs.buffer, inputs.byteOffset, inputs.byteLength), Buffer.from(targets.buffer, targets.byteOffset, targets.byteLength)]);
}

describe.each(Object.keys(generatedDatasets))('%s', (name) => {
  const generate = generatedDatasets[name];
  const dataset = generate();

  it('has the shape and classes engine/graph/datasets.ts lists', () => {
    const table = findBuiltinDataset(name);
    expect(table).toBeDefined();
    expect(dataset.name).toBe(name);
    expect(dataset.inputDims).toEqual(table?.inputDims);
    expect(dataset.inputs.values.length).toBe(dataset.count * inputSize(dataset));
    const classes = dataset.targets.kind === 'class' ? dataset.targets.classNames.length : dataset.targets.kind === 'token' ? dataset.vocabulary?.length : undefined;
    if (table?.classes !== undefined) expect(classes).toBe(table.classes);
    if (table?.tasks.includes('classify')) expect(dataset.targets.kind).toBe('class');
    expect(Array.from(dataset.inputs.values).every(Number.isFinite)).toBe(true);
  });

  // Only sets with class targets have classes to balance (sine has values, toy-language tokens).
  if (dataset.targets.kind === 'class') {
    it('has balanced classes', () => {
      const counts = classCounts(dataset) ?? [];
      expect(counts.length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    });
  }

  it('is deterministic: same seed, same bytes; another seed, other bytes', () => {
    const reference = bytes(dataset);
    expect(bytes(generate({})).equals(reference)).toBe(true);
    if (name === 'xor') return;
    expect(bytes(generate({ seed: 1 })).equals(reference)).toBe(true);
    const other = generate({ seed: 2 }).inputs.values;
    expect(Buffer.from(other.buffer).equals(Buffer.from(dataset.inputs.values.buffer))).toBe(false);
    expect(generate({ count: 64, seed: 2 }).count).toBe(64);
  });
});

describe('built-in sets by name', () => {
  it('covers every name engine/graph/datasets.ts lists', () => {
    const served = [...Object.keys(generatedDatasets), 'mnist', 'fashion-mnist'].sort();
    expect(served).toEqual(builtinDatasets.map((dataset) => dataset.name).sort());
  });

  it('refuses an unknown name, an unknown option and a bad value, naming them', async () => {
    await expectDataError(loadBuiltinDataset('cifar', undefined), { file: 'builtin "cifar"' }, /there is no built-in dataset of that name; the built-in sets are xo, mnist, /);
    await expectDataError(loadBuiltinDataset('moons', { noize: 0.2 }), { field: 'options' }, /builtin "moons", field "options": /);
    await expectDataError(loadBuiltinDataset('moons', { count: -5 }), { field: 'options.count' }, /builtin "moons", field "options\.count": /);
    await expectDataError(loadBuiltinDataset('mnist', undefined), { file: 'builtin "mnist"' }, /no file source was given/);
  });

  it('xor can give regression targets', () => {
    const xor = generatedDatasets.xor({ targets: 'value' });
    expect(xor.targets).toEqual({ kind: 'value', values: Float32Array.from([0, 1, 1, 0]) });
    expect(Array.from(xor.inputs.values)).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
  });
});
