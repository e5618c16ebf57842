// Text a character model generated at the end of an epoch.
import type { TextEvent } from './snapshots.ts';

export function TextSamples({ text }: { text: TextEvent }) {
  return (
    <section className="dashboard-panel text-samples" data-testid="text-samples">
      <header className="panel-header">
        <h3>Generated text</h3>
        <span className="panel-note">
          epoch {text.epoch + 1} · temperature {text.temperature}
        </span>
      </header>
      {text.samples.map((sample, index) => (
        <pre key={index} className="text-sample">
          {sample}
        </pre>
      ))}
    </section>
  );
}
