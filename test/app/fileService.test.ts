import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAutosaveFile } from '../../app/main/autosaveFile.ts';
import { openDialogOptions, REPLACE_RESPONSE, replaceDialogOptions, saveDialogOptions } from '../../app/main/dialogOptions.ts';
import { createFileService, saveAsTarget, type FileDialogs } from '../../app/main/fileService.ts';
import { createRecentFiles, MAX_RECENT_FILES, pushRecent } from '../../app/main/recentFiles.ts';

describe('file service', () => {
  let folder = '';
  let answers: { open: string | null; save: string | null; saveDefault: string | null; replace: boolean; replaceAsked: string[] };
  const dialogs: FileDialogs = {
    chooseFileToOpen: async () => answers.open,
    async chooseFileToSave(defaultPath) {
      answers.saveDefault = defaultPath;
      return answers.save;
    },
    async confirmReplace(path) {
      answers.replaceAsked.push(path);
      return answers.replace;
    },
  };

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'netloom-files-'));
    answers = { open: null, save: null, saveDefault: null, replace: false, replaceAsked: [] };
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it('opens the chosen file, then may save back to it', async () => {
    const path = join(folder, 'xo.json');
    await writeFile(path, '{"a":1}');
    const service = createFileService(dialogs, folder);
    answers.open = path;
    expect(await service.open()).toEqual({ path, name: 'xo.json', text: '{"a":1}' });
    expect(await service.save({ path, text: '{"a":2}' })).toEqual({ path, name: 'xo.json' });
    expect(await readFile(path, 'utf8')).toBe('{"a":2}');
    expect(await readdir(folder)).toEqual(['xo.json']);
  });

  it('refuses to save to a path the user never chose', async () => {
    const service = createFileService(dialogs, folder);
    await expect(service.save({ path: join(folder, 'other.json'), text: '{}' })).rejects.toThrow(/only save to a file chosen in its Open or Save dialog/);
    expect(await readdir(folder)).toEqual([]);
  });

  it('grants again the file an autosave belonged to, so Save writes there after a restart', async () => {
    const path = join(folder, 'xo.json');
    const service = createFileService(dialogs, folder);
    expect(service.isGranted(path)).toBe(false);
    service.regrant(path);
    expect(service.isGranted(join(folder, '.', 'xo.json'))).toBe(true);
    expect(await service.save({ path, text: '{"b":1}' })).toEqual({ path, name: 'xo.json' });
    expect(await readFile(path, 'utf8')).toBe('{"b":1}');
  });

  it('saves as where the user says, starting in the documents folder, adding .json if missing', async () => {
    const service = createFileService(dialogs, folder);
    answers.save = join(folder, 'mine');
    const saved = await service.saveAs({ suggestedName: 'x-vs-o-cnn.netloom.json', text: '{}' });
    expect(answers.saveDefault).toBe(join(folder, 'x-vs-o-cnn.netloom.json'));
    expect(saved).toEqual({ path: join(folder, 'mine.json'), name: 'mine.json' });
    await service.save({ path: join(folder, 'mine.json'), text: '{"b":1}' });
    expect(await readFile(join(folder, 'mine.json'), 'utf8')).toBe('{"b":1}');
    answers.save = null;
    expect(await service.saveAs({ suggestedName: 'x.json', text: '{}' })).toBeNull();
    expect(await service.open()).toBeNull();
    expect(answers.replaceAsked).toEqual([]);
  });

  it('asks before replacing a file the dialog did not ask about, when it adds .json to the name', async () => {
    const service = createFileService(dialogs, folder);
    const existing = join(folder, 'mine.json');
    await writeFile(existing, '{"keep":true}');
    answers.save = join(folder, 'mine');
    answers.replace = false;
    expect(await service.saveAs({ suggestedName: 'x.json', text: '{"new":1}' })).toBeNull();
    expect(answers.replaceAsked).toEqual([existing]);
    expect(await readFile(existing, 'utf8')).toBe('{"keep":true}');
    expect(service.isGranted(existing)).toBe(false);
    answers.replace = true;
    expect(await service.saveAs({ suggestedName: 'x.json', text: '{"new":2}' })).toEqual({ path: existing, name: 'mine.json' });
    expect(await readFile(existing, 'utf8')).toBe('{"new":2}');
    // The dialog itself asked about a name that has its extension: no second question.
    answers.save = existing;
    await service.saveAs({ suggestedName: 'x.json', text: '{"new":3}' });
    expect(answers.replaceAsked).toHaveLength(2);
    expect(await readFile(existing, 'utf8')).toBe('{"new":3}');
  });

  it('adds .json only to a name without an extension, and then says the dialog did not ask', () => {
    expect(saveAsTarget('/home/ada/mine')).toEqual({ path: '/home/ada/mine.json', asked: false });
    expect(saveAsTarget('/home/ada/mine.json')).toEqual({ path: '/home/ada/mine.json', asked: true });
    expect(saveAsTarget('/home/ada/mine.JSON')).toEqual({ path: '/home/ada/mine.JSON', asked: true });
    expect(saveAsTarget('/home/ada/model.netloom')).toEqual({ path: '/home/ada/model.netloom', asked: true });
    expect(saveAsTarget('/home/ada/v1.2/mine')).toEqual({ path: '/home/ada/v1.2/mine.json', asked: false });
  });

  it('shows save dialogs that filter graph files and confirm overwriting on every system', () => {
    const save = saveDialogOptions('/home/ada/x.netloom.json');
    expect(save.defaultPath).toBe('/home/ada/x.netloom.json');
    expect(save.filters?.[0]).toEqual({ name: 'Netloom graph', extensions: ['json'] });
    expect(save.properties).toContain('showOverwriteConfirmation');
    expect(openDialogOptions().properties).toEqual(['openFile']);
    const replace = replaceDialogOptions('/home/ada/mine.json');
    expect(replace.buttons?.[REPLACE_RESPONSE]).toBe('Replace');
    expect(replace.cancelId).not.toBe(REPLACE_RESPONSE);
    expect(replace.defaultId).toBe(replace.cancelId);
    expect(replace.message).toBe('mine.json already exists. Replace it?');
  });

  it('keeps one autosave file in the user-data folder', async () => {
    const autosave = createAutosaveFile(folder);
    expect(await autosave.read()).toBeNull();
    await autosave.write({ text: '{"format":"netloom.graph"}', file: null, saved: false });
    await autosave.write({ text: '{"format":"netloom.graph","version":1}', file: null, saved: false });
    expect(await autosave.read()).toEqual({ text: '{"format":"netloom.graph","version":1}', file: null, saved: false });
    expect(await readdir(folder)).toEqual(['autosave.netloom.json']);
    // The file it belongs to, and whether it was saved there, sit beside it.
    const file = { path: join(folder, 'xo.netloom.json'), name: 'xo.netloom.json' };
    await autosave.write({ text: '{"format":"netloom.graph","version":2}', file, saved: true });
    expect(await autosave.read()).toEqual({ text: '{"format":"netloom.graph","version":2}', file, saved: true });
    expect((await readdir(folder)).sort()).toEqual(['autosave.netloom.json', 'autosave.state.json']);
    await writeFile(join(folder, 'autosave.state.json'), '{ damaged');
    expect(await autosave.read()).toEqual({ text: '{"format":"netloom.graph","version":2}', file: null, saved: false });
    await autosave.write({ text: '{}', file: null, saved: false });
    expect(await readdir(folder)).toEqual(['autosave.netloom.json']);
  });

  const graphText = () => readFile(join(import.meta.dirname, '../../assets/examples/xo-cnn.json'), 'utf8');

  it('lists files opened and saved, newest first, and reopens only those', async () => {
    const data = join(folder, 'data');
    const recent = createRecentFiles(folder);
    const service = createFileService(dialogs, folder, recent);
    const first = join(folder, 'a.json');
    const text = await graphText();
    await writeFile(first, text);
    answers.open = first;
    await service.open();
    answers.save = join(folder, 'b.json');
    await service.saveAs({ suggestedName: 'b.json', text: '{"b":1}' });
    expect(await recent.list()).toEqual([
      { path: join(folder, 'b.json'), name: 'b.json' },
      { path: first, name: 'a.json' },
    ]);
    // A fresh list reads the same from disk.
    expect((await createRecentFiles(folder).list()).map((file) => file.name)).toEqual(['b.json', 'a.json']);
    expect(await service.openRecent(first)).toEqual({ path: first, name: 'a.json', text });
    expect((await recent.list())[0]?.name).toBe('a.json');
    await expect(service.openRecent(join(data, 'secret.json'))).rejects.toThrow(/not on the recent files list/);
    await rm(first);
    expect(await service.openRecent(first)).toBeNull();
    expect((await recent.list()).map((file) => file.name)).toEqual(['b.json']);
  });

  it('keeps a file that will not open as a graph off the recent list', async () => {
    const recent = createRecentFiles(folder);
    const service = createFileService(dialogs, folder, recent);
    for (const [name, text] of [['notes.json', '{"a":1}'], ['broken.json', '{"format": "netloom.graph",'], ['graph.json', await graphText()]]) {
      answers.open = join(folder, name);
      await writeFile(answers.open, text);
      expect((await service.open())?.text).toBe(text);
    }
    expect((await recent.list()).map((file) => file.name)).toEqual(['graph.json']);
  });

  it('keeps the recent list short and free of duplicates', () => {
    expect(pushRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    const many = Array.from({ length: MAX_RECENT_FILES }, (_, index) => `/f${index}`);
    expect(pushRecent(many, '/new')).toHaveLength(MAX_RECENT_FILES);
    expect(pushRecent(many, '/new')[0]).toBe('/new');
  });
});
