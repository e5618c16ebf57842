// The options of the file dialogs main shows, kept apart from Electron so tests read the real ones.
import type { MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { basename } from 'node:path';

/** Graph files first, so the save dialog adds .json where the system does that for a filter. */
export const GRAPH_FILTERS = [
  { name: 'Netloom graph', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export function openDialogOptions(): OpenDialogOptions {
  return { title: 'Open a graph', filters: GRAPH_FILTERS, properties: ['openFile'] };
}

/** The system asks before replacing the chosen file (on Linux only when told to). */
export function saveDialogOptions(defaultPath: string): SaveDialogOptions {
  return { title: 'Save the graph', defaultPath, filters: GRAPH_FILTERS, properties: ['showOverwriteConfirmation', 'createDirectory'] };
}

/** Asked when main adds .json to the chosen name and a file of that name exists: the dialog asked about another file. */
export function replaceDialogOptions(path: string): MessageBoxOptions {
  const name = basename(path);
  return {
    type: 'warning',
    buttons: ['Replace', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Replace the file?',
    message: `${name} already exists. Replace it?`,
    detail: `Graphs are saved with the .json extension, so the graph goes to ${path}, which holds another file. Replace it, or Cancel and choose another name.`,
  };
}

/** The response index of the Replace button. */
export const REPLACE_RESPONSE = 0;
