import { describe, expect, it } from 'vitest';
import { readDocumentValue } from '../../../renderer/document/documentText.ts';
import { chooseExample, exampleNames, loadExample, requestedExample } from '../../../renderer/document/examples.ts';
import { chooseStart, loadStart, loadStartDocument } from '../../../renderer/shell/startup.ts';
import { exampleText } from '../documents.ts';
import { createFakePlatform } from '../fakePlatform.ts';

describe('examples', () => {
  it('bundles every example in assets/examples, and each one reads as a graph', async () => {
    const names = exampleNames();
    expect(names).toContain('xo-cnn');
    for (const name of names) expect(readDocumentValue(await loadExample(name)).ok).toBe(true);
  });

  it('opens the X-vs-O CNN by default, another by ?example=, the first there is as a last resort', () => {
    expect(chooseExample(null, ['lenet5', 'xo-cnn'])).toBe('xo-cnn');
    expect(chooseExample('lenet5', ['lenet5', 'xo-cnn'])).toBe('lenet5');
    expect(chooseExample('missing', ['lenet5', 'xo-cnn'])).toBe('xo-cnn');
    expect(chooseExample(null, ['lenet5', 'mnist-mlp'])).toBe('lenet5');
    expect(chooseExample(null, [])).toBeNull();
  });

  it('reads the example from the query string', () => {
    expect(requestedExample('?example=lenet5')).toBe('lenet5');
    expect(requestedExample('?example=lenet5.json&x=1')).toBe('lenet5');
    expect(requestedExample('?example=')).toBeNull();
    expect(requestedExample('')).toBeNull();
  });

  it('starts on the requested example, or says why not', async () => {
    expect((await loadStartDocument('')).document.metadata.name).toBe('X vs O CNN');
    expect((await loadStartDocument('?example=mnist-mlp')).document.metadata.name).toBe('MNIST MLP');
    const missing = await loadStartDocument('?example=nothing');
    expect(missing.document.metadata.name).toBe('X vs O CNN');
    expect(missing.warning).toBe('There is no example "nothing"; opened xo-cnn instead.');
  });

  it('opens the requested example, else the last session, else an example on first launch, else the start page', () => {
    expect(chooseStart(true, true, true)).toBe('example');
    expect(chooseStart(false, true, true)).toBe('autosave');
    expect(chooseStart(false, false, true)).toBe('example');
    expect(chooseStart(false, false, false)).toBe('start');
  });

  it('loads what it chose', async () => {
    const platform = createFakePlatform();
    expect(await loadStart('', platform)).toMatchObject({ showStart: true, document: { metadata: { name: 'Untitled' } } });
    platform.firstLaunch = true;
    expect(await loadStart('', platform)).toMatchObject({ showStart: false, document: { metadata: { name: 'X vs O CNN' } } });
    platform.autosaved = exampleText('lenet5');
    expect(await loadStart('', platform)).toMatchObject({
      showStart: false,
      info: 'Restored “LeNet-5” from your last session, with its unsaved changes.',
      restored: { file: null, saved: false },
    });
    const file = { name: 'lenet.netloom.json', key: '/home/ada/lenet.netloom.json' };
    platform.autosaveState = { file, saved: true };
    expect(await loadStart('', platform)).toMatchObject({ info: 'Restored “LeNet-5” from your last session.', restored: { file, saved: true } });
    expect((await loadStart('?example=mnist-mlp', platform)).document.metadata.name).toBe('MNIST MLP');
    platform.autosaved = '{ broken';
    platform.firstLaunch = false;
    expect((await loadStart('', platform)).showStart).toBe(true);
  });
});
