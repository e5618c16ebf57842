// The fit between the graph and its data, checked on every edit: a dataset is chosen, it suits the
// task, its examples have the data Input's shape, and the classifier gives one score per class.
// Built-in sets are known from the table in datasets.ts; a file from the summary recorded when the
// user chose it (no file is read here). Each problem carries a one-click fix where one exists.
import { closestName } from './closest.ts';
import { builtinDatasets, findBuiltinDataset } from './datasets.ts';
import { error, warning, type Diagnostic } from './diagnostic.ts';
import { normalizationOf, type DatasetReference, type GraphDocument } from './document.ts';
import type { Params } from './layerSpec.ts';
import { formatShape, tensorShape, type TensorShape } from './shape.ts';
import type { Wiring } from './structure.ts';

/** What the checks need to know of the data: one example's dims and, for a classifier, the classes. */
export interface DataFacts {
  /** How messages name the data: the built-in set's name or the file's name. */
  readonly name: string;
  readonly inputDims: readonly number[];
  /** Classes (or the vocabulary of a token set); null where the targets are not classes. */
  readonly classCount: number | null;
  /** The inputs are token ids, which are never normalized. */
  readonly tokens: boolean;
}

export interface FitContext {
  readonly document: GraphDocument;
  readonly wiring: Wiring;
  readonly shapes: ReadonlyMap<string, TensorShape>;
  readonly params: ReadonlyMap<string, Params>;
}

const CHOOSE_DATASET: Diagnostic = warning('The graph names no dataset, so it cannot train yet.', {
  field: 'dataset',
  suggestion: 'Choose a dataset: a built-in set or a file of your own.',
  fix: { kind: 'chooseDataset' },
});

export function checkDatasetFit(context: FitContext): Diagnostic[] {
  const reference = context.document.dataset;
  if (reference === undefined) return [CHOOSE_DATASET];
  const known = dataFacts(reference, context.document);
  if ('problem' in known) return [known.problem];
  const diagnostics: Diagnostic[] = [...checkReference(reference)];
  if (known.facts === null) return diagnostics;
  const input = checkInput(context, known.facts);
  if (input !== null) diagnostics.push(input);
  if (known.facts.tokens && normalizationOf(reference) !== 'none') {
    diagnostics.push(error(`The dataset "${known.facts.name}" is token ids, which cannot be normalized.`, { field: 'dataset.normalization', suggestion: 'Set the normalization to "none".' }));
  }
  diagnostics.push(...checkClasses(context, known.facts));
  return diagnostics;
}

/** The facts of the data where they are known, or the problem with the reference itself. */
export function dataFacts(reference: DatasetReference, document: GraphDocument): { readonly facts: DataFacts | null } | { readonly problem: Diagnostic } {
  if (reference.source === 'file') {
    const summary = reference.summary;
    if (summary === undefined) return { facts: null };
    return { facts: { name: fileName(reference.path), inputDims: summary.inputDims, classCount: summary.classCount ?? null, tokens: reference.format === 'text' } };
  }
  const dataset = findBuiltinDataset(reference.name);
  if (dataset === undefined) {
    const names = builtinDatasets.map((known) => known.name);
    const near = closestName(reference.name, names);
    return { problem: error(`There is no built-in dataset "${reference.name}".`, { field: 'dataset.name', suggestion: near !== null ? `Did you mean "${near}"?` : `Built-in sets: ${names.join(', ')}.` }) };
  }
  const task = document.training.task;
  if (!dataset.tasks.includes(task)) {
    return { problem: error(`The dataset "${dataset.name}" does not suit the task "${task}".`, { field: 'dataset.name', suggestion: `It suits: ${dataset.tasks.join(', ')}.` }) };
  }
  return { facts: { name: dataset.name, inputDims: dataset.inputDims, classCount: dataset.classes ?? null, tokens: dataset.tokens === true } };
}

function checkReference(reference: DatasetReference): Diagnostic[] {
  if (reference.source !== 'file' || reference.labelColumn === undefined || reference.format === 'csv') return [];
  return [warning(`A label column is read from CSV files only; this dataset is ${reference.format}.`, { field: 'dataset.labelColumn', suggestion: 'Remove "labelColumn", or choose a CSV file.' })];
}

function fileName(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? path;
}

