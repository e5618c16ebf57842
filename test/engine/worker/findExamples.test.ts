// findExamples through the engine host: after a run, a confusion cell's examples are exactly the
// cell's count, with images; the most wrong come lowest probability of the true class first.
import { describe, expect, it } from 'vitest';
import { readExamples } from '../graph/examples.ts';
import { createHarness } from './hostHarness.ts';

const xo = () => structuredClone(readExamples().find((example) => example.name === 'xo-cnn.json')!.document) as Record<string, unknown> & { training: Record<string, unknown> };

describe('findExamples', () => {
  it('answers a cell with its examples and the most wrong in order, with images, after the run', async () => {
    const harness = createHarness();
    await harness.send({ type: 'findExamples', requestId: 1, query: { kind: 'mostWrong' } });
    expect(harness.of('problem')[0]).toMatchObject({ fatal: false, requestId: 1, problems: [{ message: expect.stringMatching(/train first/) }] });
    await harness.send({ type: 'compile', document: xo() });
    await harness.send({ type: 'start', settings: { epochs: 1, learningRate: 0.002 } });
    const matrix = harness.of('epoch').at(-1)!.confusion!;
    for (const [truth, predicted] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
      await harness.send({ type: 'findExamples', requestId: 10 + truth * 2 + predicted, query: { kind: 'cell', truth, predicted }, limit: 5 });
      const answer = harness.of('examples').at(-1)!;
      expect(answer.requestId).toBe(10 + truth * 2 + predicted);
      expect(answer.total).toBe(matrix[truth][predicted]);
      expect(answer.examples).toHaveLength(Math.min(5, matrix[truth][predicted]));
      expect(answer.examples.every((example) => example.truth === truth && example.predicted === predicted)).toBe(true);
      const confidences = answer.examples.map((example) => example.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
      expect(answer.classNames).toEqual(['X', 'O']);
      expect(answer.validationCount).toBe(200);
      expect(answer.images).toMatchObject({ count: answer.examples.length, height: 9, width: 9, channels: 1 });
    }
    await harness.send({ type: 'findExamples', requestId: 20, query: { kind: 'mostWrong' }, limit: 8 });
    const wrong = harness.of('examples').at(-1)!;
    expect(wrong.examples).toHaveLength(8);
    const truthProbabilities = wrong.examples.map((example) => example.truthProbability);
    expect(truthProbabilities).toEqual([...truthProbabilities].sort((a, b) => a - b));
    expect(new Float32Array(wrong.images!.data)).toHaveLength(8 * 81);
  });

  it('answers while the run is paused, for the weights of the paused step', async () => {
    const harness = createHarness();
    await harness.send({ type: 'compile', document: xo() });
    const running = harness.send({ type: 'start', settings: { epochs: 50 } });
    while (harness.of('steps').length === 0) await new Promise((resolve) => setImmediate(resolve));
    await harness.send({ type: 'pause' });
    await new Promise((resolve) => setImmediate(resolve));
    const cells: number[] = [];
    for (const [truth, predicted] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
      await harness.send({ type: 'findExamples', requestId: 1, query: { kind: 'cell', truth, predicted } });
      cells.push(harness.of('examples').at(-1)!.total);
    }
    expect(cells.reduce((sum, count) => sum + count, 0)).toBe(200);
    const step = harness.of('examples').at(-1)!.step;
    expect(step).toBeGreaterThan(0);
    await harness.send({ type: 'step' });
    while (harness.of('steps').flatMap((message) => message.steps).at(-1)!.step <= step) await new Promise((resolve) => setImmediate(resolve));
    await harness.send({ type: 'findExamples', requestId: 2, query: { kind: 'mostWrong' }, limit: 3 });
    expect(harness.of('examples').at(-1)).toMatchObject({ requestId: 2, step: step + 1, total: 200 });
    await harness.send({ type: 'stop' });
    await running;
    expect(harness.of('problem')).toEqual([]);
  });
});
