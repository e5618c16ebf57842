// `netloom eval <graph.json> --weights CKPT [--data PATH]` and
// `netloom predict <graph.json> --weights CKPT --input X.npy --output Y.npy`
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { allIndices, applyNormalization, createBatcher, documentNormalization, readNpy, type Dataset, type Normalization, type NpyArray } from '../data/index.ts';
import { normalizationOf, type GraphDocument } from '../graph/index.ts';
import { CheckpointError, loadCheckpoint, readCheckpointHeader, type CheckpointHeader } from '../train/checkpoint.ts';
import { SupervisedTask } from '../train/loops/supervisedTask.ts';
import { compileGraph } from '../compile/index.ts';
import { backendProblem, createBackend, type Backend } from '../backends/index.ts';
import { checkMemoryBudget } from '../train/memoryBudget.ts';
import { Model } from '../train/model.ts';
import { checkWritable, writeFileAtomically } from './atomicWrite.ts';
import { knownErrorMessage } from './failure.ts';
import { flagError } from './flags.ts';
import { createNodeFileSource } from './fileSource.ts';
import { loadGraph, UsageError, withDataPath } from './loadGraph.ts';
import { memoryLimitOption } from './memoryLimit.ts';
import type { Output } from './output.ts';
import { writeNpy } from './npyWrite.ts';
import { createSession, loadData } from './session.ts';
import { predictRows } from './predictRows.ts';

const EVAL_USAGE = 'Usage: netloom eval <graph.json> --weights CKPT [--data PATH] [--backend NAME] [--memory-limit SIZE]';
const PREDICT_USAGE = 'Usage: netloom predict <graph.json> --weights CKPT --input X.npy --output Y.npy [--backend NAME] [--memory-limit SIZE]';

/** The backend --backend names (default: the cpu reference, as before the flag), disposed after `work`. */
async function withBackend<T>(name: string | undefined, work: (backend: Backend) => Promise<T>): Promise<T> {
  const problem = name === undefined ? null : backendProblem(name);
  if (problem !== null) throw new UsageError(problem);
  const backend = await createBackend(name ?? 'cpu');
  try {
    return await work(backend);
  } finally {
    backend.dispose();
  }
}

/** The parsed flags, or a one-line UsageError naming what is wrong with them. */
function parsedFlags<T>(parse: () => T, usage: string): T {
  try {
    return parse();
  } catch (cause) {
    throw flagError(cause, usage);
  }
}

interface Weights {
  readonly bytes: Uint8Array;
  readonly header: CheckpointHeader;
  /** Loads the weights into the models, naming the file in a CheckpointError. */
  load(models: readonly Model[]): void;
}

/** The --weights checkpoint, its checksum and header checked before anything else is done. */
async function readWeights(path: string | undefined): Promise<Weights> {
  if (path === undefined) throw new UsageError('--weights CKPT is required: a checkpoint saved by `netloom train --save`.');
  const bytes = new Uint8Array(await readFile(path).catch(() => {
    throw new UsageError(`Cannot read the checkpoint ${path}: check the path given to --weights.`);
  }));
  const named = <T>(work: () => T): T => {
    try {
      return work();
    } catch (cause) {
      throw cause instanceof CheckpointError ? new CheckpointError(`${path}: ${cause.message}`) : cause;
    }
  };
  const { header } = named(() => readCheckpointHeader(bytes));
  return { bytes, header, load: (models) => named(() => loadCheckpoint(bytes, models, [])) };
}

/**
 * The normalization training applied: the graph's choice fitted on the training split of the
 * graph's own dataset (recomputed, it is deterministic), also where other data is scored. `loaded`
 * is that dataset when it is already in memory.
 */
async function trainedNormalization(document: GraphDocument, graphFile: string, loaded?: Dataset): Promise<Normalization | undefined> {
  if (document.dataset === undefined || normalizationOf(document.dataset) === 'none') return undefined;
  return documentNormalization(document, loaded ?? (await loadData(document, graphFile)));
}