/** The data Input (the first that is not a GAN's noise). */
function dataInput(context: FitContext): string | undefined {
  return [...context.wiring.specs].find(([id, spec]) => spec.type === 'Input' && context.params.get(id)?.kind !== 'noise')?.[0];
}

function checkInput(context: FitContext, facts: DataFacts): Diagnostic | null {
  const inputId = dataInput(context);
  const shape = inputId !== undefined ? context.shapes.get(inputId) : undefined;
  if (inputId === undefined || shape === undefined) return null;
  const same = shape.dims.length === facts.inputDims.length && shape.dims.every((size, axis) => size === facts.inputDims[axis]);
  if (same) return null;
  const expected = formatShape(tensorShape(facts.inputDims));
  const params = inputParamsFor(facts.inputDims, context.params.get(inputId)?.kind);
  return error(`The dataset "${facts.name}" has examples of ${expected}, but this Input is ${formatShape(tensorShape(shape.dims))}.`, {
    nodeId: inputId,
    suggestion: `Set the Input to ${expected}.`,
    ...(params === null ? {} : { fix: { kind: 'setInputShape', nodeId: inputId, dims: [...facts.inputDims], params } }),
  });
}

/** The Input params that give one example of `dims` (tokens stay tokens); null past rank 3. */
export function inputParamsFor(dims: readonly number[], kind: unknown): Readonly<Record<string, unknown>> | null {
  if (dims.length === 3) return { kind: 'image', height: dims[0], width: dims[1], channels: dims[2] };
  if (dims.length === 2) return { kind: 'sequence', steps: dims[0], features: dims[1] };
  if (dims.length === 1) return kind === 'tokens' ? { kind: 'tokens', steps: dims[0] } : { kind: 'vector', features: dims[0] };
  return null;
}

function checkClasses(context: FitContext, facts: DataFacts): Diagnostic[] {
  const { document, wiring, shapes } = context;
  const task = document.training.task;
  if (facts.classCount === null || (task !== 'classify' && task !== 'sequence')) return [];
  const diagnostics: Diagnostic[] = [];
  for (const [headId, spec] of wiring.specs) {
    if (spec.type !== 'SoftmaxCrossEntropy') continue;
    const source = wiring.incoming.get(headId)?.get('in')?.source;
    const scores = source !== undefined ? shapes.get(source)?.dims.at(-1) : undefined;
    if (source === undefined || scores === undefined || scores === facts.classCount) continue;
    diagnostics.push(classCountProblem(context, facts, { headId, source, scores }));
  }
  return diagnostics;
}

function classCountProblem(context: FitContext, facts: DataFacts, at: { readonly headId: string; readonly source: string; readonly scores: number }): Diagnostic {
  const classes = facts.classCount ?? 0;
  const what = facts.tokens ? 'distinct tokens' : 'classes';
  const dense = classifierDense(context.wiring, context.shapes, at.source);
  const report = at.scores < classes ? error : warning;
  const extra = at.scores < classes ? '' : ` (${at.scores - classes} never a target)`;
  const message = `The dataset "${facts.name}" has ${classes} ${what}, but ${at.headId} receives ${at.scores} scores${extra}.`;
  if (dense === null) return report(message, { nodeId: at.source, suggestion: `End the network with a Dense of ${classes} units before ${at.headId}.` });
  return report(message, { nodeId: dense, field: 'units', suggestion: `Set units to ${classes}, one per ${facts.tokens ? 'token' : 'class'}.`, fix: { kind: 'setUnits', nodeId: dense, units: classes } });
}

/** The Dense whose units become the head's scores: `from` or the last Dense before it, through layers that keep the last dim. */
export function classifierDense(wiring: Wiring, shapes: ReadonlyMap<string, TensorShape>, from: string): string | null {
  const seen = new Set<string>();
  let at: string | undefined = from;
  while (at !== undefined && !seen.has(at)) {
    seen.add(at);
    const spec = wiring.specs.get(at);
    if (spec === undefined) return null;
    if (spec.type === 'Dense') return at;
    if (spec.inputs.length !== 1) return null;
    const previous: string | undefined = wiring.incoming.get(at)?.get(spec.inputs[0].name)?.source;
    const keeps: boolean = previous !== undefined && shapes.get(previous)?.dims.at(-1) === shapes.get(at)?.dims.at(-1);
    at = keeps ? previous : undefined;
  }
  return null;
}
