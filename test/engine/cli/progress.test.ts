// `netloom train` without --jsonl: plain progress lines when its output is not a terminal, and a help
// that offers only what works today.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { plainReporter } from '../../../engine/cli/progress.ts';
import type { EngineEvent, StepTelemetry } from '../../../engine/protocol/index.ts';
import { netloom, root } from './cliHarness.ts';

const xo = join(root, 'assets/examples/xo-cnn.json');

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

function steps(step: number, loss: number): EngineEvent {
  const telemetry: StepTelemetry = { step, epoch: 0, losses: { loss }, metrics: { accuracy: 0.5 }, learningRate: 0.01 };
  return { type: 'steps', steps: [telemetry] };
}

describe('plain progress lines', () => {
  it('prints the latest step at most every 5 seconds, a line per epoch and one at the end', () => {
    const lines: string[] = [];
    let clock = 0;
    const reporter = plainReporter((line) => lines.push(line), () => clock, 5);
    for (const [time, step, loss] of [[1, 1, 2.5], [4.9, 2, 2], [5, 3, 1.5], [7, 4, 1.25], [10.5, 5, 1]] as const) {
      clock = time;
      reporter.event(steps(step, loss));
    }
    reporter.event({ type: 'epoch', epoch: 0, validation: { loss: 0.75 } });
    reporter.event({ type: 'done', steps: 5, epochs: 1, losses: { loss: 1 }, reason: 'finished' });
    expect(lines).toEqual([
      'step 3  epoch 1  loss 1.50  accuracy 0.500',
      'step 5  epoch 1  loss 1.00  accuracy 0.500',
      'epoch 1 done: step 5  epoch 1  loss 1.00  accuracy 0.500  validation loss 0.750',
      'done after 5 steps (finished): loss 1.00',
    ]);
  });

  it('a run with captured output prints epoch lines and the end on standard output, no progress bar', async () => {
    const result = await netloom('train', xo, '--epochs', '2');
    expect(result.code).toBe(0);
    const epochLines = result.out.filter((line) => line.startsWith('epoch '));
    expect(epochLines).toHaveLength(2);
    expect(epochLines[1]).toMatch(/^epoch 2 done: step \d+ {2}epoch 2 {2}loss \d\.\d+ {2}accuracy \d\.\d+ {2}validation /);
    expect(result.out.at(-1)).toMatch(/^done after \d+ steps \(finished\): loss \d\.\d+$/);
    expect(result.error.join('')).not.toContain('\r');
  });

  it('the real command prints plain lines into a pipe', () => {
    const output = execFileSync(process.execPath, [join(root, 'engine/cli/bin.mjs'), 'train', xo, '--steps', '5'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(output.trim().split('\n').at(-1)).toMatch(/^done after 5 steps \(finished\): loss \d\.\d+$/);
  });
});

describe('help', () => {
  it('offers the backends there are, the fastest by default, and WebGPU only when named', async () => {
    const [usage] = (await netloom('--help')).out;
    expect(usage).toContain('--backend wasm|cpu|webgpu --save CKPT');
    expect(usage).toContain('(default: wasm, WebAssembly SIMD on every core');
    expect(usage).toContain('webgpu, only when named');
    const [trainUsage] = (await netloom('train')).error;
    expect(trainUsage).toContain('[--backend NAME] [--save CKPT]');
  });

  it('an unknown backend is refused naming the ones there are', async () => {
    expect((await netloom('train', xo, '--backend', 'metal')).error).toEqual(['Unknown backend "metal"; choose one of: wasm, cpu.']);
    // --backend webgpu trains (a child process each, in webgpuTrain.test.ts: Dawn's device stays out of the test workers).
  });
});
