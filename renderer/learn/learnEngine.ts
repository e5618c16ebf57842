// What the gradient and LSTM cell labs take of the app: the engine (started on first use), opening
// a bundled example, and closing the panel. Derived from the LearnNetwork the shell hands to
// LearnHost (learnNetwork.ts) and the close LearnHost provides; without them (a lab shown on its
// own) those labs say so instead of asking the engine.
import { createContext, useContext, useMemo } from 'react';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { useLearnNetwork } from './learnNetwork.ts';

export interface LearnEngine {
  /** The engine, started if it is not yet. */
  readonly client: () => EngineClient;
  /** Opens a bundled example by name (asking first about unsaved changes). */
  readonly openExample?: (name: string) => Promise<void>;
  /** Closes the Learn panel (to train the graph a lab needs). */
  readonly close?: () => void;
}

/** Closes the Learn panel: LearnHost provides it. */
export const LearnCloseContext = createContext<(() => void) | null>(null);

export function useLearnEngine(): LearnEngine | null {
  const network = useLearnNetwork();
  const close = useContext(LearnCloseContext) ?? undefined;
  return useMemo(() => (network === null ? null : { client: () => network.runs.engine(), openExample: network.openExample, close }), [network, close]);
}
