// The run as React state: events from the engine client are batched per animation frame into one
// reducer pass; Train compiles, then starts with the edited settings once the graph compiled.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineEvent, EngineRequest, RunSettings } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { FrameBatcher } from './frameBatcher.ts';
import { dismissProblems, initialRun, reduceRun, startRun, type RunModel } from './runModel.ts';
import { RunStarter } from './runStarter.ts';

export interface DashboardRun {
  readonly model: RunModel;
  /** Train was pressed and the graph is compiling. */
  readonly starting: boolean;
  train(document: unknown, settings: RunSettings): void;
  send(request: EngineRequest): void;
  dismiss(): void;
}

export function useDashboardRun(client: EngineClient | null): DashboardRun {
  const [model, setModel] = useState(initialRun);
  const [starting, setStarting] = useState(false);
  const modelRef = useRef(model);
  const starter = useRef(new RunStarter());
  const batcher = useRef<FrameBatcher<EngineEvent> | null>(null);

  useEffect(() => {
    if (client === null) return;
    const events = new FrameBatcher<EngineEvent>((batch) => {
      modelRef.current = batch.reduce(reduceRun, modelRef.current);
      setModel(modelRef.current);
      setStarting(starter.current.starting);
    });
    batcher.current = events;
    const unsubscribe = client.subscribe((event) => {
      const request = starter.current.receive(event);
      if (request !== null) client.send(request);
      events.push(event);
    });
    return () => {
      unsubscribe();
      events.dispose();
      batcher.current = null;
      starter.current.cancel();
    };
  }, [client]);

  const update = useCallback((change: (current: RunModel) => RunModel) => {
    const queued = batcher.current?.drain() ?? [];
    modelRef.current = change(queued.reduce(reduceRun, modelRef.current));
    setModel(modelRef.current);
  }, []);

  const train = useCallback(
    (document: unknown, settings: RunSettings) => {
      if (client === null) return;
      update(startRun);
      client.send(starter.current.begin(document, settings));
      setStarting(true);
    },
    [client, update],
  );

  const send = useCallback((request: EngineRequest) => client?.send(request), [client]);
  const dismiss = useCallback(() => update(dismissProblems), [update]);
  return { model, starting, train, send, dismiss };
}
