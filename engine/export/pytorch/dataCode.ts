// data.py and data.npz: the graph's dataset for train.py. IDX files (MNIST-style) are read from
// where the graph names them, by the reader in data.py; every other source (built-in and
// generated sets, CSV, NPY, image folders, text) is written into data.npz as Netloom loaded it,
// so Python sees exactly the examples Netloom trains on. data.npz also holds the split and, where
// Netloom normalizes the inputs (the document's dataset.normalization, a GAN's range), the map it
// applies: normalization_shift and normalization_factor, one per position of the example's last axis.
import { splitIndices, type Dataset, type Normalization } from '../../data/index.ts';
import type { GraphDocument } from '../../graph/index.ts';
import type { NpyArray } from './npz.ts';
import { DATA_RUNTIME } from './dataRuntime.ts';

/** Where data.py finds the examples: an IDX file pair it reads itself, or data.npz. */
export type DataSource = { readonly format: 'idx'; readonly path: string; readonly labelPath: string | null } | { readonly format: 'npz' };

export function dataSource(document: GraphDocument, resolve: (path: string) => string): DataSource {
  const reference = document.dataset;
  if (reference?.source === 'file' && reference.format === 'idx') return { format: 'idx', path: resolve(reference.path), labelPath: reference.labelPath === undefined ? null : resolve(reference.labelPath) };
  return { format: 'npz' };
}

function int32(values: ArrayLike<number>): NpyArray {
  return { shape: [values.length], data: Int32Array.from(values) };
}

/** data.npz's arrays: the split always; the examples unless data.py reads them from IDX files. */
export function dataArrays(document: GraphDocument, dataset: Dataset, source: DataSource, normalization?: Normalization): Map<string, NpyArray> {
  const { validationSplit, seed } = document.training;
  const split = document.training.task === 'gan' ? { train: Array.from({ length: dataset.count }, (_, index) => index), validation: [] } : splitIndices(dataset.count, validationSplit, seed);
  const arrays = new Map<string, NpyArray>([
    ['train_indices', int32(split.train)],
    ['validation_indices', int32(split.validation)],
  ]);
  if (normalization !== undefined) {
    arrays.set('normalization_shift', { shape: [normalization.shift.length], data: normalization.shift });
    arrays.set('normalization_factor', { shape: [normalization.factor.length], data: normalization.factor });
  }
  if (source.format === 'idx') return arrays;
  const inputShape = [dataset.count, ...dataset.inputDims];
  const { inputs, targets } = dataset;
  arrays.set('inputs', { shape: inputShape, data: inputs.values });
  arrays.set('input_scale', { shape: [], data: Float32Array.of(inputs.kind === 'byte' ? inputs.scale : 1) });
  if (targets.kind !== 'none') arrays.set('targets', { shape: [dataset.count, ...dataset.targetDims], data: targets.values });
  return arrays;
}

export function dataCode(document: GraphDocument, source: DataSource): string {
  const reference = document.dataset;
  const described = reference === undefined ? 'no dataset' : reference.source === 'builtin' ? `the built-in set "${reference.name}"` : `${reference.format} file ${reference.path}`;
  return [
    `"""The dataset of the graph (${described.replace(/"/g, "'")}), read with NumPy only.`,
    '',
    'load() returns the examples in Netloom\'s layout (images height, width, channels), the targets,',
    'and the training and validation indices Netloom uses. IDX files are read where the graph names',
    'them; any other source was written into data.npz by the export, as Netloom loaded it.',
    '"""',
    'import gzip',
    'import json',
    'import os',
    '',
    'import numpy as np',
    '',
    'HERE = os.path.dirname(os.path.abspath(__file__))',
    `SOURCE = json.loads(${JSON.stringify(JSON.stringify(source))})`,
    '',
    DATA_RUNTIME,
  ].join('\n');
}
