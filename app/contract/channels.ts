// The IPC contract between Electron's main process, the preload script and the renderer:
// channel names, payloads, and the API the preload exposes as `window.netloom`. Imports nothing.

export const CHANNELS = {
  openFile: 'netloom:file/open',
  saveFile: 'netloom:file/save',
  saveFileAs: 'netloom:file/save-as',
  getAutosave: 'netloom:autosave/get',
  setAutosave: 'netloom:autosave/set',
  listRecent: 'netloom:recent/list',
  openRecent: 'netloom:recent/open',
  /** main -> renderer: a native menu item was chosen. */
  menuCommand: 'netloom:menu/command',
} as const;

export type Channel = (typeof CHANNELS)[keyof typeof CHANNELS];

export const MENU_COMMANDS = ['new', 'open', 'save', 'saveAs', 'undo', 'redo', 'export', 'loadWeights', 'saveWeights', 'learn'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** The largest graph file either side accepts (64 MiB of JSON is far past any hand-drawn graph). */
export const MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;

export interface FileInfo {
  /** An absolute path the user chose in a dialog; main refuses to write any other. */
  readonly path: string;
  readonly name: string;
}

export interface OpenedFile extends FileInfo {
  readonly text: string;
}

export interface SaveFileRequest {
  readonly path: string;
  readonly text: string;
}

export interface SaveFileAsRequest {
  readonly suggestedName: string;
  readonly text: string;
}

export interface OpenRecentRequest {
  /** A path from listRecent; main opens no other. */
  readonly path: string;
}

/** The autosave slot: the document's text, the file it belongs to, and whether that file has it. */
export interface AutosaveRequest {
  readonly text: string;
  /** A file Netloom opened or saved (main keeps no other); null for a graph never saved. */
  readonly file: FileInfo | null;
  /** True when `text` is what `file` holds: the autosave carries no unsaved edits. */
  readonly saved: boolean;
}

/** `window.netloom`: one function per channel. */
export interface NetloomApi {
  readonly version: 1;
  openFile(): Promise<OpenedFile | null>;
  saveFile(request: SaveFileRequest): Promise<FileInfo>;
  saveFileAs(request: SaveFileAsRequest): Promise<FileInfo | null>;
  getAutosave(): Promise<AutosaveRequest | null>;
  setAutosave(request: AutosaveRequest): Promise<void>;
  /** Files opened or saved lately, newest first. */
  listRecent(): Promise<FileInfo[]>;
  /** Reopens a recent file; null when it no longer exists. */
  openRecent(request: OpenRecentRequest): Promise<OpenedFile | null>;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
