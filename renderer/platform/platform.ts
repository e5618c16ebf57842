// One interface for files and autosave. Two implementations: Electron (the preload API,
// electronPlatform.ts) and the browser (File System Access or download, browserPlatform.ts).

/** A file the user opened or saved; `key` means something only to the platform that issued it. */
export interface FileReference {
  readonly name: string;
  readonly key: string;
}

export interface OpenedFile {
  readonly reference: FileReference;
  readonly text: string;
}

/** The autosave slot: the document's text, the file it belongs to, and whether that file has it. */
export interface Autosave {
  readonly text: string;
  /** The file the document was opened from or saved to; null for a graph never saved. */
  readonly file: FileReference | null;
  /** True when the file holds this text: nothing in the autosave is unsaved. */
  readonly saved: boolean;
}

/** What the native menu (Electron) or a shortcut asks the shell to do. */
export type MenuCommand = 'new' | 'open' | 'save' | 'saveAs' | 'undo' | 'redo' | 'export' | 'loadWeights' | 'saveWeights' | 'learn';

/** A file on the recent list; `key` goes back to openRecent. */
export interface RecentFile {
  readonly name: string;
  readonly key: string;
  /** Where it lives, for a tooltip: a path (Electron) or "Saved in this browser". */
  readonly detail: string;
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /** Asks the user for a graph file; null when they cancel. */
  openFile(): Promise<OpenedFile | null>;
  /** Writes to a file opened or saved before; where the platform cannot, it asks like saveFileAs. Null when cancelled. */
  saveFile(reference: FileReference, text: string): Promise<FileReference | null>;
  /**
   * Asks where to save, and under what name (the browser's download too); null when the user
   * cancels. An export (a copy) downloads under the suggested name without asking.
   */
  saveFileAs(suggestedName: string, text: string, purpose?: 'saveAs' | 'export'): Promise<FileReference | null>;
  /** The last autosave, or null. */
  getAutosave(): Promise<Autosave | null>;
  setAutosave(autosave: Autosave): Promise<void>;
  /**
   * Puts a file that opened as a graph on the recent list (Open and Open Recent call it once the
   * text has read as a graph, so a file that failed to open never gets there). Saving adds by itself.
   */
  addRecent(reference: FileReference, text: string): Promise<void>;
  /** Files opened or saved lately, newest first. */
  listRecent(): Promise<RecentFile[]>;
  /** Reopens a recent file; null when it is gone. */
  openRecent(key: string): Promise<OpenedFile | null>;
  /** True on the app's very first start on this machine (it then opens an example); false ever after. */
  isFirstLaunch(): Promise<boolean>;
  /** Commands from a native menu; returns an unsubscribe function. The browser has none. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export const GRAPH_FILE_EXTENSION = '.netloom.json';

/** "X vs O CNN" -> "x-vs-o-cnn.netloom.json" */
export function suggestFileName(documentName: string): string {
  const stem = documentName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem === '' ? 'untitled' : stem}${GRAPH_FILE_EXTENSION}`;
}
