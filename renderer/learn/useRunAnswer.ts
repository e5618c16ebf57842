// The labs that read the user's network ask the engine worker about the run on screen: once when
// opened, and again whenever the run has stepped since the last answer (checked every interval),
// one request at a time. The run comes from the dashboard's store (renderer/dashboard's
// GraphRunsStore), seen here only through the little the labs read of it.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { RunState } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';

export interface LabSeries {
  readonly steps: readonly number[];
  readonly values: readonly number[];
}

/** What the labs read of the run on screen. */
export interface LabRunView {
  readonly client: EngineClient | null;
  readonly model: {
    /** Counts runs started (a new run starts a new history). */
    readonly run: number;
    readonly state: RunState;
    readonly lastStep: number;
    readonly curves: { readonly losses: Readonly<Record<string, LabSeries>> };
  };
}

/** The dashboard's store, as the labs see it. */
export interface LabRuns {
  subscribe(listener: () => void): () => void;
  getView(): LabRunView;
}

/** The run view of the graph on screen, or null without a store (a lab mounted alone). */
export function useRunView(runs: LabRuns | undefined): LabRunView | null {
  const subscribe = useCallback((listener: () => void) => runs?.subscribe(listener) ?? (() => undefined), [runs]);
  return useSyncExternalStore(subscribe, () => runs?.getView() ?? null);
}

export interface RunAnswer<T> {
  readonly answer: T | null;
  /** Why the last request failed (the engine's words), or null. */
  readonly error: string | null;
}

export function useRunAnswer<T>(view: LabRunView | null, ask: (client: EngineClient) => Promise<T>, intervalMs: number): RunAnswer<T> {
  const [state, setState] = useState<RunAnswer<T>>({ answer: null, error: null });
  const latest = useRef({ step: view?.model.lastStep ?? 0, run: view?.model.run ?? 0, client: view?.client ?? null, ask });
  latest.current = { step: view?.model.lastStep ?? 0, run: view?.model.run ?? 0, client: view?.client ?? null, ask };
  const asked = useRef({ key: '', busy: false });
  useEffect(() => {
    let live = true;
    const tick = () => {
      const { step, run, client, ask: request } = latest.current;
      const key = `${run}:${step}`;
      if (client === null || asked.current.busy || asked.current.key === key) return;
      asked.current = { key, busy: true };
      request(client)
        .then(
          (answer) => live && setState({ answer, error: null }),
          (error: unknown) => live && setState((previous) => ({ answer: previous.answer, error: error instanceof Error ? error.message : String(error) })),
        )
        .finally(() => {
          asked.current.busy = false;
        });
    };
    tick();
    const timer = window.setInterval(tick, intervalMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [intervalMs]);
  return state;
}
