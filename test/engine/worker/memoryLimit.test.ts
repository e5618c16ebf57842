// The engine host refuses a run that cannot fit with one fatal problem naming the node, and the
// browser's default limit follows the device memory it reports.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserMemoryLimit } from '../../../engine/worker/memoryLimit.ts';
import { chainDocument } from '../graph/build.ts';
import { createHarness, root } from './hostHarness.ts';

const GIB = 2 ** 30;

function wide(units: number) {
  const steps = [
    { id: 'in', type: 'Input', params: { kind: 'image', height: 28, width: 28, channels: 1 } },
    { id: 'flat', type: 'Flatten' },
    { id: 'dense1', type: 'Dense', params: { units } },
    { id: 'dense2', type: 'Dense', params: { units: 10 } },
    { id: 'loss', type: 'SoftmaxCrossEntropy' },
  ];
  return { ...chainDocument(steps, 'classify', { batchSize: 16 }), dataset: { source: 'builtin', name: 'mnist' } };
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/buildData.mjs'], { cwd: root });
});

describe('the engine host and the memory limit', () => {
  it('refuses a start that needs more than the limit, as one fatal problem on the node', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: wide(1_000_000), backend: 'cpu' });
    expect(harness.of('compiled')).toHaveLength(1);
    await harness.send({ type: 'start', settings: { steps: 1 } });
    const [problem] = harness.of('problem');
    expect(problem.fatal).toBe(true);
    expect(problem.problems).toHaveLength(1);
    // dense1: 784 × 1,000,000 + 1,000,000 parameters, 2.92 GiB of weights; Adam doubles them again.
    expect(problem.problems[0]).toMatchObject({ nodeId: 'dense1', field: 'memoryLimit' });
    expect(problem.problems[0].message).toMatch(/^The run needs 12 GiB, more than the 4 GiB memory limit: the largest parts are node dense1's optimizer state \(5\.85 GiB\), node dense1's weights \(2.92 GiB\) and node dense1's weight gradients \(2.92 GiB\); make dense1 smaller\.$/);
    expect(harness.of('state').at(-1)).toEqual({ type: 'state', state: 'failed' });
  });

  it("a run's own limit overrides the default", async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: wide(64), backend: 'cpu' });
    await harness.send({ type: 'start', settings: { steps: 1, memoryLimit: 2 ** 20 } });
    expect(harness.of('problem')[0]?.problems[0].message).toMatch(/^The run needs [0-9.]+ MiB, more than the 1 MiB memory limit: the largest parts are node in's loaded dataset/);
  });
});

describe('browserMemoryLimit', () => {
  it('is half the reported device memory, 4 GiB where none is reported', () => {
    expect([8, 4, 0.5, undefined, Number.NaN].map(browserMemoryLimit)).toEqual([4 * GIB, 2 * GIB, GIB / 2, 4 * GIB, 4 * GIB]);
  });
});
