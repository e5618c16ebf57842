// engine/export/pytorch: a graph as a readable PyTorch package, built in memory (model.py, data.py,
// train.py, README.md, weights.npz, data.npz), and a state_dict saved by its model.py read back into
// a Netloom checkpoint. No file system here: the CLI writes the files (engine/cli/pytorchFiles.ts),
// the app shows them.
import type { GraphDocument } from '../../graph/index.ts';
import { saveCheckpoint } from '../../train/checkpoint.ts';
import { netloomModels, writeNamedTensors } from '../models.ts';
import { decodeNpz } from './npz.ts';
import { planGraph } from './plan.ts';
import { netloomTensors } from './weights.ts';

export { ExportError } from './plan.ts';
export { dataSource, type DataSource } from './dataCode.ts';
export { pytorchModelCode, pytorchPackage, type PackageFiles } from './package.ts';

/** A checkpoint of the graph's models with the weights its seed gives (what Train starts from). */
export function seededCheckpoint(document: GraphDocument): Uint8Array {
  const { models, trainers, batchSize } = netloomModels(document);
  return saveCheckpoint(models, trainers, { graph: document.metadata.name, batchSize, epoch: 0, index: 0, steps: 0 });
}

/** A Netloom checkpoint (step 0, fresh optimizer state) of the graph with the weights of a state_dict .npz saved by the exported model.py; `name` is the file's name for messages. */
export function checkpointFromStateDict(document: GraphDocument, npz: Uint8Array, name: string): Uint8Array {
  const arrays = decodeNpz(npz, name);
  const plan = planGraph(document);
  const { models, trainers, batchSize } = netloomModels(plan.document);
  const shapes = new Map<string, readonly number[]>();
  for (const model of models) for (const buffer of model.compiled.program.buffers) if (buffer.name !== undefined) shapes.set(buffer.name, buffer.descriptor.shape);
  writeNamedTensors(models, netloomTensors(plan, arrays, shapes, name));
  return saveCheckpoint(models, trainers, { graph: plan.document.metadata.name, batchSize, epoch: 0, index: 0, steps: 0 });
}
