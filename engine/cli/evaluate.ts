// `netloom eval <graph.json> --weights CKPT [--data PATH]` and
// `netloom predict <graph.json> --weights CKPT --input X.npy --output Y.npy`
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { allIndices, createBatcher, readNpy } from '../data/index.ts';
import { loadCheckpoint, readCheckpointHeader } from '../train/checkpoint.ts';
import { SupervisedTask } from '../train/loops/supervisedTask.ts';
import { Model } from '../train/model.ts';
import { knownErrorMessage } from './failure.ts';
import { createNodeFileSource } from './fileSource.ts';
import { loadGraph, UsageError, withDataPath } from './loadGraph.ts';
import type { Output } from './output.ts';
import { writeNpy } from './npyWrite.ts';
import { createSession, loadData } from './session.ts';
import { predictRows } from './predictRows.ts';

async function readWeights(path: string | undefined): Promise<Uint8Array> {
  if (path === undefined) throw new UsageError('--weights CKPT is required: a checkpoint saved by `netloom train --save`.');
  return new Uint8Array(await readFile(path).catch(() => {
    throw new UsageError(`Cannot read the checkpoint ${path}.`);
  }));
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
    const { values, positionals } = parseArgs({ args: [...argv], options: { weights: { type: 'string' }, data: { type: 'string' } }, allowPositionals: true });
    if (positionals.length !== 1) throw new UsageError('Usage: netloom eval <graph.json> --weights CKPT [--data PATH]');
    const weights = await readWeights(values.weights);
    const isFolder = values.data !== undefined && (await stat(values.data).catch(() => null))?.isDirectory() === true;
    const document = withDataPath(await loadGraph(positionals[0]), values.data, isFolder);
    if (document.training.task === 'gan') throw new UsageError('eval scores classifiers, regressors, autoencoders and sequence models, not GANs.');
    const { header } = readCheckpointHeader(weights);
    const dataset = await loadData(document, positionals[0]);
    const session = createSession(document, dataset, { batchSize: header.batchSize, validationSplit: values.data === undefined ? undefined : 0 }, () => {});
    const task = session.prepared.loop as SupervisedTask;
    loadCheckpoint(weights, task.models, []);
    const split = values.data === undefined && session.prepared.settings.validationSplit > 0 ? task.loop.validation : null;
    const batcher = split ?? createBatcher(dataset, { batchSize: header.batchSize, indices: allIndices(dataset.count), shuffle: false, remainder: 'pad' });
    const result = task.loop.evaluate(batcher);
    output.out(JSON.stringify({ examples: result?.examples ?? 0, part: split === null ? 'all' : 'validation', ...result?.metrics, confusion: result?.confusion ?? undefined }));
    return 0;
  });
}

export function predictCommand(argv: readonly string[], output: Output): Promise<number> {
  return guarded(output, async () => {
    const options = { weights: { type: 'string' }, input: { type: 'string' }, output: { type: 'string' } } as const;
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: true });
    if (positionals.length !== 1 || values.input === undefined || values.output === undefined) throw new UsageError('Usage: netloom predict <graph.json> --weights CKPT --input X.npy --output Y.npy');
    const weights = await readWeights(values.weights);
    const document = await loadGraph(positionals[0]);
    const { header } = readCheckpointHeader(weights);
    const model = Model.compile(document, { batchSize: header.batchSize });
    loadCheckpoint(weights, [model], []);
    const input = await readNpy(createNodeFileSource(process.cwd()), values.input);
    const result = predictRows(model, input, values.input);
    await writeFile(values.output, writeNpy(result.values, result.shape));
    output.error(`wrote ${values.output}: ${result.shape.join('×')} (${result.meaning})`);
    return 0;
  });
}
