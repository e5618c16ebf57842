// `netloom train --backend webgpu` in a child process (Dawn's device stays out of the test
// workers; the command must settle and dispose it before it exits): X-vs-O trains for an epoch,
// exits 0, its loss falls and agrees with `--backend cpu` at every step within 1e-3 relative; the
// checkpoint it saves scores the same with `eval --backend webgpu` as with the cpu. Skipped, with
// the reason, where the webgpu package finds no adapter (SwiftShader through VK_ICD_FILENAMES,
// which test/setup/webgpu.ts sets, stands in for a GPU).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeGpu } from '../backends/webgpu/nodeGpu.ts';
import { folder, jsonLines, root, stepLosses } from './cliHarness.ts';

const { gpu, reason } = await nodeGpu();
const xo = join(root, 'assets/examples/xo-cnn.json');

function netloomProcess(...argv: string[]): { code: number | null; out: string[]; error: string } {
  const result = spawnSync(process.execPath, [join(root, 'engine/cli/bin.mjs'), ...argv], { encoding: 'utf8', cwd: root, timeout: 120_000 });
  return { code: result.status, out: result.stdout.trim().split('\n').filter((line) => line !== ''), error: result.stderr };
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe.skipIf(gpu === undefined)(`netloom train --backend webgpu${gpu === undefined ? ` (skipped: ${reason})` : ''}`, () => {
  it('trains X-vs-O for an epoch with the cpu losses, saves a checkpoint, and eval on webgpu scores it as the cpu does', () => {
    const checkpoint = join(folder, 'xo-webgpu.ckpt');
    const onGpu = netloomProcess('train', xo, '--epochs', '1', '--backend', 'webgpu', '--jsonl', '--save', checkpoint);
    expect(onGpu.error).not.toMatch(/internal error|Aborted/);
    expect(onGpu.code).toBe(0);
    const onCpu = netloomProcess('train', xo, '--epochs', '1', '--backend', 'cpu', '--jsonl');
    expect(onCpu.code).toBe(0);
    const gpuLosses = stepLosses(onGpu.out);
    const cpuLosses = stepLosses(onCpu.out);
    // --jsonl asks for every step's telemetry: each step is observed on the GPU too.
    expect(gpuLosses).toHaveLength(cpuLosses.length);
    expect(gpuLosses.length).toBeGreaterThanOrEqual(20);
    gpuLosses.forEach((loss, step) => expect(Math.abs(loss - cpuLosses[step]), `step ${step + 1}`).toBeLessThanOrEqual(1e-3 * Math.abs(cpuLosses[step])));
    expect(mean(gpuLosses.slice(-5))).toBeLessThan(0.8 * mean(gpuLosses.slice(0, 5)));
    expect(jsonLines(onGpu.out).at(-1)).toMatchObject({ type: 'done', reason: 'finished' });

    const scored = ['webgpu', 'cpu'].map((backend) => {
      const result = netloomProcess('eval', xo, '--weights', checkpoint, '--backend', backend);
      expect(result.code, result.error).toBe(0);
      return JSON.parse(result.out[0]) as { examples: number; loss: number; accuracy: number };
    });
    expect(scored[0].examples).toBe(scored[1].examples);
    expect(scored[0].accuracy).toBe(scored[1].accuracy);
    expect(Math.abs(scored[0].loss - scored[1].loss)).toBeLessThanOrEqual(1e-4 * scored[1].loss);
  }, 240_000);
});
