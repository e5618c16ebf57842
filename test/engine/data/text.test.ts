// The text reader: a character vocabulary sorted by code point, windows with next-character
// targets, strides, line endings, characters split across chunks, and clear errors.
import { afterAll, describe, expect, it } from 'vitest';
import { readTextDataset, tokenizeCharacters, windowTokens } from '../../../engine/data/readers/text.ts';
import { createTempFolder, expectDataError, withChunkSize } from './fixtures.ts';

const folder = createTempFolder('text');
afterAll(() => folder.remove());

const decode = (ids: ArrayLike<number>, vocabulary: readonly string[]) => Array.from(ids, (id) => vocabulary[id]).join('');

describe('text reader', () => {
  it('builds a sorted vocabulary and maps characters to ids', () => {
    const { tokens, vocabulary } = tokenizeCharacters('hello, world');
    expect(vocabulary).toEqual([' ', ',', 'd', 'e', 'h', 'l', 'o', 'r', 'w']);
    expect(decode(tokens, vocabulary)).toBe('hello, world');
  });

  it('cuts windows whose targets are the next character at each step', async () => {
    folder.write('poem.txt', 'abcdefghij');
    const dataset = await readTextDataset(folder.files, 'poem.txt', { options: { window: 3 } });
    const vocabulary = dataset.vocabulary ?? [];
    expect(dataset.count).toBe(3);
    expect(dataset.inputDims).toEqual([3]);
    expect(dataset.targetDims).toEqual([3]);
    const windows = [0, 1, 2].map((example) => decode(dataset.inputs.values.subarray(example * 3, example * 3 + 3), vocabulary));
    expect(windows).toEqual(['abc', 'def', 'ghi']);
    expect(dataset.targets.kind === 'token' && decode(dataset.targets.values, vocabulary)).toBe('bcdefghij');
  });

  it('overlaps windows with a smaller stride', () => {
    const windows = windowTokens(Int32Array.from([0, 1, 2, 3, 4, 5]), 3, 1);
    expect(windows.count).toBe(3);
    expect(Array.from(windows.inputs)).toEqual([0, 1, 2, 1, 2, 3, 2, 3, 4]);
    expect(Array.from(windows.targets)).toEqual([1, 2, 3, 2, 3, 4, 3, 4, 5]);
  });

  it('drops \\r and keeps multi-byte characters whole across 1-byte chunks', async () => {
    folder.write('unicode.txt', 'née\r\nnaïve 🙂\r\n');
    const dataset = await readTextDataset(withChunkSize(folder.files, 1), 'unicode.txt', { options: { window: 11 } });
    expect(dataset.vocabulary).toEqual(['\n', ' ', 'a', 'e', 'n', 'v', 'é', 'ï', '🙂']);
    expect(decode(dataset.inputs.values, dataset.vocabulary ?? [])).toBe('née\nnaïve 🙂');
  });

  it('errors: too short, not UTF-8, bad window', async () => {
    folder.write('short.txt', 'tiny');
    await expectDataError(readTextDataset(folder.files, 'short.txt'), { file: 'short.txt' }, 'short.txt: 4 characters are too few for one window of 32 (plus one for the target); use a longer text or a smaller window');
    folder.write('binary.txt', new Uint8Array([0x61, 0xff, 0xfe, 0x62]));
    await expectDataError(readTextDataset(folder.files, 'binary.txt'), { file: 'binary.txt' }, /not valid UTF-8 text/);
    await expectDataError(readTextDataset(folder.files, 'short.txt', { options: { window: 0 } }), { field: 'options.window' }, /short\.txt, field "options\.window"/);
  });
});
