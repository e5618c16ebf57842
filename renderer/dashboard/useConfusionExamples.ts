// The open confusion cell's examples and the most-wrong list, asked of the engine: a cell on click
// (any time the run has weights), the most wrong whenever the run rests at a new step, or on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExampleQuery } from '../../engine/protocol/index.ts';
import type { EngineClient } from '../engine-client/engineClient.ts';
import { mostWrongKey, type ExamplesAnswer } from './confusionExamples.ts';

export const CELL_LIMIT = 32;
export const MOST_WRONG_LIMIT = 12;

export interface ExamplesState {
  readonly query: ExampleQuery | null;
  readonly answer: ExamplesAnswer | null;
  readonly error: string | null;
  readonly loading: boolean;
}

export interface ConfusionExamples {
  readonly cell: ExamplesState;
  readonly mostWrong: ExamplesState;
  /** The class names the engine last reported (the matrix shows indices until then). */
  readonly classNames: readonly string[] | undefined;
  openCell(truth: number, predicted: number): void;
  closeCell(): void;
  refreshMostWrong(): void;
}

const EMPTY: ExamplesState = { query: null, answer: null, error: null, loading: false };

function useExamplesQuery(client: EngineClient | null, limit: number) {
  const [state, setState] = useState<ExamplesState>(EMPTY);
  const latest = useRef(0);
  const ask = useCallback(
    (query: ExampleQuery) => {
      if (client === null) return;
      const ticket = ++latest.current;
      setState((previous) => ({ ...previous, query, loading: true, error: null }));
      client
        .findExamples(query, limit)
        .then((answer) => ticket === latest.current && setState({ query, answer, error: null, loading: false }))
        .catch((error: unknown) => ticket === latest.current && setState({ query, answer: null, error: error instanceof Error ? error.message : String(error), loading: false }));
    },
    [client, limit],
  );
  const clear = useCallback(() => {
    latest.current++;
    setState(EMPTY);
  }, []);
  return { state, ask, clear };
}

export function useConfusionExamples(client: EngineClient | null, run: number, state: string, step: number, hasMatrix: boolean): ConfusionExamples {
  const cell = useExamplesQuery(client, CELL_LIMIT);
  const mostWrong = useExamplesQuery(client, MOST_WRONG_LIMIT);
  const { ask: askCell, clear: closeCell } = cell;
  const { ask: askMostWrong, clear: clearMostWrong } = mostWrong;
  const refreshMostWrong = useCallback(() => askMostWrong({ kind: 'mostWrong' }), [askMostWrong]);
  const openCell = useCallback((truth: number, predicted: number) => askCell({ kind: 'cell', truth, predicted }), [askCell]);
  const key = mostWrongKey(run, state, step, hasMatrix);
  useEffect(() => {
    if (key !== null) refreshMostWrong();
  }, [key, refreshMostWrong]);
  useEffect(() => {
    closeCell();
    clearMostWrong();
  }, [run, closeCell, clearMostWrong]);
  const [classNames, setClassNames] = useState<readonly string[] | undefined>(undefined);
  const reported = cell.state.answer?.classNames ?? mostWrong.state.answer?.classNames;
  if (reported !== undefined && reported.join('\n') !== classNames?.join('\n')) setClassNames(reported);
  return { cell: cell.state, mostWrong: mostWrong.state, classNames: reported ?? classNames, openCell, closeCell, refreshMostWrong };
}
