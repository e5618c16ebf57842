// The worker's answers to the Learn panel's labs (engine/protocol/learn.ts): inference on chosen
// examples, and where an activation layer's inputs fall in the run's latest batch.
import type { LoadContext } from '../data/index.ts';
import type { EngineEvent, LearnRequest } from '../protocol/index.ts';
import type { TrainingRun } from '../train/run.ts';
import { activationInputStats } from './activationInputs.ts';
import { copyRunWeights, describeExamples, exampleInputs, inferenceModel, learnDocument, preparedData, resolveExample, runExamples } from './learnInference.ts';
import { tensorPayload } from './payloads.ts';

export interface LearnContext {
  /** The worker's latest run, if any. */
  readonly run: TrainingRun | null;
  readonly load: Omit<LoadContext, 'onProgress'>;
  readonly send: (event: EngineEvent) => void;
}

type InferRequest = Extract<LearnRequest, { type: 'inferExamples' }>;
type BinRequest = Extract<LearnRequest, { type: 'binActivationInputs' }>;

export async function handleLearnRequest(context: LearnContext, request: LearnRequest): Promise<void> {
  context.send(request.type === 'inferExamples' ? await inferExamples(context, request) : await binActivationInputs(context.run, request));
}

async function inferExamples(context: LearnContext, request: InferRequest): Promise<EngineEvent> {
  const document = learnDocument(request.document);
  const data = await preparedData(document, context.load);
  const indices = request.examples.map((choice) => resolveExample(data.dataset, choice));
  const model = inferenceModel(document, indices.length);
  try {
    const steps = request.weights === 'run' ? await copyRunWeights(context.run, model) : 0;
    runExamples(model, exampleInputs(data, indices));
    const outputs: Record<string, ReturnType<typeof tensorPayload>> = {};
    for (const nodeId of request.nodeIds) outputs[nodeId] = tensorPayload(await model.read(model.outputBuffer(nodeId)));
    const parameters: Record<string, Record<string, ReturnType<typeof tensorPayload>>> = {};
    for (const parameter of model.compiled.parameters) {
      if (!request.parameterNodeIds.includes(parameter.node)) continue;
      parameters[parameter.node] ??= {};
      parameters[parameter.node][parameter.name] = tensorPayload(await model.read(parameter.value));
    }
    const probabilities = model.compiled.probabilities === null ? undefined : tensorPayload(await model.read(model.compiled.probabilities));
    const targets = data.dataset.targets;
    const classNames = targets.kind === 'class' ? targets.classNames : undefined;
    return { type: 'examplesInferred', requestId: request.requestId, weights: request.weights, steps, examples: describeExamples(data.dataset, indices), outputs, parameters, probabilities, classNames };
  } finally {
    model.dispose();
  }
}

async function binActivationInputs(run: TrainingRun | null, request: BinRequest): Promise<EngineEvent> {
  if (run === null) throw new Error('Nothing has trained yet: press Train, and the histogram follows the run.');
  const model = run.loop.models.find((candidate) => candidate.compiled.nodeOutputs.has(request.nodeId));
  if (model === undefined) throw new Error(`Layer ${request.nodeId} is not in the graph the engine is training: train this graph to see its inputs.`);
  const edge = model.compiled.document.edges.find((candidate) => candidate.target === request.nodeId);
  if (edge === undefined) throw new Error(`Layer ${request.nodeId} has no input: connect one and train again.`);
  const input = await model.read(model.outputBuffer(edge.source));
  const samples = input.shape[0] ?? 1;
  return { type: 'activationInputsBinned', requestId: request.requestId, nodeId: request.nodeId, inputNodeId: edge.source, steps: run.steps, stats: activationInputStats(input.data, samples, request) };
}
