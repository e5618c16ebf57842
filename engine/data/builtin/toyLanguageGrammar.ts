// The toy language's grammar: short lower-case English-like sentences from fixed word lists,
// picked with seeded, skewed (Zipf-like) weights, so characters, words and sentence frames all
// carry structure a sequence model can learn. Every character is in TOY_VOCABULARY.
import type { Random } from '../random.ts';

/** 32 symbols, sorted by code point: space ! ' , . ? and a–z. Token id = index. */
export const TOY_VOCABULARY = " !',.?abcdefghijklmnopqrstuvwxyz";

const NOUNS = ['cat', 'dog', 'bird', 'fox', 'child', 'king', 'queen', 'robot', 'river', 'tree'];
const NAMES = ['ada', 'tom', 'mia', 'leo'];
const ADJECTIVES = ['big', 'small', 'red', 'quiet', 'happy', 'old'];
const DETERMINERS = ['the', 'a', 'my', 'every'];
const TRANSITIVE = [['sees', 'see'], ['likes', 'like'], ['finds', 'find'], ['chases', 'chase'], ['helps', 'help']];
const INTRANSITIVE = [['sleeps', 'sleep'], ['runs', 'run'], ['sings', 'sing'], ['waits', 'wait']];
const ADVERBS = ['quickly', 'slowly', 'today', 'again'];

/** Picks an item, the first ones more often (weight 1/(rank+1)). */
function pick<T>(items: readonly T[], random: Random): T {
  const total = items.reduce((sum, _, rank) => sum + 1 / (rank + 1), 0);
  let left = random.next() * total;
  for (let rank = 0; rank < items.length; rank++) {
    left -= 1 / (rank + 1);
    if (left < 0) return items[rank];
  }
  return items[items.length - 1];
}

function nounPhrase(random: Random): string {
  if (random.next() < 0.2) return pick(NAMES, random);
  const adjective = random.next() < 0.3 ? `${pick(ADJECTIVES, random)} ` : '';
  return `${pick(DETERMINERS, random)} ${adjective}${pick(NOUNS, random)}`;
}

function verbPhrase(random: Random, form: 0 | 1): string {
  if (random.next() < 0.6) return `${pick(TRANSITIVE, random)[form]} ${nounPhrase(random)}`;
  const adverb = random.next() < 0.4 ? ` ${pick(ADVERBS, random)}` : '';
  return `${pick(INTRANSITIVE, random)[form]}${adverb}`;
}

function statement(random: Random): string {
  const first = `${nounPhrase(random)} ${verbPhrase(random, 0)}`;
  return random.next() < 0.2 ? `${first}, and ${nounPhrase(random)} ${verbPhrase(random, 0)}.` : `${first}.`;
}

function question(random: Random): string {
  if (random.next() < 0.5) return `does ${nounPhrase(random)} ${verbPhrase(random, 1)}?`;
  return `is ${nounPhrase(random)} ${pick(ADJECTIVES, random)}?`;
}

function exclamation(random: Random): string {
  return random.next() < 0.5 ? `what a ${pick(ADJECTIVES, random)} ${pick(NOUNS, random)}!` : `it's ${pick(ADJECTIVES, random)}!`;
}

/** One sentence, with its final punctuation. */
export function sentence(random: Random): string {
  const kind = random.next();
  if (kind < 0.7) return statement(random);
  return kind < 0.9 ? question(random) : exclamation(random);
}
