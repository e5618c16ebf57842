// Keeps the engine watching the selected node; while the run rests (paused, done) asks for the
// node's output once, and for a Conv2D its filters, whenever the selection or the epoch changes.
import { useEffect } from 'react';
import type { RunState } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { shouldProbe, watchRequest } from './runStarter.ts';

export interface WatchInput {
  readonly client: EngineClient | null;
  readonly nodeId: string | null;
  readonly nodeType: string | undefined;
  readonly state: RunState;
  readonly nodeIds: readonly string[];
  readonly epoch: number | null;
}

const LIVE_STATES: readonly RunState[] = ['running', 'paused', 'done'];

export function useNodeWatch({ client, nodeId, nodeType, state, nodeIds, epoch }: WatchInput): void {
  useEffect(() => {
    client?.send(watchRequest(nodeId));
  }, [client, nodeId]);

  const probe = client !== null && shouldProbe(state, nodeIds, nodeId);
  useEffect(() => {
    if (!probe || client === null || nodeId === null) return;
    client.probe(nodeId, [0]).catch(() => undefined);
  }, [client, nodeId, probe]);

  const weights = client !== null && nodeId !== null && nodeType === 'Conv2D' && LIVE_STATES.includes(state) && nodeIds.includes(nodeId);
  useEffect(() => {
    if (!weights || client === null || nodeId === null) return;
    client.readWeights(nodeId).catch(() => undefined);
  }, [client, nodeId, weights, epoch]);
}
