// What a dataset holds, for the dataset panel's preview before training: the implied input shape
// and class count, class counts with imbalance flagged, and a look at the examples: a grid of
// sample images with their labels, the first rows as a table, or the start of a text.
import { classCounts, inputSize, inputValue, type Dataset } from './dataset.ts';

/** Images, count × height × width × channels bytes (0..255), with one label each. */
export interface PreviewImages {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: ArrayBuffer;
  readonly labels: readonly string[];
}

export interface PreviewTable {
  readonly columns: readonly { readonly name: string; readonly type: 'number' | 'text'; readonly role: 'input' | 'label' | 'ignored' }[];
  readonly rows: readonly (readonly string[])[];
}

export interface DatasetPreview {
  readonly name: string;
  readonly count: number;
  /** One example's input dims, as the graph's Input must take them. */
  readonly inputDims: readonly number[];
  readonly inputKind: 'float' | 'byte' | 'token';
  readonly targetKind: 'class' | 'token' | 'value' | 'none';
  /** Classes a classifier's last layer must output (class targets), or the vocabulary (tokens). */
  readonly classes?: number;
  readonly classNames?: readonly string[];
  readonly classCounts?: readonly number[];
  /** Largest class over smallest; flagged at IMBALANCE_RATIO or over, or when a class is empty. */
  readonly imbalance?: { readonly ratio: number; readonly flagged: boolean };
  readonly images?: PreviewImages;
  readonly table?: PreviewTable;
  readonly text?: string;
}

export const IMBALANCE_RATIO = 2;
export const PREVIEW_IMAGES = 24;
export const PREVIEW_ROWS = 10;

/** Example indices spread over the classes in turn (class 0's first, class 1's first, ...). */
export function sampleIndices(dataset: Dataset, limit: number): number[] {
  if (dataset.targets.kind !== 'class') return Array.from({ length: Math.min(limit, dataset.count) }, (_, index) => index);
  const byClass: number[][] = dataset.targets.classNames.map(() => []);
  const perClass = Math.ceil(limit / Math.max(1, byClass.length));
  dataset.targets.values.forEach((id, index) => {
    if (byClass[id].length < perClass) byClass[id].push(index);
  });
  const picked: number[] = [];
  for (let round = 0; picked.length < limit && round < perClass; round++) for (const list of byClass) if (round < list.length && picked.length < limit) picked.push(list[round]);
  return picked;
}

function labelOf(dataset: Dataset, index: number): string {
  const targets = dataset.targets;
  if (targets.kind === 'class') return targets.classNames[targets.values[index]];
  if (targets.kind === 'value') return formatNumber(targets.values[index]);
  return '';
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, '');
}

function previewImages(dataset: Dataset): PreviewImages {
  const [height, width, channels] = dataset.inputDims;
  const indices = sampleIndices(dataset, PREVIEW_IMAGES);
  const size = inputSize(dataset);
  const data = new Uint8Array(indices.length * size);
  indices.forEach((example, slot) => {
    for (let offset = 0; offset < size; offset++) data[slot * size + offset] = Math.round(Math.min(1, Math.max(0, inputValue(dataset.inputs, example * size + offset))) * 255);
  });
  return { count: indices.length, height, width, channels, data: data.buffer, labels: indices.map((index) => labelOf(dataset, index)) };
}

function previewTable(dataset: Dataset): PreviewTable {
  const size = inputSize(dataset);
  const names = dataset.featureNames ?? Array.from({ length: size }, (_, index) => `x${index + 1}`);
  const columns: PreviewTable['columns'][number][] = names.map((name) => ({ name, type: 'number', role: 'input' }));
  const labelled = dataset.targets.kind === 'class' || dataset.targets.kind === 'value';
  if (labelled) columns.push({ name: 'label', type: dataset.targets.kind === 'class' ? 'text' : 'number', role: 'label' });
  const rows = Array.from({ length: Math.min(PREVIEW_ROWS, dataset.count) }, (_, row) => {
    const values = Array.from({ length: size }, (_, column) => formatNumber(inputValue(dataset.inputs, row * size + column)));
    return labelled ? [...values, labelOf(dataset, row)] : values;
  });
  return { columns, rows };
}

function previewText(dataset: Dataset): string | undefined {
  const vocabulary = dataset.vocabulary;
  if (dataset.inputs.kind !== 'token' || vocabulary === undefined) return undefined;
  const length = Math.min(dataset.inputs.values.length, inputSize(dataset) * 4);
  return Array.from(dataset.inputs.values.subarray(0, length), (id) => vocabulary[id]).join('');
}

/** The class counts and whether they are imbalanced. */
export function classBalance(counts: ArrayLike<number>): { ratio: number; flagged: boolean } {
  const values = Array.from(counts);
  const largest = Math.max(...values);
  const smallest = Math.min(...values);
  const ratio = smallest === 0 ? Number.POSITIVE_INFINITY : largest / smallest;
  return { ratio, flagged: ratio >= IMBALANCE_RATIO };
}

export function previewDataset(dataset: Dataset): DatasetPreview {
  const counts = classCounts(dataset);
  const targets = dataset.targets;
  const isImage = dataset.inputDims.length === 3 && dataset.inputs.kind !== 'token';
  const classes = targets.kind === 'class' ? targets.classNames.length : targets.kind === 'token' ? dataset.vocabulary?.length : undefined;
  return {
    name: dataset.name,
    count: dataset.count,
    inputDims: [...dataset.inputDims],
    inputKind: dataset.inputs.kind,
    targetKind: targets.kind,
    classes,
    classNames: targets.kind === 'class' ? [...targets.classNames] : undefined,
    classCounts: counts === undefined ? undefined : Array.from(counts),
    imbalance: counts === undefined || counts.length < 2 ? undefined : classBalance(counts),
    images: isImage ? previewImages(dataset) : undefined,
    table: !isImage && dataset.inputs.kind !== 'token' ? previewTable(dataset) : undefined,
    text: previewText(dataset),
  };
}
