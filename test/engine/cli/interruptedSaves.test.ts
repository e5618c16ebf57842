// The kill test: saves cut short at random points (a process killed mid-write with SIGKILL, a
// file-size limit that stops the write with EFBIG) always leave the previous checkpoint loadable,
// and two processes saving to one path never mix their bytes.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCheckpoint } from '../../../engine/train/checkpoint.ts';
import { Model } from '../../../engine/train/model.ts';
import { folder, netloom, root } from './cliHarness.ts';
import { wideDocument } from './wideModel.ts';

const xo = join(root, 'assets/examples/xo-cnn.json');
const SAVE_LOOP = join(root, 'test/engine/cli/saveLoop.ts');

interface Saver {
  readonly child: ChildProcess;
  /** The last save the child finished, and whether it was writing another when it stopped. */
  readonly progress: { saved: number; writing: boolean; error: string };
  readonly exited: Promise<NodeJS.Signals | number | null>;
}

/** Runs saveLoop.ts on `path`; with a limit in KiB, under `ulimit -f`. */
function saver(path: string, count = 'forever', limit?: number): Saver {
  const node = [process.execPath, '--import', 'tsx', SAVE_LOOP, path, count];
  const child = limit === undefined ? spawn(node[0], node.slice(1), { cwd: root }) : spawn('bash', ['-c', `ulimit -f ${limit}; exec "$@"`, 'bash', ...node], { cwd: root });
  const progress = { saved: 0, writing: false, error: '' };
  child.stdout?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().trim().split('\n')) {
      const [word, number] = line.split(' ');
      progress.writing = word === 'writing';
      if (word === 'saved') progress.saved = Number(number);
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (progress.error += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  return { child, progress, exited };
}

async function savedAtLeast(saver: Saver, count: number): Promise<void> {
  while (saver.progress.saved < count) {
    if (saver.child.exitCode !== null) throw new Error(`the save loop stopped: ${saver.progress.error}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Loads the checkpoint at `path` into the wide model; every weight must be its save number. */
function loadedSave(path: string): number {
  const model = Model.compile(wideDocument(), { batchSize: 1 });
  const { steps } = loadCheckpoint(new Uint8Array(readFileSync(path)), [model], []);
  for (const [name, values] of model.readParameters()) expect(values.every((value) => value === steps), `${name} holds save ${steps} only`).toBe(true);
  return steps;
}

describe('a checkpoint save', () => {
  it('killed at random points, alone or with another process saving to the same path, leaves a whole checkpoint', async () => {
    const scratch = mkdtempSync(join(folder, 'kill-'));
    const alone = Array.from({ length: 3 }, (_, index) => ({ path: join(scratch, `alone${index}.ckpt`), savers: [saver(join(scratch, `alone${index}.ckpt`))] }));
    const shared = join(scratch, 'shared.ckpt');
    const runs = [...alone, { path: shared, savers: [saver(shared), saver(shared)] }];
    let midWrite = 0;
    for (const { path, savers } of runs) {
      await Promise.all(savers.map((one) => savedAtLeast(one, 2)));
      const delays = savers.map(() => Math.floor(Math.random() * 120));
      await Promise.all(savers.map((one, index) => new Promise((resolve) => setTimeout(resolve, delays[index])).then(() => one.child.kill('SIGKILL'))));
      expect(await Promise.all(savers.map((one) => one.exited)), `killed after ${delays.join(', ')} ms`).toEqual(savers.map(() => 'SIGKILL'));
      midWrite += savers.filter((one) => one.progress.writing).length;
      const lastSaved = Math.min(...savers.map((one) => one.progress.saved));
      expect(loadedSave(path), `${path}, killed after ${delays.join(', ')} ms`).toBeGreaterThanOrEqual(lastSaved);
    }
    // The children save without pause, so nearly every kill lands inside a save (between "writing" and "saved").
    expect(midWrite).toBeGreaterThan(0);
  }, 60_000);

  it('by `netloom train --save` under a file-size limit exits 1 with one line and keeps the checkpoint', async () => {
    const scratch = mkdtempSync(join(folder, 'cli-limit-'));
    const path = join(scratch, 'xo.ckpt');
    expect((await netloom('train', xo, '--steps', '2', '--save', path)).code).toBe(0);
    const good = readFileSync(path);
    expect(good.length).toBeGreaterThan(1024);
    const limited = await new Promise<{ code: number | null; error: string }>((resolve) => {
      const child = spawn('bash', ['-c', 'ulimit -f 1; exec "$@"', 'bash', process.execPath, 'engine/cli/bin.mjs', 'train', xo, '--steps', '2', '--save', path], { cwd: root });
      let error = '';
      child.stderr.on('data', (chunk: Buffer) => (error += chunk.toString()));
      child.on('exit', (code) => resolve({ code, error }));
    });
    expect(limited.code).toBe(1);
    expect(limited.error.trim().split('\n').at(-1)).toBe(`could not write ${path} (EFBIG: file too large (a file-size limit)); it keeps its previous contents.`);
    expect(readFileSync(path).equals(good)).toBe(true);
    expect(readdirSync(scratch)).toEqual(['xo.ckpt']);
  }, 30_000);
});
