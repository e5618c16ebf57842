// The dataset panel's logic in plain TS: which built-in sets fit the graph's task, how a dataset
// reference is named to a user, and the document edits the panel makes (each one undoable edit).
import { builtinDatasets, findBuiltinDataset, type BuiltinDataset } from '../../engine/graph/datasets.ts';
import type { DatasetReference, GraphDocument, Normalization, Task } from '../../engine/graph/document.ts';

/** The built-in sets a graph of this task can train on. */
export function builtinChoices(task: Task): readonly BuiltinDataset[] {
  return builtinDatasets.filter((dataset) => dataset.tasks.includes(task));
}

const SHORT_NAMES: Readonly<Record<string, string>> = {
  xo: 'X vs O',
  mnist: 'MNIST digits',
  'fashion-mnist': 'Fashion-MNIST',
  moons: 'Moons',
  spirals: 'Spirals',
  'gaussian-ring': 'Ring of Gaussians',
  xor: 'XOR',
  sine: 'Sine wave',
  waveforms: 'Waveforms',
  'toy-language': 'Toy language',
};

export function builtinName(name: string): string {
  return SHORT_NAMES[name] ?? findBuiltinDataset(name)?.title ?? name;
}

/** What the top bar and the panel call the graph's dataset. */
export function datasetName(reference: DatasetReference | undefined): string {
  if (reference === undefined) return 'Choose a dataset';
  if (reference.source === 'builtin') return builtinName(reference.name);
  const parts = reference.path.split('/');
  return parts.at(-1) === '' ? reference.path : (parts.at(-1) ?? reference.path);
}

/** The same data, whatever normalization each asks for (files added again answer without one). */
export function sameReference(a: DatasetReference | undefined, b: DatasetReference | undefined): boolean {
  return JSON.stringify(dataOnly(a)) === JSON.stringify(dataOnly(b));
}

function dataOnly(reference: DatasetReference | undefined): Omit<DatasetReference, 'normalization'> | undefined {
  if (reference === undefined) return undefined;
  const { normalization: _normalization, ...data } = reference;
  return data;
}

export function withDataset(document: GraphDocument, dataset: DatasetReference): GraphDocument {
  return { ...document, dataset };
}

/** The CSV's label column (undefined: no label, every column an input). */
export function withLabelColumn(document: GraphDocument, labelColumn: string | undefined): GraphDocument {
  const dataset = document.dataset;
  if (dataset === undefined || dataset.source !== 'file') return document;
  const { labelColumn: _dropped, ...rest } = dataset;
  return { ...document, dataset: labelColumn === undefined ? rest : { ...rest, labelColumn } };
}

export const NORMALIZATION_CHOICES: readonly { readonly value: Normalization; readonly label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'scale01', label: 'Scale to 0–1' },
  { value: 'standardize', label: 'Standardize (mean 0, sd 1)' },
];

/**
 * Whether the panel offers a normalization: not for token ids (text, the toy language), which are
 * symbols and not numbers, and not for a GAN, which scales its data to the generator's range itself.
 */
export function offersNormalization(document: GraphDocument, inputKind: 'float' | 'byte' | 'token' | null): boolean {
  const dataset = document.dataset;
  if (dataset === undefined || document.training.task === 'gan' || inputKind === 'token') return false;
  if (dataset.source === 'builtin') return findBuiltinDataset(dataset.name)?.tokens !== true;
  return dataset.format !== 'text';
}

export function withNormalization(document: GraphDocument, normalization: Normalization): GraphDocument {
  const dataset = document.dataset;
  return dataset === undefined ? document : { ...document, dataset: { ...dataset, normalization } };
}

/** The part of a reference its preview depends on: the preview shows the data as it is, so the normalization is left out. */
export function previewKey(reference: DatasetReference | undefined): string {
  if (reference === undefined) return 'null';
  const { normalization: _shownRaw, ...rest } = reference;
  return JSON.stringify(rest);
}

export const VALIDATION_SPLIT_MAX = 0.9;

/** A validation split typed in the panel (a fraction 0..0.9, or a percentage 0..90), or null when it is not one. */
export function parseValidationSplit(text: string): number | null {
  const trimmed = text.trim().replace(/%$/, '');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  const fraction = text.trim().endsWith('%') || value > 1 ? value / 100 : value;
  return fraction >= 0 && fraction <= VALIDATION_SPLIT_MAX ? Math.round(fraction * 1000) / 1000 : null;
}

export function withValidationSplit(document: GraphDocument, validationSplit: number): GraphDocument {
  return { ...document, training: { ...document.training, validationSplit } };
}

/** `28×28×1`, `3`. */
export function formatShape(dims: readonly number[]): string {
  return dims.join('×');
}

/** A file reference the app's server cannot have: the user's own file, added again after a reload. */
export function needsFilesAgain(message: string): boolean {
  return /add it again|add its four IDX files|add the folder again|not readable/.test(message);
}
