// Leaving the JSON view: text that reads as a graph applies; text that does not is never dropped
// without a word: the user is asked whether to discard it or keep editing.
import { describeJsonError } from './jsonEditing.ts';
import type { JsonSync } from './jsonSync.ts';

export interface JsonLeave {
  readonly leave: boolean;
  /** What is wrong with the text, shown when the user keeps editing; null when it applied. */
  readonly error: string | null;
}

export function leaveQuestion(error: string): string {
  return `The JSON view's text is not a graph, so the canvas cannot show it:\n${error}\n\nOK discards this edit and shows the last valid graph. Cancel keeps editing.`;
}

/** Applies `text` if it is a graph; otherwise `ask` decides (true: discard and leave). */
export function leaveJson(sync: JsonSync, text: string, ask: (question: string) => boolean): JsonLeave {
  const edit = sync.submit(text);
  if (edit.ok) return { leave: true, error: null };
  const error = describeJsonError(edit);
  return ask(leaveQuestion(error)) ? { leave: true, error: null } : { leave: false, error };
}
