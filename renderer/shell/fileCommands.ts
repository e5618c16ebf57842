// New, Open, Save, Save As and Open Example: the menu's commands over a Platform and the store.
import { autoLayout, needsLayout } from '../editor/autoLayout.ts';
import { moveNodes, newDocument } from '../editor/documentEdits.ts';
import { suggestFileName, type MenuCommand, type Platform } from '../platform/platform.ts';
import { readDocumentText, readDocumentValue, writeDocumentText } from './documentText.ts';
import type { EditorStore } from './editorStore.ts';
import { loadExample } from './examples.ts';

export interface FileCommands {
  newDocument(): void;
  open(): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
  openExample(name: string): Promise<void>;
  run(command: MenuCommand): Promise<void>;
}

const DISCARD_QUESTION = 'The graph has unsaved changes. Discard them?';

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** `confirm` asks the user a yes/no question (window.confirm in the app). */
export function createFileCommands(store: EditorStore, platform: Platform, confirm: (question: string) => boolean): FileCommands {
  const mayDiscard = () => !store.getState().dirty || confirm(DISCARD_QUESTION);
  async function attempt(action: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (cause) {
      store.notify({ kind: 'error', text: `Could not ${action}: ${describe(cause)}` });
    }
  }
  async function saveAs(): Promise<void> {
    await attempt('save the graph', async () => {
      const { document } = store.getState();
      const file = await platform.saveFileAs(suggestFileName(document.metadata.name), writeDocumentText(document));
      if (file === null) return;
      store.markSaved(file);
      store.notify({ kind: 'info', text: `Saved ${file.name}.` });
    });
  }
  const commands: FileCommands = {
    newDocument() {
      if (!mayDiscard()) return;
      store.load(newDocument(), null);
      store.notify({ kind: 'info', text: 'New graph: drag layers from the palette onto the canvas.' });
    },
    async open() {
      if (!mayDiscard()) return;
      await attempt('open the file', async () => {
        const file = await platform.openFile();
        if (file === null) return;
        const result = readDocumentText(file.text, file.reference.name);
        if (!result.ok) {
          store.notify({ kind: 'error', text: result.message });
          return;
        }
        // Layers piled on one another (a graph written by hand or a script) get laid out.
        const arranged = needsLayout(result.document);
        const document = arranged ? moveNodes(result.document, await autoLayout(result.document)) : result.document;
        store.load(document, file.reference, result.analysis);
        store.notify({ kind: 'info', text: `Opened ${file.reference.name}${arranged ? '; its overlapping layers were laid out' : ''}.` });
      });
    },
    async save() {
      const { file, document } = store.getState();
      if (file === null) return saveAs();
      await attempt('save the graph', async () => {
        const saved = await platform.saveFile(file, writeDocumentText(document));
        if (saved === null) return;
        store.markSaved(saved);
        store.notify({ kind: 'info', text: `Saved ${saved.name}.` });
      });
    },
    saveAs,
    async openExample(name) {
      if (!mayDiscard()) return;
      await attempt(`open the example "${name}"`, async () => {
        const result = readDocumentValue(await loadExample(name), `${name}.json`);
        if (!result.ok) throw new Error(result.message);
        store.load(result.document, null, result.analysis);
      });
    },
    run(command) {
      switch (command) {
        case 'new':
          commands.newDocument();
          return Promise.resolve();
        case 'open':
          return commands.open();
        case 'save':
          return commands.save();
        case 'saveAs':
          return commands.saveAs();
      }
    },
  };
  return commands;
}
