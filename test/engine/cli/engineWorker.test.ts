// The engine in a real worker_threads worker: train, pause (the step count stops), resume, stop.
import { describe, expect, it } from 'vitest';
import { startEngineWorker } from '../../../engine/cli/engineWorker.ts';
import type { EngineEvent } from '../../../engine/protocol/index.ts';
import { readExamples } from '../graph/examples.ts';

const stepCount = (events: readonly EngineEvent[]) => events.reduce((count, event) => count + (event.type === 'steps' ? event.steps.length : 0), 0);
const wait = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('engine in a worker thread', () => {
  it('trains, pauses, resumes and stops on request', async () => {
    const engine = startEngineWorker();
    try {
      await engine.next((event) => event.type === 'hello');
      const document = readExamples().find((example) => example.name === 'xo-cnn.json')!.document;
      engine.send({ type: 'compile', document });
      expect(await engine.next((event) => event.type === 'compiled' || event.type === 'problem')).toMatchObject({ type: 'compiled', backend: 'wasm', threads: 2 });
      engine.send({ type: 'start', settings: { epochs: 1000, telemetryRate: 100 } });
      await engine.next((event) => event.type === 'steps');
      await wait(300);
      engine.send({ type: 'pause' });
      await engine.next((event) => event.type === 'state' && event.state === 'paused');
      await wait(100);
      const paused = stepCount(engine.events);
      await wait(400);
      expect(stepCount(engine.events)).toBe(paused);
      engine.send({ type: 'step' });
      await wait(200);
      expect(stepCount(engine.events)).toBe(paused + 1);
      engine.send({ type: 'resume' });
      await wait(400);
      expect(stepCount(engine.events)).toBeGreaterThan(paused + 1);
      engine.send({ type: 'stop' });
      const done = await engine.next((event) => event.type === 'done');
      expect(done).toMatchObject({ reason: 'stopped' });
      const losses = engine.events.flatMap((event) => (event.type === 'steps' ? event.steps.map((step) => step.losses.loss) : []));
      expect(losses.slice(-10).reduce((a, b) => a + b)).toBeLessThan(losses.slice(0, 10).reduce((a, b) => a + b));
    } finally {
      await engine.terminate();
    }
  }, 60_000);

  it('reports a graph with errors as a problem naming the node', async () => {
    const engine = startEngineWorker();
    try {
      const document = structuredClone(readExamples().find((example) => example.name === 'xo-cnn.json')!.document) as { nodes: { type: string }[] };
      document.nodes.find((node) => node.type === 'Flatten')!.type = 'Flaten';
      engine.send({ type: 'compile', document });
      const problem = await engine.next((event) => event.type === 'problem');
      expect(problem).toMatchObject({ type: 'problem', fatal: true, problems: [{ nodeId: 'flatten1', suggestion: 'Did you mean Flatten?' }] });
    } finally {
      await engine.terminate();
    }
  });
});
