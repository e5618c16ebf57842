// Every example's PyTorch package computes Netloom's outputs (within 1e-4) on fixed inputs, and
// its weights come back through a state_dict saved in Python (the round trip). One Python process
// runs every example.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPytorch, importPytorchWeights } from '../../../engine/cli/pytorchFiles.ts';
import { decodeNpy, encodeNpy } from '../../../engine/export/pytorch/npz.ts';
import { checkpointTensors } from '../../../engine/export/pytorch/weights.ts';
import { loadCheckpoint, saveCheckpoint } from '../../../engine/train/checkpoint.ts';
import { exampleNames, hasTorch, loadExample, netloomModels, netloomRuns, runPython, type PartRun } from './pytorchHarness.ts';

const torchPresent = hasTorch();
const root = mkdtempSync(join(tmpdir(), 'netloom-pytorch-'));
const names = exampleNames();
const runs = new Map<string, { runs: PartRun[]; checkpoint: Uint8Array }>();

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let largest = 0;
  for (let index = 0; index < a.length; index++) largest = Math.max(largest, Math.abs(a[index] - b[index]) / Math.max(1, Math.abs(a[index])));
  return largest;
}

beforeAll(async () => {
  for (const name of names) {
    const document = loadExample(name);
    const { models, trainers, batchSize } = netloomModels(document);
    const checkpoint = saveCheckpoint(models, trainers, { graph: name, batchSize, epoch: 0, index: 0, steps: 0 });
    const folder = join(root, name);
    await exportPytorch(document, checkpoint, folder, { dataset: undefined });
    mkdirSync(join(folder, 'inputs'), { recursive: true });
    const parts = netloomRuns(document, models);
    for (const run of parts) {
      for (const [input, array] of run.inputs) writeFileSync(join(folder, 'inputs', `${run.part.method}.${input}.npy`), encodeNpy(array));
    }
    runs.set(name, { runs: parts, checkpoint });
  }
  if (torchPresent) runPython([join(import.meta.dirname, 'pytorchCheck.py'), ...names.map((name) => join(root, name))], root, 600_000);
}, 900_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!torchPresent)('PyTorch export of every example', () => {
  it.each(names)('%s: model.py gives Netloom\'s outputs within 1e-4', (name) => {
    const entry = runs.get(name);
    expect(entry).toBeDefined();
    for (const run of entry?.runs ?? []) {
      const output = decodeNpy(new Uint8Array(readFileSync(join(root, name, 'outputs', `${run.part.method}.npy`))), name);
      expect(output.shape).toEqual(run.output.shape);
      expect(maxDifference(run.output.data, output.data as Float32Array)).toBeLessThan(1e-4);
    }
  });

  it.each(names)('%s: the state_dict saved in Python imports back to the same weights and outputs', async (name) => {
    const entry = runs.get(name);
    if (entry === undefined) throw new Error(`no run for ${name}`);
    const document = loadExample(name);
    const imported = await importPytorchWeights(document, join(root, name, 'roundtrip.npz'));
    const original = checkpointTensors(entry.checkpoint);
    const back = checkpointTensors(imported);
    for (const [key, tensor] of original) {
      if (key.endsWith('/initialHidden') || key.endsWith('/initialCell')) continue;
      expect(back.get(key)?.shape, key).toEqual(tensor.shape);
      expect(Array.from(back.get(key)?.data ?? []), key).toEqual(Array.from(tensor.data));
    }
    const { models, trainers } = netloomModels(document);
    loadCheckpoint(imported, models, trainers);
    const again = netloomRuns(document, models);
    again.forEach((run, index) => expect(maxDifference(run.output.data, entry.runs[index].output.data)).toBe(0));
  });
});
