// New, Open, Open Recent, Save, Save As, Import, Export and Open Example: the file commands over a
// Platform and the store. Open and Save bind the document to a file; Import and Export do not.
import { autoLayout, needsLayout } from '../editor/autoLayout.ts';
import { moveNodes, newDocument } from '../editor/documentEdits.ts';
import { suggestFileName, type MenuCommand, type OpenedFile, type Platform } from '../platform/platform.ts';
import { readDocumentText, readDocumentValue, writeDocumentText } from '../document/documentText.ts';
import type { EditorStore } from '../document/editorStore.ts';
import { loadExample } from '../document/examples.ts';

export interface FileCommands {
  newDocument(): void;
  open(): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
  openRecent(key: string, name: string): Promise<void>;
  /** Reads a graph file as a new, unsaved document (Save then asks where). */
  importJson(): Promise<void>;
  /** Writes a copy of the document; the file it is bound to and the unsaved mark stay as they are. */
  exportJson(): Promise<void>;
  openExample(name: string): Promise<void>;
  run(command: MenuCommand): Promise<void>;
}

/** Asks, when the graph on screen has a run going, whether to stop it for another graph. */
export interface RunGuard {
  /** True when no run goes (or the user agreed and it was stopped); a promise when the user is asked. */
  mayLeaveRun(): boolean | Promise<boolean>;
}

const NO_RUN: RunGuard = { mayLeaveRun: () => true };

const DISCARD_QUESTION = 'The graph has unsaved changes. Discard them?';

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/** What every command works with: the store, the platform, the discard question and error reporting. */
interface CommandContext {
  readonly store: EditorStore;
  readonly platform: Platform;
  /** True when there are no unsaved changes, or the user agrees to discard them. */
  mayDiscard(): boolean;
  /** Asked right before another graph replaces the one on screen (RunGuard). */
  mayLeaveRun(): boolean | Promise<boolean>;
  /** Runs `work`; a failure becomes an error notice "Could not <action>: <why>". */
  attempt(action: string, work: () => Promise<void>): Promise<void>;
}

function commandContext(store: EditorStore, platform: Platform, confirm: (question: string) => boolean, guard: RunGuard): CommandContext {
  return {
    store,
    platform,
    mayDiscard: () => !store.getState().dirty || confirm(DISCARD_QUESTION),
    mayLeaveRun: () => guard.mayLeaveRun(),
    async attempt(action, work) {
      try {
        await work();
      } catch (cause) {
        store.notify({ kind: 'error', text: `Could not ${action}: ${describe(cause)}` });
      }
    },
  };
}

/** Loads a file's text; `bind` ties the document to the file (Open, which puts it on the recent list) or not (Import). */
async function loadFile({ store, platform, mayLeaveRun }: CommandContext, file: OpenedFile, bind: boolean, verb: string): Promise<void> {
  const result = readDocumentText(file.text, file.reference.name);
  if (!result.ok) {
    store.notify({ kind: 'error', text: result.message });
    return;
  }
  if (!(await mayLeaveRun())) return;
  if (bind) await platform.addRecent(file.reference, file.text).catch(() => undefined);
  // Layers piled on one another (a graph written by hand or a script) get laid out.
  const arranged = needsLayout(result.document);
  const document = arranged ? moveNodes(result.document, await autoLayout(result.document)) : result.document;
  store.load(document, bind ? file.reference : null, result.analysis);
  store.notify({ kind: 'info', text: `${verb} ${file.reference.name}${arranged ? '; its overlapping layers were laid out' : ''}.` });
}

/** New, Open, Open Recent, Import and Open Example: each first asks before discarding unsaved changes. */
function openCommands(context: CommandContext): Pick<FileCommands, 'newDocument' | 'open' | 'openRecent' | 'importJson' | 'openExample'> {
  const { store, platform, mayDiscard, mayLeaveRun, attempt } = context;
  const startNew = () => {
    store.load(newDocument(), null);
    store.notify({ kind: 'info', text: 'New graph: drag layers from the palette onto the canvas.' });
  };
  return {
    newDocument() {
      if (!mayDiscard()) return;
      // Synchronous when no run goes: the new graph is there when the call returns.
      const leave = mayLeaveRun();
      if (leave === true) startNew();
      else if (leave !== false) void leave.then((agreed) => agreed && startNew());
    },
    async open() {
      if (!mayDiscard()) return;
      await attempt('open the file', async () => {
        const file = await platform.openFile();
        if (file !== null) await loadFile(context, file, true, 'Opened');
      });
    },
    async openRecent(key, name) {
      if (!mayDiscard()) return;
      await attempt(`open ${name}`, async () => {
        const file = await platform.openRecent(key);
        if (file === null) store.notify({ kind: 'error', text: `${name} is gone (moved or deleted); it was taken off the recent files.` });
        else await loadFile(context, file, true, 'Opened');
      });
    },
    async importJson() {
      if (!mayDiscard()) return;
      await attempt('import the file', async () => {
        const file = await platform.openFile();
        if (file !== null) await loadFile(context, file, false, 'Imported');
      });
    },
    async openExample(name) {
      if (!mayDiscard()) return;
      await attempt(`open the example "${name}"`, async () => {
        const result = readDocumentValue(await loadExample(name), `${name}.json`);
        if (!result.ok) throw new Error(result.message);
        if (!(await mayLeaveRun())) return;
        store.load(result.document, null, result.analysis);
      });
    },
  };
}

/** Save, Save As and Export. */
function saveCommands({ store, platform, attempt }: CommandContext): Pick<FileCommands, 'save' | 'saveAs' | 'exportJson'> {
  async function saveAs(): Promise<void> {
    await attempt('save the graph', async () => {
      const { document } = store.getState();
      const file = await platform.saveFileAs(suggestFileName(document.metadata.name), writeDocumentText(document));
      if (file === null) return;
      store.markSaved(file);
      store.notify({ kind: 'info', text: `Saved ${file.name}.` });
    });
  }
  return {
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
    async exportJson() {
      await attempt('export the graph', async () => {
        const { document } = store.getState();
        const file = await platform.saveFileAs(suggestFileName(document.metadata.name), writeDocumentText(document), 'export');
        if (file !== null) store.notify({ kind: 'info', text: `Exported ${file.name}.` });
      });
    },
  };
}

/** A menu (or shortcut) command: the file commands, undo and redo. */
function runMenuCommand(commands: FileCommands, store: EditorStore, command: MenuCommand): Promise<void> {
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
    case 'undo':
      store.undo();
      return Promise.resolve();
    case 'redo':
      store.redo();
      return Promise.resolve();
    case 'export':
    case 'loadWeights':
    case 'saveWeights':
      // The model menu (ModelMenu.tsx) answers these: they need the engine.
      return Promise.resolve();
    case 'learn':
      // The Learn panel answers it (requestLearnPanel, sent by useAppEffects).
      return Promise.resolve();
  }
}

/** `confirm` asks the user a yes/no question (window.confirm in the app); `guard` asks before a run on screen is left. */
export function createFileCommands(store: EditorStore, platform: Platform, confirm: (question: string) => boolean, guard: RunGuard = NO_RUN): FileCommands {
  const context = commandContext(store, platform, confirm, guard);
  const commands: FileCommands = { ...openCommands(context), ...saveCommands(context), run: (command) => runMenuCommand(commands, store, command) };
  return commands;
}
