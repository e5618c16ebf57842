// The document as JSON in Monaco, read-only for now; loaded lazily, so Monaco is not on first paint.
import { Editor } from '@monaco-editor/react';
import { GRAPH_MODEL_URI } from './monacoSetup.ts';

const options = {
  readOnly: true,
  minimap: { enabled: false },
  fontSize: 13,
  fontFamily: "'JetBrains Mono', 'Cascadia Code', 'Fira Code', ui-monospace, Menlo, Consolas, monospace",
  lineHeight: 20,
  scrollBeyondLastLine: false,
  renderLineHighlight: 'line' as const,
  padding: { top: 12, bottom: 12 },
  automaticLayout: true,
  folding: true,
  tabSize: 2,
  wordWrap: 'on' as const,
};

export function JsonView({ text }: { text: string }) {
  return (
    <div className="json-view" data-testid="json-view">
      <Editor language="json" path={GRAPH_MODEL_URI} value={text} theme="netloom-dark" options={options} loading={<div className="json-loading">Loading editor…</div>} />
    </div>
  );
}
