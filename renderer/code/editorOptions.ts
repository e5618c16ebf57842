// Monaco's options for the graph JSON. Layer labels and docs use "×" (3×3) and other typographic
// characters on purpose, so Monaco does not flag ambiguous characters; invisible ones it still shows.
export const jsonEditorOptions = {
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
  unicodeHighlight: { ambiguousCharacters: false, invisibleCharacters: true, nonBasicASCII: false },
};
