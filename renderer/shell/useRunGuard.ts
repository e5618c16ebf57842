// Opening another graph while the one on screen trains asks first: Stop and open, or Cancel.
// The guard goes to the file commands; the question to the dialog that shows it.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { GraphRunsStore } from '../dashboard/index.ts';
import type { RunGuard } from './fileCommands.ts';

export interface RunQuestion {
  /** The name of the graph whose run would stop. */
  readonly graphName: string;
}

export interface RunGuardHandle {
  readonly guard: RunGuard;
  readonly question: RunQuestion | null;
  answer(stop: boolean): void;
}

export function useRunGuard(runs: GraphRunsStore, graphName: () => string): RunGuardHandle {
  const [question, setQuestion] = useState<RunQuestion | null>(null);
  const pending = useRef<((stop: boolean) => void) | null>(null);
  const answer = useCallback(
    (stop: boolean) => {
      const resolve = pending.current;
      pending.current = null;
      setQuestion(null);
      if (stop) runs.stopForLeaving();
      resolve?.(stop);
    },
    [runs],
  );
  const guard = useMemo<RunGuard>(
    () => ({
      mayLeaveRun() {
        if (!runs.runGoing()) return true;
        // A question already open is answered "Cancel" by the newer one.
        pending.current?.(false);
        setQuestion({ graphName: graphName() });
        return new Promise<boolean>((resolve) => (pending.current = resolve));
      },
    }),
    [runs, graphName],
  );
  return { guard, question, answer };
}
