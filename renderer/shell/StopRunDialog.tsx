// The question asked when another graph would open while the one on screen trains.
import { useEffect, useRef } from 'react';
import './dialog.css';
import type { RunQuestion } from './useRunGuard.ts';

export function StopRunDialog({ question, onAnswer }: { readonly question: RunQuestion; onAnswer(stop: boolean): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="modal-backdrop" onKeyDown={(event) => event.key === 'Escape' && onAnswer(false)}>
      <div className="modal-dialog" role="alertdialog" aria-modal="true" aria-labelledby="stop-run-title" aria-describedby="stop-run-text" data-testid="stop-run-dialog">
        <h2 id="stop-run-title">Stop training?</h2>
        <p id="stop-run-text">
          “{question.graphName}” is training. Opening another graph stops its run; its curves stay with it as a previous run.
        </p>
        <div className="modal-actions">
          <button ref={cancel} type="button" onClick={() => onAnswer(false)} data-testid="stop-run-cancel">
            Cancel
          </button>
          <button type="button" className="primary" onClick={() => onAnswer(true)} data-testid="stop-run-confirm">
            Stop and open
          </button>
        </div>
      </div>
    </div>
  );
}
