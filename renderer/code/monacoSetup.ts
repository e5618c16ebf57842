// Monaco from the installed monaco-editor package (never a CDN), with its workers built by Vite
// as ES module workers. Importing this module configures @monaco-editor/react's loader.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { graphJsonSchema } from '../../engine/graph/index.ts';

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

export const GRAPH_MODEL_URI = 'netloom://graph/document.json';

monaco.json.jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  schemas: [{ uri: 'netloom://schema/graph-v2.json', fileMatch: [GRAPH_MODEL_URI], schema: graphJsonSchema() }],
});

monaco.editor.defineTheme('netloom-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'string.key.json', foreground: '9cc4ff' },
    { token: 'string.value.json', foreground: 'a8d8a0' },
    { token: 'number', foreground: 'f0b86e' },
    { token: 'keyword.json', foreground: 'c7a0f5' },
  ],
  colors: {
    'editor.background': '#12151b',
    'editor.lineHighlightBackground': '#1a1f28',
    'editorLineNumber.foreground': '#4a5260',
    'editorLineNumber.activeForeground': '#a3adbb',
    'editorGutter.background': '#12151b',
  },
});

loader.config({ monaco });

export { monaco };
