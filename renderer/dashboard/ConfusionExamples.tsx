// The examples of the confusion cell that was clicked: a panel beside the matrix that takes focus,
// and closes on Escape or its Close button.
import { useEffect, useId, useMemo, useRef } from 'react';
import { exampleCards, examplesCaption, queryTitle } from './confusionExamples.ts';
import { ExampleList, ExamplesStatus } from './ExampleList.tsx';
import type { ExamplesState } from './useConfusionExamples.ts';

export interface ConfusionExamplesProps {
  readonly examples: ExamplesState;
  readonly classNames?: readonly string[];
  /** The count the matrix on show gives the cell. */
  readonly matrixCount?: number;
  onClose(): void;
}

export function ConfusionExamples({ examples, classNames, matrixCount, onClose }: ConfusionExamplesProps) {
  const { query, answer, loading, error } = examples;
  const titleId = useId();
  const close = useRef<HTMLButtonElement>(null);
  const cards = useMemo(() => (answer === null ? [] : exampleCards(answer)), [answer]);
  useEffect(() => close.current?.focus(), [query]);
  const open = query !== null;
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, onClose]);
  if (query === null) return null;
  return (
    <section className="dashboard-panel confusion-examples" role="dialog" aria-modal="false" aria-labelledby={titleId} aria-busy={loading} data-testid="confusion-examples">
      <header className="panel-header">
        <h3 id={titleId}>{queryTitle(query, answer?.classNames ?? classNames)}</h3>
        <button ref={close} type="button" className="chip-button" onClick={onClose} aria-label="Close examples (Escape)" data-testid="confusion-examples-close">
          Close
        </button>
      </header>
      {answer !== null && (
        <p className="panel-note examples-caption" data-testid="confusion-examples-caption">
          {examplesCaption(answer, matrixCount)}
        </p>
      )}
      <ExamplesStatus loading={loading} error={error} empty={cards.length === 0} emptyText="No validation example falls in this cell now." />
      {error === null && cards.length > 0 && <ExampleList cards={cards} />}
    </section>
  );
}
