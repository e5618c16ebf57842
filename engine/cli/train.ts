// `netloom train <graph.json> [--data PATH] [--epochs N] [--steps N] [--batch N] [--seed N]
//   [--backend NAME] [--save CKPT] [--resume CKPT] [--jsonl]`
import { readFile, stat, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { RunSettings } from '../protocol/index.ts';
import { backendProblem as problemWithBackend, createBackend } from '../backends/index.ts';
import { saveCheckpointAsync } from '../train/checkpoint.ts';
import { knownErrorMessage } from './failure.ts';
import { wholeNumberFlag } from './flags.ts';
import { loadGraph, UsageError, withDataPath } from './loadGraph.ts';
import type { Output } from './output.ts';
import { jsonLinesReporter, plainReporter, terminalReporter, type Reporter } from './progress.ts';
import { createSession, loadData } from './session.ts';

const OPTIONS = {
  data: { type: 'string' },
  epochs: { type: 'string' },
  steps: { type: 'string' },
  batch: { type: 'string' },
  seed: { type: 'string' },
  backend: { type: 'string' },
  save: { type: 'string' },
  resume: { type: 'string' },
  jsonl: { type: 'boolean', default: false },
} as const;

export const TRAIN_USAGE = 'Usage: netloom train <graph.json> [--data PATH] [--epochs N] [--steps N] [--batch N] [--seed N] [--backend NAME] [--save CKPT] [--resume CKPT] [--jsonl]';

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
    throw new UsageError(`${(cause as Error).message}\n${TRAIN_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(TRAIN_USAGE);
  const backendProblem = values.backend === undefined ? null : problemWithBackend(values.backend);
  if (backendProblem !== null) throw new UsageError(backendProblem);
  const settings: RunSettings = { epochs: wholeNumberFlag('epochs', values.epochs), steps: wholeNumberFlag('steps', values.steps), batchSize: wholeNumberFlag('batch', values.batch), seed: wholeNumberFlag('seed', values.seed), telemetryRate: values.jsonl ? 1e9 : 10 };
  const isFolder = values.data !== undefined && (await stat(values.data).catch(() => null))?.isDirectory() === true;
  const document = withDataPath(await loadGraph(positionals[0]), values.data, isFolder);
  const checkpoint = values.resume === undefined ? undefined : await readFile(values.resume).catch(() => {
    throw new UsageError(`Cannot read the checkpoint ${values.resume}.`);
  });
  const dataset = await loadData(document, positionals[0]);
  const reporter = chooseReporter(output, values.jsonl, interactive);
  const backend = await createBackend(values.backend);
  const session = createSession(document, dataset, settings, (event) => reporter.event(event), checkpoint === undefined ? undefined : new Uint8Array(checkpoint), backend);
  const reason = await session.run.run();
  reporter.finish();
  if (values.save !== undefined) {
    const { loop } = session.prepared;
    const bytes = await saveCheckpointAsync(loop.models, loop.trainers, { graph: document.metadata.name, batchSize: session.prepared.settings.batchSize, epoch: session.run.epoch, index: session.run.index, steps: session.run.steps });
    await writeFile(values.save, bytes);
    if (!values.jsonl) output.error(`saved ${values.save}`);
  }
  backend.dispose();
  return reason === 'diverged' ? 2 : 0;
}
