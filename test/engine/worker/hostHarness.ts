// Runs the engine host in-process and records what it posts.
import { join } from 'node:path';
import { createNodeFileSource } from '../../../engine/cli/fileSource.ts';
import type { EngineEvent, EngineRequest } from '../../../engine/protocol/index.ts';
import { EngineHost } from '../../../engine/worker/host.ts';

export const root = join(import.meta.dirname, '../../..');

export function createHarness() {
  const events: EngineEvent[] = [];
  const host = new EngineHost((event) => events.push(event), {
    files: createNodeFileSource(root),
    mnistPath: 'build/data/mnist.bin',
    yieldControl: () => new Promise((resolve) => setImmediate(resolve)),
  });
  const send = (request: EngineRequest) => host.handle(request);
  const of = <Type extends EngineEvent['type']>(type: Type) => events.filter((event): event is Extract<EngineEvent, { type: Type }> => event.type === type);
  const losses = (name = 'loss') => of('steps').flatMap((message) => message.steps.map((step) => step.losses[name]));
  return { host, events, send, of, losses };
}

export function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
