// What the app opens on: the example named in `?example=`, else the X-vs-O CNN, else the first example.
import type { GraphDocument } from '../../engine/graph/index.ts';
import { newDocument } from '../editor/documentEdits.ts';
import { readDocumentValue } from './documentText.ts';
import { chooseExample, exampleNames, loadExample, requestedExample } from './examples.ts';

export interface StartDocument {
  readonly document: GraphDocument;
  /** Why the app did not open what the URL asked for, if it did not. */
  readonly warning: string | null;
}

export async function loadStartDocument(search: string): Promise<StartDocument> {
  const requested = requestedExample(search);
  const names = exampleNames();
  const name = chooseExample(requested, names);
  const missing = requested !== null && requested !== name ? `There is no example "${requested}"; opened ${name ?? 'a new graph'} instead.` : null;
  if (name === null) return { document: newDocument(), warning: missing };
  const result = readDocumentValue(await loadExample(name), `${name}.json`);
  if (!result.ok) return { document: newDocument(), warning: result.message };
  return { document: result.document, warning: missing };
}
