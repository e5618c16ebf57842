// A generated toy language, character by character: windows of 32 token ids over a stream of
// grammar sentences separated by spaces (toyLanguageGrammar.ts), vocabulary of 32 symbols;
// the target at each step is the next token. Windows do not overlap.
// unigramEntropy gives the entropy of the token frequencies in nats: the loss of a model that
// ignores context, which a trained sequence model should beat.
import { createDataset, type Dataset } from '../dataset.ts';
import { parseOptions } from '../options.ts';
import { createRandom } from '../random.ts';
import { windowTokens } from '../readers/text.ts';
import { builtinFile, generatorOptions } from './common.ts';
import { TOY_VOCABULARY, sentence } from './toyLanguageGrammar.ts';

export const TOY_WINDOW = 32;

export const ToyLanguageOptionsSchema = generatorOptions(1000, {});

/** At least `length` characters of the toy language from `seed`. */
export function toyLanguageText(seed: number, length: number): string {
  const random = createRandom(seed);
  const sentences: string[] = [];
  let total = 0;
  while (total < length) {
    const next = sentence(random);
    sentences.push(next);
    total += next.length + 1;
  }
  return sentences.join(' ');
}

/** Token ids of a text over a vocabulary string; throws on a character outside it. */
export function encodeText(text: string, vocabulary: string): Int32Array {
  const tokens = new Int32Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const id = vocabulary.indexOf(text[index]);
    if (id < 0) throw new RangeError(`${JSON.stringify(text[index])} is not in the vocabulary`);
    tokens[index] = id;
  }
  return tokens;
}

/** Entropy of the token frequencies, −Σ p ln p, in nats. */
export function unigramEntropy(tokens: ArrayLike<number>): number {
  const counts = new Map<number, number>();
  for (let index = 0; index < tokens.length; index++) counts.set(tokens[index], (counts.get(tokens[index]) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const probability = count / tokens.length;
    entropy -= probability * Math.log(probability);
  }
  return entropy;
}

export function generateToyLanguage(options?: unknown): Dataset {
  const { count, seed } = parseOptions(ToyLanguageOptionsSchema, options, builtinFile('toy-language'));
  const tokens = encodeText(toyLanguageText(seed, count * TOY_WINDOW + 1).slice(0, count * TOY_WINDOW + 1), TOY_VOCABULARY);
  const windows = windowTokens(tokens, TOY_WINDOW, TOY_WINDOW);
  return createDataset({
    name: 'toy-language',
    count: windows.count,
    inputDims: [TOY_WINDOW],
    inputs: { kind: 'token', values: windows.inputs },
    targetDims: [TOY_WINDOW],
    targets: { kind: 'token', values: windows.targets },
    vocabulary: [...TOY_VOCABULARY],
  });
}
