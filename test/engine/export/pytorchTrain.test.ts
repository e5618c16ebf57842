// Every example's exported train.py trains: one short epoch in one process, and under torchrun with
// two processes (DistributedDataParallel over gloo on this CPU), each writing its trained weights
// and a finite loss.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPytorch } from '../../../engine/cli/pytorchFiles.ts';
import { decodeNpz } from '../../../engine/export/pytorch/npz.ts';
import { exampleNames, hasTorch, loadExample, runPython } from './pytorchHarness.ts';

const root = mkdtempSync(join(tmpdir(), 'netloom-train-py-'));
const names = exampleNames();
// PyTorch 1.13's torchrun on Python 3.11 cannot parse its own default `--redirects 0`; naming
// stderr (2) for both works on every version.
const TORCHRUN = ['-m', 'torch.distributed.run', '--nproc_per_node', '2', '--redirects', '2', '--tee', '2', '--master_port'];

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The last JSON line train.py printed for an epoch; a GAN's loss is its generator's and discriminator's sum. */
function epochLine(output: string): { epoch: number; steps: number; loss: number } {
  const lines = output.split('\n').filter((line) => line.startsWith('{"epoch"'));
  expect(lines.length, output).toBeGreaterThan(0);
  const line = JSON.parse(lines[lines.length - 1]) as { epoch: number; steps: number; loss?: number; generator_loss?: number; discriminator_loss?: number };
  const loss = line.loss ?? Number(line.generator_loss) + Number(line.discriminator_loss);
  return { epoch: line.epoch, steps: line.steps, loss };
}

function expectWeights(path: string, folder: string): void {
  expect(existsSync(path)).toBe(true);
  const trained = decodeNpz(new Uint8Array(readFileSync(path)), path);
  const exported = decodeNpz(new Uint8Array(readFileSync(join(folder, 'weights.npz'))), 'weights.npz');
  expect([...trained.keys()].sort()).toEqual([...exported.keys()].sort());
}

describe.skipIf(!hasTorch())('every example\'s train.py', () => {
  it.each(names.map((name, index) => [name, index] as const))('%s: one short epoch in one process and under torchrun with two', async (name, index) => {
    const folder = join(root, name);
    await exportPytorch(loadExample(name), null, folder, { folder: resolve('assets/examples') });
    const single = epochLine(runPython(['train.py', '--epochs', '1', '--max-steps', '3', '--out', 'single.npz'], folder));
    expect(single.epoch).toBe(1);
    expect(single.steps).toBe(3);
    expect(Number.isFinite(single.loss)).toBe(true);
    expectWeights(join(folder, 'single.npz'), folder);
    const distributed = epochLine(runPython([...TORCHRUN, String(29500 + index), 'train.py', '--epochs', '1', '--max-steps', '3', '--out', 'distributed.npz'], folder));
    expect(distributed.steps).toBe(3);
    expect(Number.isFinite(distributed.loss)).toBe(true);
    expectWeights(join(folder, 'distributed.npz'), folder);
  }, 240_000);
});
