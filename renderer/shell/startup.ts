// What the app opens on: the example named in `?example=`; else the session autosaved last time;
// else, on the very first launch, the X-vs-O CNN; else the start page (over an empty graph).
import type { GraphDocument } from '../../engine/graph/index.ts';
import { newDocument } from '../editor/documentEdits.ts';
import type { Platform } from '../platform/platform.ts';
import { readDocumentText, readDocumentValue } from './documentText.ts';
import { chooseExample, exampleNames, loadExample, requestedExample } from './examples.ts';

export interface StartDocument {
  readonly document: GraphDocument;
  /** Why the app did not open what the URL asked for, if it did not. */
  readonly warning: string | null;
}

export interface StartState extends StartDocument {
  /** Show the start page first. */
  readonly showStart: boolean;
  /** Said once the app is up ("Restored … from your last session."). */
  readonly info: string | null;
}

export type StartKind = 'example' | 'autosave' | 'start';

/** The rule above, without the loading. */
export function chooseStart(hasRequestedExample: boolean, hasAutosave: boolean, firstLaunch: boolean): StartKind {
  if (hasRequestedExample) return 'example';
  if (hasAutosave) return 'autosave';
  return firstLaunch ? 'example' : 'start';
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

async function readAutosave(platform: Platform): Promise<GraphDocument | null> {
  const text = await platform.getAutosave().catch(() => null);
  if (text === null) return null;
  const result = readDocumentText(text, 'the autosave');
  return result.ok ? result.document : null;
}

export async function loadStart(search: string, platform: Platform): Promise<StartState> {
  const firstLaunch = await platform.isFirstLaunch().catch(() => false);
  const hasRequest = requestedExample(search) !== null;
  const autosaved = hasRequest ? null : await readAutosave(platform);
  switch (chooseStart(hasRequest, autosaved !== null, firstLaunch)) {
    case 'autosave':
      return { document: autosaved ?? newDocument(), warning: null, showStart: false, info: `Restored “${autosaved?.metadata.name ?? ''}” from your last session.` };
    case 'start':
      return { document: newDocument(), warning: null, showStart: true, info: null };
    case 'example':
      return { ...(await loadStartDocument(search)), showStart: false, info: null };
  }
}
