// What the app opens on: the example named in `?example=`; else the session autosaved last time;
// else, on the very first launch, the X-vs-O CNN; else the start page (over an empty graph).
import type { GraphDocument } from '../../engine/graph/index.ts';
import { newDocument } from '../editor/documentEdits.ts';
import type { FileReference, Platform } from '../platform/platform.ts';
import { readDocumentText, readDocumentValue } from '../document/documentText.ts';
import { chooseExample, exampleNames, loadExample, requestedExample } from '../document/examples.ts';

export interface StartDocument {
  readonly document: GraphDocument;
  /** Why the app did not open what the URL asked for, if it did not. */
  readonly warning: string | null;
}

/** A document read back from the autosave slot, with the file it belongs to. */
export interface AutosavedDocument {
  readonly document: GraphDocument;
  readonly text: string;
  readonly file: FileReference | null;
  /** The file holds this document: nothing unsaved. */
  readonly saved: boolean;
}

export interface StartState extends StartDocument {
  /** Set when the document is the autosave: the store binds it to its file, unsaved unless saved. */
  readonly restored?: Pick<AutosavedDocument, 'file' | 'saved'>;
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

/** The autosave, or null when there is none or it does not read as a graph. */
export async function readAutosave(platform: Platform): Promise<AutosavedDocument | null> {
  const autosave = await platform.getAutosave().catch(() => null);
  if (autosave === null) return null;
  const result = readDocumentText(autosave.text, 'the autosave');
  return result.ok ? { document: result.document, text: autosave.text, file: autosave.file, saved: autosave.saved } : null;
}

export async function loadStart(search: string, platform: Platform): Promise<StartState> {
  const firstLaunch = await platform.isFirstLaunch().catch(() => false);
  const hasRequest = requestedExample(search) !== null;
  const autosaved = hasRequest ? null : await readAutosave(platform);
  switch (chooseStart(hasRequest, autosaved !== null, firstLaunch)) {
    case 'autosave':
      if (autosaved === null) return { document: newDocument(), warning: null, showStart: true, info: null };
      return {
        document: autosaved.document,
        warning: null,
        showStart: false,
        info: `Restored “${autosaved.document.metadata.name}” from your last session${autosaved.saved ? '' : ', with its unsaved changes'}.`,
        restored: { file: autosaved.file, saved: autosaved.saved },
      };
    case 'start':
      return { document: newDocument(), warning: null, showStart: true, info: null };
    case 'example':
      return { ...(await loadStartDocument(search)), showStart: false, info: null };
  }
}
