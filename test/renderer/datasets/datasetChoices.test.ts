// The panel's choices: a reference the worker answers for files added again is the same data as the
// graph's, whatever normalization the graph asks for; different data is not.
import { describe, expect, it } from 'vitest';
import { sameReference } from '../../../renderer/datasets/datasetChoices.ts';

describe('sameReference', () => {
  it('ignores the normalization the graph asks for', () => {
    expect(sameReference({ source: 'builtin', name: 'fashion-mnist', normalization: 'none' }, { source: 'builtin', name: 'fashion-mnist' })).toBe(true);
    expect(sameReference({ source: 'file', format: 'csv', path: 'a.csv', normalization: 'standardize' }, { source: 'file', format: 'csv', path: 'a.csv' })).toBe(true);
  });

  it('tells different data apart', () => {
    expect(sameReference({ source: 'builtin', name: 'mnist' }, { source: 'builtin', name: 'fashion-mnist' })).toBe(false);
    expect(sameReference({ source: 'file', format: 'csv', path: 'a.csv', labelColumn: 'y' }, { source: 'file', format: 'csv', path: 'a.csv' })).toBe(false);
    expect(sameReference(undefined, { source: 'builtin', name: 'mnist' })).toBe(false);
  });
});
