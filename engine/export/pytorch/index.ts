// The PyTorch export on disk: write a graph's package into a folder, and read weights saved by its
// model.py back into a Netloom checkpoint. Node-only (files); package.ts builds the files in memory.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createNodeFileSource } from '../../cli/fileSource.ts';
import { loadDataset, MNIST_PATH, type Dataset } from '../../data/index.ts';
import type { GraphDocument } from '../../graph/index.ts';
import { saveCheckpoint } from '../../train/checkpoint.ts';
import { dataSource } from './dataCode.ts';
import { netloomModels, writeNamedTensors } from './netloomModels.ts';
import { decodeNpz } from './npz.ts';
import { pytorchPackage } from './package.ts';
import { planGraph } from './plan.ts';
import { netloomTensors } from './weights.ts';

export { ExportError } from './plan.ts';
export { pytorchModelCode, pytorchPackage } from './package.ts';

export interface PytorchExportOptions {
  /** The graph's dataset, already loaded; otherwise it is loaded from the graph's reference (paths from the working directory). */
  readonly dataset?: Dataset;
}

/** A checkpoint of the graph's models with the weights its seed gives (what Train starts from). */
export function seededCheckpoint(document: GraphDocument): Uint8Array {
  const { models, trainers, batchSize } = netloomModels(document);
  return saveCheckpoint(models, trainers, { graph: document.metadata.name, batchSize, epoch: 0, index: 0, steps: 0 });
}

async function datasetOf(document: GraphDocument, options: PytorchExportOptions): Promise<Dataset | undefined> {
  if (options.dataset !== undefined || document.dataset === undefined) return options.dataset;
  return loadDataset(document.dataset, { files: createNodeFileSource(process.cwd()), mnistPath: MNIST_PATH });
}

/** Writes model.py, data.py, train.py, README.md, weights.npz (and data.npz) into outFolder; returns the paths written. */
export async function exportPytorch(document: GraphDocument, weights: Uint8Array | null, outFolder: string, options: PytorchExportOptions = {}): Promise<string[]> {
  const checkpoint = weights ?? seededCheckpoint(document);
  const source = dataSource(document, (path) => join(process.cwd(), path));
  const files = pytorchPackage(document, checkpoint, source, await datasetOf(document, options));
  await mkdir(outFolder, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(outFolder, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}

/** A Netloom checkpoint (step 0, fresh optimizer state) of the graph with the weights in a state_dict .npz saved by the exported model.py (a file, or a folder holding weights.npz). */
export async function importPytorchWeights(document: GraphDocument, folderOrFile: string): Promise<Uint8Array> {
  const path = (await stat(folderOrFile)).isDirectory() ? join(folderOrFile, 'weights.npz') : folderOrFile;
  const arrays = decodeNpz(new Uint8Array(await readFile(path)), path);
  const plan = planGraph(document);
  const { models, trainers, batchSize } = netloomModels(plan.document);
  const shapes = new Map<string, readonly number[]>();
  for (const model of models) for (const buffer of model.compiled.program.buffers) if (buffer.name !== undefined) shapes.set(buffer.name, buffer.descriptor.shape);
  writeNamedTensors(models, netloomTensors(plan, arrays, shapes, path));
  return saveCheckpoint(models, trainers, { graph: plan.document.metadata.name, batchSize, epoch: 0, index: 0, steps: 0 });
}
