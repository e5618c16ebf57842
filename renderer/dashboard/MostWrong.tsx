// The validation examples the classifier is most wrong about: lowest probability of the true class.
import { useMemo } from 'react';
import { exampleCards, examplesCaption } from './confusionExamples.ts';
import { ExampleList, ExamplesStatus } from './ExampleList.tsx';
import type { ExamplesState } from './useConfusionExamples.ts';

export function MostWrong({ examples, onRefresh }: { readonly examples: ExamplesState; onRefresh(): void }) {
  const { answer, loading, error } = examples;
  const cards = useMemo(() => (answer === null ? [] : exampleCards(answer)), [answer]);
  return (
    <section className="dashboard-panel most-wrong" aria-label="Most wrong validation examples" aria-busy={loading} data-testid="most-wrong">
      <header className="panel-header">
        <h3>Most wrong</h3>
        <button type="button" className="chip-button" onClick={onRefresh} disabled={loading} title="Find them again with the current weights" data-testid="most-wrong-refresh">
          Refresh
        </button>
      </header>
      {answer !== null && <p className="panel-note examples-caption">{examplesCaption(answer)}</p>}
      <ExamplesStatus loading={loading} error={error} empty={cards.length === 0} emptyText="Pause the run, or let it finish, to list them (or press Refresh)." />
      {error === null && cards.length > 0 && <ExampleList cards={cards} />}
    </section>
  );
}
