// `netloom train <graph.json> [--data PATH] [--epochs N] [--steps N] [--batch N] [--seed N]
//   [--backend NAME] [--save CKPT] [--resume CKPT] [--memory-limit SIZE] [--jsonl]`
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { RunSettings } from '../protocol/index.ts';
import { backendProblem as problemWithBackend, createBackend } from '../backends/index.ts';
import { CheckpointError, readCheckpointHeader, saveCheckpointAsync } from '../train/checkpoint.ts';
import { checkWritable, writeFileAtomically } from './atomicWrite.ts';
import { knownErrorMessage } from './failure.ts';
import { flagError, wholeNumberFlag } from './flags.ts';
import { loadGraph, UsageError, withDataPath } from './loadGraph.ts';
import { memoryLimitOption } from './memoryLimit.ts';
import type { Output } from './output.ts';
import { jsonLinesReporter, plainReporter, terminalReporter, type Reporter } from './progress.ts';
import { createSession, loadData, type Session } from './session.ts';

const OPTIONS = {
  data: { type: 'string' },
  epochs: { type: 'string' },
  steps: { type: 'string' },
  batch: { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  save: { type: 'string' },
  resume: { type: 'string' },
  'memory-limit': { type: 'string' },
  jsonl: { type: 'boolean', default: false },
} as const;

export const TRAIN_USAGE = 'Usage: netloom train <graph.json> [--data PATH] [--epochs N] [--steps N] [--batch N] [--seed N] [--backend NAME] [--save CKPT] [--resume CKPT] [--memory-limit SIZE] [--jsonl]';

/** --jsonl: JSON lines on standard output; a terminal: a progress bar on standard error; else plain lines on standard output. */
function chooseReporter(output: Output, jsonl: boolean, interactive: boolean): Reporter {
  if (jsonl) return jsonLinesReporter(output.out);
  return interactive ? terminalReporter((text) => output.write(text)) : plainReporter(output.out);
}

export async function trainCommand(argv: readonly string[], output: Output, interactive: boolean): Promise<number> {
  try {
    return await train(argv, output, interactive);
  } catch (cause) {
    const message = knownErrorMessage(cause);
    if (message === null) throw cause;
    output.error(message);
    return 1;
  }
}

async function train(argv: readonly string[], output: Output, interactive: boolean): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
  } catch (cause) {
    throw flagError(cause, TRAIN_USAGE);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(TRAIN_USAGE);
  const backendProblem = values.backend === undefined ? null : problemWithBackend(values.backend);
  if (backendProblem !== null) throw new UsageError(backendProblem);
  const settings: RunSettings = { epochs: wholeNumberFlag('epochs', values.epochs), steps: wholeNumberFlag('steps', values.steps), batchSize: wholeNumberFlag('batch', values.batch), seed: wholeNumberFlag('seed', values.seed), telemetryRate: values.jsonl ? 1e9 : 10, memoryLimit: memoryLimitOption(values['memory-limit']) };
  if (values.save !== undefined) await checkWritable(values.save, '--save');
  const isFolder = values.data !== undefined && (await stat(values.data).catch(() => null))?.isDirectory() === true;
  const document = withDataPath(await loadGraph(positionals[0]), values.data, isFolder);
  const checkpoint = values.resume === undefined ? undefined : await readResume(values.resume, output);
  const dataset = await loadData(document, positionals[0]);
  const reporter = chooseReporter(output, values.jsonl, interactive);
  const backend = await createBackend(values.backend);
  try {
    const session = naming(values.resume, () => createSession(document, dataset, settings, (event) => reporter.event(event), checkpoint, backend));
    const reason = await session.run.run();
    reporter.finish();
    if (values.save !== undefined && reason === 'diverged') output.error(`not saved: training diverged; ${await untouched(values.save)}.`);
    else if (values.save !== undefined) {
      await save(session, document.metadata.name, values.save);
      if (!values.jsonl) output.error(`saved ${values.save}`);
    }
    return reason === 'diverged' ? 2 : 0;
  } finally {
    // Every read of the run has been awaited by now (a device backend's work has settled).
    backend.dispose();
  }
}

/** Runs `work`, naming `path` in the message of a CheckpointError it throws. */
function naming<T>(path: string | undefined, work: () => T): T {
  try {
    return work();
  } catch (cause) {
    if (path !== undefined && cause instanceof CheckpointError) throw new CheckpointError(`${path}: ${cause.message}`);
    throw cause;
  }
}

/** The --resume checkpoint, its checksum and header checked before the data is loaded. */
async function readResume(path: string, output: Output): Promise<Uint8Array> {
  const bytes = new Uint8Array(await readFile(path).catch(() => {
    throw new UsageError(`Cannot read the checkpoint ${path}: check the path, or leave out --resume to start a new run.`);
  }));
  const { version } = naming(path, () => readCheckpointHeader(bytes));
  if (version === 1) output.error(`note: ${path} is a version-1 checkpoint, without a checksum; --save writes version 2, which has one.`);
  return bytes;
}

/** Saves the run atomically: the bytes are complete in memory before the target is touched. */
async function save(session: Session, graph: string, path: string): Promise<void> {
  const { loop, settings } = session.prepared;
  const bytes = await saveCheckpointAsync(loop.models, loop.trainers, { graph, batchSize: settings.batchSize, epoch: session.run.epoch, index: session.run.index, steps: session.run.steps });
  await writeFileAtomically(path, bytes);
}

async function untouched(path: string): Promise<string> {
  return (await stat(path).catch(() => null)) === null ? `${path} was not written` : `${path} keeps its previous contents`;
}
