import { describe, expect, it } from 'vitest';
import { moveNodes } from '../../../renderer/editor/documentEdits.ts';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { createFileCommands } from '../../../renderer/shell/fileCommands.ts';
import { example, exampleText } from '../documents.ts';
import { createFakePlatform } from '../fakePlatform.ts';

function setup(answer = true) {
  const store = createEditorStore(example('xo-cnn').document);
  const platform = createFakePlatform();
  const questions: string[] = [];
  const commands = createFileCommands(store, platform, (question) => {
    questions.push(question);
    return answer;
  });
  return { store, platform, commands, questions };
}

function nudge(store: ReturnType<typeof setup>['store']): void {
  store.edit((document) => moveNodes(document, new Map([['relu1', { x: 460, y: 20 }]])), { layoutOnly: true });
}

describe('file commands', () => {
  it('opens a graph file', async () => {
    const { store, platform, commands } = setup();
    platform.nextOpen = { reference: { name: 'lenet.json', key: 'k' }, text: exampleText('lenet5') };
    await commands.open();
    expect(store.getState()).toMatchObject({ file: { name: 'lenet.json' }, dirty: false, notice: { kind: 'info', text: 'Opened lenet.json.' } });
    expect(store.getState().document.metadata.name).toBe('LeNet-5');
  });

  it('says what is wrong with a file that is not a graph, and keeps the current one', async () => {
    const { store, platform, commands } = setup();
    platform.nextOpen = { reference: { name: 'notes.json', key: 'k' }, text: '{"nodes": ' };
    await commands.open();
    expect(store.getState().notice?.kind).toBe('error');
    expect(store.getState().notice?.text).toMatch(/^notes\.json is not valid JSON/);
    platform.nextOpen = { reference: { name: 'other.json', key: 'k' }, text: '{"hello": 1}' };
    await commands.open();
    expect(store.getState().notice?.text).toMatch(/^other\.json is not a Netloom graph: /);
    expect(store.getState().document.metadata.name).toBe('X vs O CNN');
    // Neither failed file goes on the recent list; one that opens does.
    expect(platform.recent).toEqual([]);
    platform.nextOpen = { reference: { name: 'lenet.json', key: 'k3' }, text: exampleText('lenet5') };
    await commands.open();
    expect(platform.recent.map((file) => file.name)).toEqual(['lenet.json']);
  });

  it('saves as a new file first, then to the same file', async () => {
    const { store, platform, commands } = setup();
    nudge(store);
    platform.nextSaveAs = { name: 'mine.netloom.json', key: 'k9' };
    await commands.save();
    expect(platform.calls).toEqual(['saveAs x-vs-o-cnn.netloom.json']);
    expect(store.getState()).toMatchObject({ dirty: false, file: { name: 'mine.netloom.json' } });
    expect(JSON.parse(platform.files.get('mine.netloom.json') ?? '')).toMatchObject({ format: 'netloom.graph', metadata: { name: 'X vs O CNN' } });
    nudge(store);
    await commands.save();
    expect(platform.calls).toEqual(['saveAs x-vs-o-cnn.netloom.json', 'save mine.netloom.json']);
  });

  it('stays dirty when the user cancels Save As', async () => {
    const { store, platform, commands } = setup();
    nudge(store);
    platform.nextSaveAs = null;
    await commands.saveAs();
    expect(store.getState().dirty).toBe(true);
  });

  it('asks before discarding unsaved changes', async () => {
    const keep = setup(false);
    nudge(keep.store);
    keep.commands.newDocument();
    expect(keep.questions).toHaveLength(1);
    expect(keep.store.getState().document.metadata.name).toBe('X vs O CNN');
    const discard = setup(true);
    nudge(discard.store);
    await discard.commands.run('new');
    expect(discard.store.getState().document.metadata.name).toBe('Untitled');
  });

  it('opens a bundled example', async () => {
    const { store, commands, questions } = setup();
    await commands.openExample('dcgan-mnist');
    expect(questions).toEqual([]);
    expect(store.getState().document.groups.map((group) => group.name)).toEqual(['Generator', 'Discriminator']);
    await commands.openExample('missing');
    expect(store.getState().notice?.text).toMatch(/There is no example named "missing"/);
  });

  it('reports a platform failure as a notice', async () => {
    const { store, platform, commands } = setup();
    platform.saveFileAs = () => Promise.reject(new Error('disk full'));
    await commands.saveAs();
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'Could not save the graph: disk full' });
  });

  it('imports a file as a new unsaved graph and exports a copy without rebinding', async () => {
    const { store, platform, commands } = setup();
    platform.nextOpen = { reference: { name: 'lenet.json', key: 'k' }, text: exampleText('lenet5') };
    await commands.importJson();
    expect(store.getState()).toMatchObject({ file: null, dirty: false, notice: { text: 'Imported lenet.json.' } });
    expect(platform.recent).toEqual([]);
    expect(store.getState().document.metadata.name).toBe('LeNet-5');
    nudge(store);
    platform.nextSaveAs = { name: 'copy.netloom.json', key: 'k2' };
    await commands.exportJson();
    expect(store.getState()).toMatchObject({ file: null, dirty: true, notice: { text: 'Exported copy.netloom.json.' } });
    expect(JSON.parse(platform.files.get('copy.netloom.json') ?? '')).toEqual(JSON.parse(JSON.stringify(store.getState().document)));
  });

  it('reopens a recent file, and says so when it is gone', async () => {
    const { store, platform, commands } = setup();
    platform.files.set('mine.json', exampleText('mnist-mlp'));
    await commands.openRecent('mine.json', 'mine.json');
    expect(store.getState()).toMatchObject({ file: { name: 'mine.json' }, dirty: false });
    expect(store.getState().document.metadata.name).toBe('MNIST MLP');
    await commands.openRecent('gone.json', 'gone.json');
    expect(store.getState().notice).toEqual({ kind: 'error', text: 'gone.json is gone (moved or deleted); it was taken off the recent files.' });
  });

  it('runs Undo and Redo from the menu', async () => {
    const { store, commands } = setup();
    const before = store.getState().document;
    nudge(store);
    const after = store.getState().document;
    await commands.run('undo');
    expect(store.getState().document).toEqual(before);
    await commands.run('redo');
    expect(store.getState().document).toEqual(after);
  });
});