/** The rows of `input` normalized as training normalized its examples (a copy; `input` is left alone). */
function normalizedRows(input: NpyArray, normalization: Normalization | undefined): NpyArray {
  if (normalization === undefined) return input;
  const values = Float32Array.from(input.values);
  const size = input.shape.slice(1).reduce((product, size) => product * size, 1);
  for (let start = 0; start < values.length; start += size) applyNormalization(values, normalization, start, size);
  return { ...input, dtype: '<f4', values };
}

export async function guarded(output: Output, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (cause) {
    const message = knownErrorMessage(cause);
    if (message === null) throw cause;
    output.error(message);
    return 1;
  }
}

export function evalCommand(argv: readonly string[], output: Output): Promise<number> {
  return guarded(output, async () => {
    const options = { weights: { type: 'string' }, data: { type: 'string' }, backend: { type: 'string' }, 'memory-limit': { type: 'string' } } as const;
    const { values, positionals } = parsedFlags(() => parseArgs({ args: [...argv], options, allowPositionals: true }), EVAL_USAGE);
    if (positionals.length !== 1) throw new UsageError(EVAL_USAGE);
    const memoryLimit = memoryLimitOption(values['memory-limit']);
    const weights = await readWeights(values.weights);
    const isFolder = values.data !== undefined && (await stat(values.data).catch(() => null))?.isDirectory() === true;
    const graph = await loadGraph(positionals[0]);
    const document = withDataPath(graph, values.data, isFolder);
    if (document.training.task === 'gan') throw new UsageError('eval scores classifiers, regressors, autoencoders and sequence models, not GANs.');
    const { header } = weights;
    const dataset = await loadData(document, positionals[0]);
    const result = await withBackend(values.backend, async (backend) => {
      const session = createSession(document, dataset, { batchSize: header.batchSize, validationSplit: values.data === undefined ? undefined : 0, memoryLimit }, () => {}, undefined, backend);
      const task = session.prepared.loop as SupervisedTask;
      weights.load(task.models);
      const split = values.data === undefined && session.prepared.settings.validationSplit > 0 ? task.loop.validation : null;
      // The validation batcher is normalized as training was; other data by the graph's own dataset's fit.
      const normalization = split === null ? await trainedNormalization(graph, positionals[0], values.data === undefined ? dataset : undefined) : undefined;
      const batcher = split ?? createBatcher(dataset, { batchSize: header.batchSize, indices: allIndices(dataset.count), shuffle: false, remainder: 'pad', normalization });
      return { evaluation: await task.loop.evaluate(batcher), part: split === null ? 'all' : 'validation' };
    });
    const { evaluation, part } = result;
    output.out(JSON.stringify({ examples: evaluation?.examples ?? 0, part, ...evaluation?.metrics, confusion: evaluation?.confusion ?? undefined }));
    return 0;
  });
}

export function predictCommand(argv: readonly string[], output: Output): Promise<number> {
  return guarded(output, async () => {
    const options = { weights: { type: 'string' }, input: { type: 'string' }, output: { type: 'string' }, backend: { type: 'string' }, 'memory-limit': { type: 'string' } } as const;
    const { values, positionals } = parsedFlags(() => parseArgs({ args: [...argv], options, allowPositionals: true }), PREDICT_USAGE);
    if (positionals.length !== 1 || values.input === undefined || values.output === undefined) throw new UsageError(PREDICT_USAGE);
    const memoryLimit = memoryLimitOption(values['memory-limit']);
    await checkWritable(values.output, '--output');
    const weights = await readWeights(values.weights);
    const document = await loadGraph(positionals[0]);
    const compiled = compileGraph(document, { batchSize: weights.header.batchSize });
    const input = await readNpy(createNodeFileSource(process.cwd()), values.input);
    const rows = normalizedRows(input, await trainedNormalization(document, positionals[0]));
    const result = await withBackend(values.backend, (backend) => {
      checkMemoryBudget([compiled], { limit: memoryLimit, backend });
      const model = new Model(compiled, { backend });
      weights.load([model]);
      return predictRows(model, rows, values.input as string);
    });
    await writeFileAtomically(values.output, writeNpy(result.values, result.shape));
    output.error(`wrote ${values.output}: ${result.shape.join('×')} (${result.meaning})`);
    return 0;
  });
}
