// The app's export, behind the worker boundary: a graph with the weights the user chose, as files
// to save (ONNX models, one per part, checked in onnxruntime against Netloom's own outputs; or the
// PyTorch package as one zip), model.py for the code view, and the check that a checkpoint file
// fits a graph before Train starts from it. Transport-free: the host posts what these return.
import { strToU8, zipSync } from 'fflate';
import type { Dataset } from '../data/index.ts';
import { checkOnnxParity, exportOnnx, freshWeights, PARITY_TOLERANCE, weightsFromCheckpoint, type WeightedModels } from '../export/index.ts';
import { pytorchModelCode, pytorchPackage, seededCheckpoint } from '../export/pytorch/index.ts';
import { analyzeGraph, type GraphDocument } from '../graph/index.ts';
import type { EngineEvent, EngineRequest, ExportedFile, ExportWeightsChoice, ParityReport } from '../protocol/index.ts';
import { CheckpointError, readCheckpointHeader } from '../train/checkpoint.ts';

type ExportRequest = Extract<EngineRequest, { type: 'export' }>;
type Exported = Extract<EngineEvent, { type: 'exported' }>;

export interface ExportDependencies {
  /** The latest run's weights as a checkpoint, or null when nothing has trained in this worker. */
  readonly runCheckpoint: () => Promise<Uint8Array | null>;
  /** The graph's dataset (the PyTorch package's data.npz). */
  readonly loadDataset: (document: GraphDocument) => Promise<Dataset>;
  readonly progress: (stage: string) => void;
}

/** A graph with a problem that stops code generation or export: the first error, with its node. */
export class GraphProblemError extends Error {}

/** The document, or a GraphProblemError naming its first error and where. */
export function exportableDocument(input: unknown): GraphDocument {
  const analysis = analyzeGraph(input);
  const error = analysis.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (analysis.document !== null && error === undefined) return analysis.document;
  const where = error?.nodeId === undefined ? '' : ` (node ${error.nodeId}${error.field === undefined ? '' : `, ${error.field}`})`;
  const what = error?.suggestion === undefined ? 'fix it in the graph first' : error.suggestion;
  const message = (error?.message ?? 'it cannot be read').replace(/\.$/, '');
  throw new GraphProblemError(`The graph has a problem${where}: ${message}. ${what}`);
}

/** "X vs O CNN" -> "x-vs-o-cnn": the files' stem. */
export function fileStem(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'graph' : stem;
}

/** The whole model at `stem.onnx`, the other parts beside it (`stem.generator.onnx`), as the CLI names them. */
export function onnxFileName(stem: string, part: string): string {
  return part === 'model' ? `${stem}.onnx` : `${stem}.${part}.onnx`;
}

interface ChosenWeights {
  /** Checkpoint bytes, or null for the seeded initial weights. */
  readonly bytes: Uint8Array | null;
  readonly description: string;
  readonly source: string;
}

async function chosenWeights(choice: ExportWeightsChoice, dependencies: ExportDependencies): Promise<ChosenWeights> {
  if (choice.kind === 'initial') return { bytes: null, description: 'the initial weights (seeded, untrained)', source: 'The initial weights' };
  if (choice.kind === 'checkpoint') return { bytes: new Uint8Array(choice.data), description: `the weights in ${choice.name}`, source: `The weights in ${choice.name}` };
  const bytes = await dependencies.runCheckpoint();
  if (bytes === null) throw new Error('There is no run of this graph in this session to export: train it first, or export its initial weights.');
  const { header } = readCheckpointHeader(bytes);
  return { bytes, description: `the latest run's weights (step ${header.steps})`, source: "The latest run's weights" };
}

/** The checkpoint's models for this graph, or a CheckpointError that says whose weights did not fit. */
function fitted(document: GraphDocument, weights: ChosenWeights): WeightedModels {
  if (weights.bytes === null) return freshWeights(document);
  try {
    return weightsFromCheckpoint(document, weights.bytes);
  } catch (cause) {
    if (!(cause instanceof CheckpointError)) throw cause;
    throw new CheckpointError(`${weights.source} do not fit the graph as it is now (was it changed since?): ${cause.message}`);
  }
}

