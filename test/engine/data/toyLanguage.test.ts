// The toy language: its unigram entropy function is right on texts with known entropy, the set
// is windows of 32 tokens with next-token targets over a 32-symbol vocabulary, and the text has
// structure (knowing the previous character lowers the entropy a lot), so a model can beat the
// unigram entropy.
import { describe, expect, it } from 'vitest';
import { encodeText, generateToyLanguage, toyLanguageText, unigramEntropy } from '../../../engine/data/builtin/toyLanguage.ts';
import { TOY_VOCABULARY } from '../../../engine/data/builtin/toyLanguageGrammar.ts';

describe('unigram entropy', () => {
  it('is right on tiny known texts (nats)', () => {
    expect(unigramEntropy(encodeText('aab', 'ab'))).toBeCloseTo(-((2 / 3) * Math.log(2 / 3) + (1 / 3) * Math.log(1 / 3)), 12);
    expect(unigramEntropy(encodeText('aab', 'ab'))).toBeCloseTo(0.636514168294813, 12);
    expect(unigramEntropy(encodeText('abcdabcd', 'abcd'))).toBeCloseTo(Math.log(4), 12);
    expect(unigramEntropy(encodeText('zzzz', 'z'))).toBe(0);
  });
});

describe('toy language', () => {
  const dataset = generateToyLanguage();
  const inputs = dataset.inputs.values;
  const targets = dataset.targets.kind === 'token' ? dataset.targets.values : new Int32Array(0);

  it('is windows of 32 token ids over a vocabulary of 32 symbols', () => {
    expect(dataset.vocabulary).toEqual([...TOY_VOCABULARY]);
    expect(dataset.vocabulary?.length).toBe(32);
    expect([...TOY_VOCABULARY].sort()).toEqual([...TOY_VOCABULARY]);
    expect(dataset.inputs.kind).toBe('token');
    expect(dataset.inputDims).toEqual([32]);
    expect(dataset.targetDims).toEqual([32]);
    expect(dataset.count).toBe(1000);
  });

  it('has as target at each step the next token of the text', () => {
    for (let example = 0; example < dataset.count; example++) {
      for (let step = 0; step < 31; step++) expect(targets[example * 32 + step]).toBe(inputs[example * 32 + step + 1]);
      if (example + 1 < dataset.count) expect(targets[example * 32 + 31]).toBe(inputs[(example + 1) * 32]);
    }
  });

  it('is sentences of words ending in . ? or !', () => {
    const text = toyLanguageText(1, 5000);
    const sentences = text.split(/(?<=[.?!]) /);
    expect(sentences.length).toBeGreaterThan(100);
    for (const sentence of sentences) expect(sentence).toMatch(/^[a-z]+('[a-z]+)?( [a-z]+)*(, and [a-z ]+)?[.?!]$/);
    expect(toyLanguageText(1, 5000)).toBe(text);
    expect(toyLanguageText(2, 5000)).not.toBe(text);
  });

  it('has real structure: the next character given the previous one is far below the unigram entropy', () => {
    const unigram = unigramEntropy(inputs);
    expect(unigram).toBeGreaterThan(2.5);
    expect(unigram).toBeLessThan(Math.log(32));
    const pairs = new Map<number, number>();
    const previous = new Map<number, number>();
    for (let index = 0; index < inputs.length; index++) {
      const key = inputs[index] * 32 + targets[index];
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
      previous.set(inputs[index], (previous.get(inputs[index]) ?? 0) + 1);
    }
    let conditional = 0;
    for (const [key, count] of pairs) conditional -= (count / inputs.length) * Math.log(count / (previous.get(Math.floor(key / 32)) ?? 1));
    expect(conditional).toBeLessThan(unigram - 1);
  });
});
