import { expectFloat } from './common.ts';
import { lossHead } from './loss.ts';

export const BCE = lossHead(
  'BCE',
  'Binary cross-entropy on logits: yes/no targets, or pixels in [0, 1].',
  'Binary cross-entropy scores each output as the probability of a 1: −[y·log σ(x) + (1 − y)·log(1 − σ(x))]. It takes raw scores (logits) and applies the sigmoid itself, which is numerically stable. GAN discriminators and reconstructions of [0, 1] images use it.',
  (input) => expectFloat('BCE', input),
);
