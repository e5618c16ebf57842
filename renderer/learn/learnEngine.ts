// What the labs that read the user's network get from the app: the engine (started on first use),
// a way to open a bundled example, and closing the panel. The shell provides it to LearnHost;
// without it (a lab shown on its own) those labs say so instead of asking the engine.
import { createContext, useContext } from 'react';
import type { EngineClient } from '../engine-client/engineClient.ts';

export interface LearnEngine {
  /** The engine, started if it is not yet. */
  readonly client: () => EngineClient;
  /** Opens a bundled example by name (asking first about unsaved changes). */
  readonly openExample?: (name: string) => Promise<void>;
  /** Closes the Learn panel (to train the graph a lab needs). */
  readonly close?: () => void;
}

export const LearnEngineContext = createContext<LearnEngine | null>(null);

export function useLearnEngine(): LearnEngine | null {
  return useContext(LearnEngineContext);
}
