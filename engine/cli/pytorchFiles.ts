// The PyTorch export on disk: a graph's package (engine/export/pytorch) written into a folder, and
// weights.npz saved by its model.py read back into a Netloom checkpoint.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadDataset, type Dataset } from '../data/index.ts';
import { checkpointFromStateDict, dataSource, pytorchPackage, seededCheckpoint } from '../export/pytorch/index.ts';
import type { GraphDocument } from '../graph/index.ts';
import { createNodeFileSource } from './fileSource.ts';
import { MNIST_PATH } from './session.ts';

export interface PytorchExportOptions {
  /** The graph's dataset, already loaded; otherwise it is loaded from the graph's reference (paths from `folder`). */
  readonly dataset?: Dataset;
  /** Where the graph's relative data paths start (the graph file's folder); the working directory by default. */
  readonly folder?: string;
}

async function datasetOf(document: GraphDocument, folder: string, options: PytorchExportOptions): Promise<Dataset | undefined> {
  if (options.dataset !== undefined || document.dataset === undefined) return options.dataset;
  return loadDataset(document.dataset, { files: createNodeFileSource(folder), mnistPath: MNIST_PATH });
}

/** Writes model.py, data.py, train.py, README.md, weights.npz (and data.npz) into outFolder; returns the paths written. Without a checkpoint, the seeded weights a fresh run starts from. */
export async function exportPytorch(document: GraphDocument, checkpoint: Uint8Array | null, outFolder: string, options: PytorchExportOptions = {}): Promise<string[]> {
  const folder = options.folder ?? process.cwd();
  const source = dataSource(document, (path) => resolve(folder, path));
  const files = pytorchPackage(document, checkpoint ?? seededCheckpoint(document), source, await datasetOf(document, folder, options));
  await mkdir(outFolder, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(outFolder, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}

/** A Netloom checkpoint of the graph with the weights in a state_dict .npz (a file, or a folder holding weights.npz). */
export async function importPytorchWeights(document: GraphDocument, folderOrFile: string): Promise<Uint8Array> {
  const path = (await stat(folderOrFile)).isDirectory() ? join(folderOrFile, 'weights.npz') : folderOrFile;
  return checkpointFromStateDict(document, new Uint8Array(await readFile(path)), path);
}
