import { describe, expect, it } from 'vitest';
import { readDocumentValue } from '../../renderer/shell/documentText.ts';
import { chooseExample, exampleNames, loadExample, requestedExample } from '../../renderer/shell/examples.ts';
import { loadStartDocument } from '../../renderer/shell/startup.ts';

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
});
