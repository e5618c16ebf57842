// Validation examples as cards: the input image, true and predicted class, confidence.
import type { ExampleCard } from './confusionExamples.ts';
import { PixelCanvas } from './PixelCanvas.tsx';

export function ExampleList({ cards }: { readonly cards: readonly ExampleCard[] }) {
  return (
    <ul className="example-list">
      {cards.map((card) => (
        <li key={card.index} className={card.correct ? 'example-card' : 'example-card example-wrong'} data-testid="example-card" aria-label={card.label} title={`Example ${card.index} · chance of the true class ${card.truthChance}`}>
          {card.image !== null && <PixelCanvas image={card.image} maxWidth={56} maxZoom={8} label={`Input of example ${card.index}`} />}
          <span className="example-labels">
            <span>
              true <strong data-testid="example-truth">{card.truthName}</strong>
            </span>
            <span>
              pred <strong data-testid="example-predicted">{card.predictedName}</strong>
            </span>
            <span title="The probability of the predicted class">
              conf{' '}
              <span className="example-confidence" data-testid="example-confidence">
                {card.confidence}
              </span>
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** What a panel says instead of cards: loading, the engine's problem, or nothing found. */
export function ExamplesStatus({ loading, error, empty, emptyText }: { loading: boolean; error: string | null; empty: boolean; emptyText: string }) {
  if (error !== null)
    return (
      <p className="panel-empty examples-error" role="alert">
        {error}
      </p>
    );
  if (loading && empty) return <p className="panel-empty">Finding examples…</p>;
  return empty ? <p className="panel-empty">{emptyText}</p> : null;
}
