// What the labs that read the user's network need of the app: the open document, the engine (the
// shell's run store, which owns it), whether the engine's latest run is this graph's, Train, and
// opening an example. The shell hands it to LearnHost; the labs read it from context.
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { RunSettings } from '../../engine/protocol/index.ts';
import type { EditorStore } from '../document/editorStore.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import type { LabRuns } from './useRunAnswer.ts';

/** The shell's run store as the labs see it (GraphRunsStore fits it); LabRuns: its view of the graph on screen. */
export interface LearnRuns extends LabRuns {
  engine(): EngineClient;
  /** Whether the engine's latest run is the graph on screen's and has trained. */
  hasRunOnScreen(): boolean;
  train(document: unknown, settings: RunSettings): void;
}

export interface LearnNetwork {
  readonly store: EditorStore;
  readonly runs: LearnRuns;
  readonly openExample?: (name: string) => Promise<void>;
}

export const LearnNetworkContext = createContext<LearnNetwork | null>(null);

export function useLearnNetwork(): LearnNetwork | null {
  return useContext(LearnNetworkContext);
}

/** The type of the layer selected in the editor, if any: a lab opened from a layer's inspector starts on it. */
export function selectedType(network: LearnNetwork | null): string | undefined {
  const state = network?.store.getState();
  return state?.document.nodes.find((node) => node.id === state.selectedNodeId)?.type;
}

/** Starts training the open graph with its own settings, as the dock's Train does. */
export function trainOpenGraph(network: LearnNetwork): void {
  network.runs.engine();
  network.runs.train(network.store.getState().document, {});
}

/** Counts the run's news worth reading again: a state change, a run's end, and its steps at most every `interval` ms. */
export function useRunVersion(network: LearnNetwork | null, interval = 700): { readonly version: number; readonly running: boolean } {
  const [version, setVersion] = useState(0);
  const [running, setRunning] = useState(false);
  const last = useRef(0);
  useEffect(() => {
    if (network === null) return undefined;
    const bump = () => {
      last.current = performance.now();
      setVersion((value) => value + 1);
    };
    return network.runs.engine().subscribe((event) => {
      if (event.type === 'state') {
        setRunning(event.state === 'running');
        bump();
      } else if (event.type === 'done') bump();
      else if (event.type === 'steps' && performance.now() - last.current >= interval) bump();
    });
  }, [network, interval]);
  return { version, running };
}

/** The newest answer of an engine request that depends on `key`; older answers are dropped. */
export function useEngineAnswer<Answer>(ask: (() => Promise<Answer>) | null, key: string): { readonly answer: Answer | null; readonly error: string | null; readonly waiting: boolean } {
  const [state, setState] = useState<{ answer: Answer | null; error: string | null; waiting: boolean }>({ answer: null, error: null, waiting: false });
  const askRef = useRef(ask);
  askRef.current = ask;
  useEffect(() => {
    const current = askRef.current;
    if (current === null) return undefined;
    let active = true;
    setState((previous) => ({ ...previous, waiting: true }));
    current().then(
      (answer) => active && setState({ answer, error: null, waiting: false }),
      (cause: unknown) => active && setState((previous) => ({ answer: previous.answer, error: cause instanceof Error ? cause.message : String(cause), waiting: false })),
    );
    return () => {
      active = false;
    };
  }, [key]);
  return state;
}
