// The one error every export raises for a graph, checkpoint or file it cannot use: its message
// names the node, weight or file and what to do (the CLI prints it as it is).
export class ExportError extends Error {
  override readonly name = 'ExportError';
}
