// The datasets Netloom ships or generates, as the graph document names them. Their readers live
// in engine/data; this table is what validation needs: the shape of one example and the classes.
import type { Task } from './document.ts';

export interface BuiltinDataset {
  readonly name: string;
  readonly title: string;
  /** One example's input dims (without the batch); tokens are integer ids. */
  readonly inputDims: readonly number[];
  /** Classes for classification, or the vocabulary of a token set. */
  readonly classes?: number;
  readonly tasks: readonly Task[];
  /** The inputs are token ids (never normalized). */
  readonly tokens?: boolean;
}

export const builtinDatasets: readonly BuiltinDataset[] = [
  { name: 'xo', title: 'Generated X and O images, 9×9, shifted and noisy', inputDims: [9, 9, 1], classes: 2, tasks: ['classify', 'autoencode'] },
  { name: 'mnist', title: 'MNIST handwritten digits (10,000 bundled)', inputDims: [28, 28, 1], classes: 10, tasks: ['classify', 'autoencode', 'gan'] },
  { name: 'fashion-mnist', title: 'Fashion-MNIST clothing images', inputDims: [28, 28, 1], classes: 10, tasks: ['classify', 'autoencode', 'gan'] },
  { name: 'moons', title: 'Two interleaving half circles (2-D points)', inputDims: [2], classes: 2, tasks: ['classify'] },
  { name: 'spirals', title: 'Two interleaved spirals (2-D points)', inputDims: [2], classes: 2, tasks: ['classify'] },
  { name: 'gaussian-ring', title: 'A ring of 8 Gaussians (2-D points)', inputDims: [2], tasks: ['gan'] },
  { name: 'xor', title: 'The four XOR points', inputDims: [2], classes: 2, tasks: ['classify', 'regress'] },
  { name: 'sine', title: 'Windows of a noisy sine wave; predict the next value', inputDims: [20, 1], tasks: ['sequence', 'regress'] },
  { name: 'waveforms', title: 'Sine, square and sawtooth sequences to tell apart', inputDims: [20, 1], classes: 3, tasks: ['classify'] },
  { name: 'toy-language', title: 'A generated toy language, character by character', inputDims: [32], classes: 32, tasks: ['sequence'], tokens: true },
];

export function findBuiltinDataset(name: string): BuiltinDataset | undefined {
  return builtinDatasets.find((dataset) => dataset.name === name);
}
