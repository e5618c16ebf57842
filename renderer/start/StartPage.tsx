// The start page: New, Open…, the recent files and a gallery of the examples, each with a picture
// of its graph and what it teaches. Every item is a button: Tab moves through them, Enter opens.
import { useEffect, useRef, useState } from 'react';
import type { Platform, RecentFile } from '../platform/platform.ts';
import { loadTemplates, type Template } from './templates.ts';
import { ThumbnailSvg } from './ThumbnailSvg.tsx';
import { requestLearnPanel } from '../document/learnPanelRequest.ts';

/** The file commands the start page offers (the shell's FileCommands has them). */
export interface StartCommands {
  newDocument(): void;
  open(): Promise<void>;
  openRecent(key: string, name: string): Promise<void>;
  openExample(name: string): Promise<void>;
}

interface StartPageProps {
  readonly platform: Platform;
  readonly commands: StartCommands;
  /** Back to the graph that was open, when there is one worth going back to. */
  readonly onClose: (() => void) | null;
  readonly currentName: string | null;
}

function useLoaded<T>(load: () => Promise<T>, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    let active = true;
    load().then(
      (loaded) => active && setValue(loaded),
      () => undefined,
    );
    return () => {
      active = false;
    };
  }, []);
  return value;
}

function RecentList({ recent, commands }: { recent: readonly RecentFile[]; commands: StartCommands }) {
  if (recent.length === 0) return <p className="start-empty">Graphs you open or save appear here.</p>;
  return (
    <ul className="start-recent">
      {recent.map((file) => (
        <li key={file.key}>
          <button type="button" data-testid="start-recent-item" title={file.detail} onClick={() => void commands.openRecent(file.key, file.name)}>
            <span className="start-recent-name">{file.name}</span>
            <span className="start-recent-detail">{file.detail}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function TemplateCard({ template, commands }: { template: Template; commands: StartCommands }) {
  return (
    <li>
      <button type="button" className="template-card" data-testid="template-card" data-example={template.name} onClick={() => void commands.openExample(template.name)}>
        <ThumbnailSvg thumbnail={template.thumbnail} />
        <span className="template-title">
          {template.title}
          <span className="template-count">{template.layerCount} layers</span>
        </span>
        <span className="template-description">{template.description}</span>
      </button>
    </li>
  );
}

/** Escape goes back to the graph, when there is one to go back to. */
function useEscapeToClose(onClose: (() => void) | null): void {
  useEffect(() => {
    if (onClose === null) return undefined;
    const close = onClose;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') close();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
}

/** New and Open; New takes the focus when the page opens. */
function StartActions({ commands }: { commands: StartCommands }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section aria-labelledby="start-begin">
      <h2 id="start-begin">Start</h2>
      <button ref={first} type="button" className="start-action" data-testid="start-new" onClick={() => commands.newDocument()}>
        <span className="start-action-name">New empty graph</span>
        <span className="start-action-detail">An input layer on a blank canvas</span>
      </button>
      <button type="button" className="start-action" data-testid="start-open" onClick={() => void commands.open()}>
        <span className="start-action-name">Open…</span>
        <span className="start-action-detail">A graph file (.json) from your computer</span>
      </button>
      <button type="button" className="start-action" data-testid="start-learn" onClick={() => requestLearnPanel('convolution')}>
        <span className="start-action-name">Learn</span>
        <span className="start-action-detail">Convolution, activations, gradients, LSTM gates, latent spaces and GANs, on your own network</span>
      </button>
    </section>
  );
}

export function StartPage({ platform, commands, onClose, currentName }: StartPageProps) {
  const templates = useLoaded(loadTemplates, []);
  const recent = useLoaded(() => platform.listRecent(), []);
  useEscapeToClose(onClose);
  return (
    <main className="start-page" data-testid="start-page" aria-labelledby="start-heading">
      <header className="start-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden />
          Netloom
        </div>
        <h1 id="start-heading">Design a neural network by drawing it</h1>
        {onClose !== null && (
          <button type="button" className="start-back" onClick={onClose} title="Back to the graph (Esc)">
            ← Back to {currentName ?? 'the graph'}
          </button>
        )}
      </header>
      <div className="start-body">
        <aside className="start-side">
          <StartActions commands={commands} />
          <section aria-labelledby="start-recent-heading">
            <h2 id="start-recent-heading">Recent</h2>
            <RecentList recent={recent} commands={commands} />
          </section>
        </aside>
        <section className="start-gallery" aria-labelledby="start-examples">
          <h2 id="start-examples">Examples</h2>
          <ul className="template-grid">
            {templates.map((template) => (
              <TemplateCard key={template.name} template={template} commands={commands} />
            ))}
          </ul>
        </section>
      </div>
    </main>
  );
}
