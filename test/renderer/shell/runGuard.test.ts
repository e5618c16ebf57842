// Opening another graph while the one on screen trains asks first (the run guard): Cancel keeps
// the graph and its run; agreeing opens the other graph. A file that is not a graph, or a cancelled
// picker, asks nothing. Without a run the commands ask nothing and New is synchronous.
import { describe, expect, it } from 'vitest';
import { createEditorStore } from '../../../renderer/document/editorStore.ts';
import { createFileCommands, type RunGuard } from '../../../renderer/shell/fileCommands.ts';
import { example, exampleText } from '../documents.ts';
import { createFakePlatform } from '../fakePlatform.ts';

function setup(running: boolean, answer: boolean) {
  const store = createEditorStore(example('xo-cnn').document);
  const platform = createFakePlatform();
  const asked: number[] = [];
  const guard: RunGuard = {
    mayLeaveRun() {
      if (!running) return true;
      asked.push(asked.length);
      return Promise.resolve(answer);
    },
  };
  const commands = createFileCommands(store, platform, () => true, guard);
  return { store, platform, commands, asked, name: () => store.getState().document.metadata.name };
}

describe('the run guard of the file commands', () => {
  it('keeps the training graph when the user cancels, for examples, files and New', async () => {
    const { commands, platform, asked, name } = setup(true, false);
    await commands.openExample('lenet5');
    platform.nextOpen = { reference: { name: 'lenet.json', key: 'k' }, text: exampleText('lenet5') };
    await commands.open();
    commands.newDocument();
    await Promise.resolve();
    expect(asked).toHaveLength(3);
    expect(name()).toBe('X vs O CNN');
  });

  it('opens the other graph when the user agrees to stop the run', async () => {
    const { commands, asked, name } = setup(true, true);
    await commands.openExample('lenet5');
    expect(asked).toHaveLength(1);
    expect(name()).toBe('LeNet-5');
    commands.newDocument();
    await Promise.resolve();
    await Promise.resolve();
    expect(name()).toBe('Untitled');
  });

  it('asks nothing for a file that is not a graph, or when no run goes', async () => {
    const running = setup(true, true);
    running.platform.nextOpen = { reference: { name: 'notes.json', key: 'k' }, text: '{"nodes": ' };
    await running.commands.open();
    expect(running.asked).toHaveLength(0);
    expect(running.name()).toBe('X vs O CNN');
    const idle = setup(false, false);
    idle.commands.newDocument();
    expect(idle.name()).toBe('Untitled');
    expect(idle.asked).toHaveLength(0);
  });
});