/** A copy of exactly these bytes (Node's Buffer, which protobufjs gives there, slices without copying). */
function copied(bytes: Uint8Array): ArrayBuffer {
  return new Uint8Array(bytes).buffer;
}

async function onnxExport(document: GraphDocument, request: ExportRequest, weights: ChosenWeights, dependencies: ExportDependencies): Promise<Pick<Exported, 'files' | 'parity'>> {
  dependencies.progress('Building the ONNX models');
  const loaded = fitted(document, weights);
  const models = exportOnnx(document, loaded.weights, { layout: request.layout ?? 'nchw' });
  const stem = fileStem(document.metadata.name);
  const files: ExportedFile[] = models.map((file) => ({ name: onnxFileName(stem, file.part.name), description: file.part.description, data: copied(file.bytes) }));
  const parity: ParityReport[] = [];
  for (const file of models) {
    dependencies.progress(`Checking the ${file.part.name} in onnxruntime`);
    for (const result of await checkOnnxParity(document, file, loaded.models[file.part.model])) parity.push({ ...result, tolerance: PARITY_TOLERANCE });
  }
  return { files, parity };
}

async function pytorchExport(document: GraphDocument, weights: ChosenWeights, dependencies: ExportDependencies): Promise<ExportedFile[]> {
  const checkpoint = weights.bytes ?? seededCheckpoint(document);
  fitted(document, { ...weights, bytes: checkpoint });
  dependencies.progress('Loading the dataset for data.npz');
  const dataset = await dependencies.loadDataset(document);
  dependencies.progress('Writing the PyTorch package');
  const stem = fileStem(document.metadata.name);
  const folder = `${stem}-pytorch`;
  const files = pytorchPackage(document, checkpoint, { format: 'npz' }, dataset);
  const zip = zipSync(Object.fromEntries([...files].map(([name, content]) => [`${folder}/${name}`, typeof content === 'string' ? strToU8(content) : content])));
  return [{ name: `${folder}.zip`, description: `a PyTorch package (${[...files.keys()].join(', ')})`, data: copied(zip) }];
}

/** The files of an export request, with the weights they hold in words. */
export async function exportFiles(request: ExportRequest, dependencies: ExportDependencies): Promise<Exported> {
  const document = exportableDocument(request.document);
  const weights = await chosenWeights(request.weights, dependencies);
  if (request.format === 'pytorch') return { type: 'exported', requestId: request.requestId, files: await pytorchExport(document, weights, dependencies), weights: weights.description };
  return { type: 'exported', requestId: request.requestId, ...(await onnxExport(document, request, weights, dependencies)), weights: weights.description };
}

/** model.py of the graph, for the code view. */
export function pytorchCode(request: Extract<EngineRequest, { type: 'pytorchCode' }>): Extract<EngineEvent, { type: 'code' }> {
  return { type: 'code', requestId: request.requestId, code: pytorchModelCode(exportableDocument(request.document)) };
}

/** Whether a checkpoint file fits the graph (checksum, header, every tensor): where it stopped, or a CheckpointError naming the file. */
export function checkWeights(request: Extract<EngineRequest, { type: 'checkWeights' }>): Extract<EngineEvent, { type: 'weightsChecked' }> {
  const document = exportableDocument(request.document);
  const bytes = new Uint8Array(request.data);
  try {
    const { header } = readCheckpointHeader(bytes);
    weightsFromCheckpoint(document, bytes);
    return { type: 'weightsChecked', requestId: request.requestId, name: request.name, steps: header.steps, epoch: header.epoch };
  } catch (cause) {
    if (cause instanceof CheckpointError) throw new CheckpointError(`${request.name}: ${cause.message}`);
    throw cause;
  }
}
